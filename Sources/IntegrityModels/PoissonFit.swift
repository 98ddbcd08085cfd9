import IntegrityNumerics
import RealModule

/// The result of `PoissonModel.fit`.
public struct PoissonFit: Sendable, Equatable {
  /// β in design-column order (log scale).
  public var coefficients: [Double]
  /// (XᵀWX)⁻¹ at the fitted μ: the Wald covariance with dispersion 1.
  public var unscaledCovariance: Matrix
  /// μ̂.
  public var fitted: [Double]
  /// D = 2 Σ [y ln(y/μ) − (y − μ)].
  public var deviance: Double
  /// X² = Σ (y − μ)²/μ.
  public var pearsonChiSquare: Double
  /// n − p.
  public var dfResidual: Int
  /// IRLS iterations used.
  public var iterations: Int

  /// φ = X²/(n − p), or `nil` without residual degrees of freedom.
  public var dispersion: Double? { dfResidual > 0 ? pearsonChiSquare / Double(dfResidual) : nil }

  /// Coefficient `term` with Wald SE √(scale·Vₜₜ), normal CI and two-sided normal p.
  public func coefficient(_ term: Int, scale: Double, level: Double) -> TrendCoefficient {
    let b = coefficients[term]
    let se = (scale * unscaledCovariance[term, term]).squareRoot()
    let z = TrendInference.zCritical(level: level)
    return TrendCoefficient(
      estimate: b, standardError: se, low: b - z * se, high: b + z * se,
      pValue: se > 0 ? TrendInference.zTwoSidedPValue(b / se) : nil)
  }

  /// The mean at design row `x0`, exp(η̂), with the CI exp(η̂ ± z·√(scale·x0ᵀVx0)).
  public func mean(at x0: [Double], scale: Double, level: Double) -> (value: Double, low: Double, high: Double) {
    let p = coefficients.count
    var eta = 0.0
    for l in 0..<p { eta += x0[l] * coefficients[l] }
    var q = 0.0
    for a in 0..<p { for b in 0..<p { q += x0[a] * unscaledCovariance[a, b] * x0[b] } }
    let half = TrendInference.zCritical(level: level) * (scale * q).squareRoot()
    return (Double.exp(eta), Double.exp(eta - half), Double.exp(eta + half))
  }

  /// D = 2 Σ [y ln(y/μ) − (y − μ)], the y = 0 terms being 2μ.
  static func deviance(_ y: [Double], _ mu: [Double]) -> Double {
    var d = 0.0
    for i in 0..<y.count {
      let term = y[i] > 0 ? y[i] * Double.log(y[i] / mu[i]) : 0
      d += 2 * (term - (y[i] - mu[i]))
    }
    return d
  }
}
