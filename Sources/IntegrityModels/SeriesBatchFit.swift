import IntegrityNumerics

/// The least-squares fits of many series sharing one design (see `SeriesBatch`).
public struct SeriesBatchFit: Sendable, Equatable {
  /// B, p × k: column j holds series j's coefficients in term order.
  public let coefficients: Matrix
  /// Σ w·e² per series.
  public let residualSumOfSquares: [Double]
  /// Σ w(y − ȳ_w)² per series (uncentred Σ w·y² without intercept).
  public let totalSumOfSquares: [Double]
  /// Observations per series, and residual degrees of freedom n − p.
  public let n: Int
  public let dfResidual: Int
  /// (XᵀWX)⁻¹.
  public let unscaledCovariance: Matrix
  /// The confidence level of intervals, and t₍₁₊level₎/₂,n−p (nil without a level or residual df).
  public let level: Double?
  public let tCritical: Double?

  /// The number of series.
  public var seriesCount: Int { coefficients.columns }

  /// s² = RSS/(n − p), or `nil` without residual degrees of freedom.
  public func residualVariance(_ series: Int) -> Double? {
    dfResidual > 0 ? residualSumOfSquares[series] / Double(dfResidual) : nil
  }

  /// R² = 1 − RSS/TSS, or `nil` when TSS = 0 (a constant series).
  public func rSquared(_ series: Int) -> Double? {
    let tss = totalSumOfSquares[series]
    return tss > 0 ? 1 - residualSumOfSquares[series] / tss : nil
  }

  /// Coefficient `term` of `series` with SE = √(s²·[(XᵀX)⁻¹]ₜₜ), the t-based CI
  /// b ± t₍₁₊level₎/₂,n−p·SE and the two-sided p of t = b/SE.
  public func coefficient(_ term: Int, series: Int) -> TrendCoefficient {
    let estimate = coefficients[term, series]
    guard let s2 = residualVariance(series), let t = tCritical else {
      return TrendCoefficient(estimate: estimate, standardError: nil, low: nil, high: nil, pValue: nil)
    }
    let se = (s2 * unscaledCovariance[term, term]).squareRoot()
    let p = se > 0 ? TrendInference.tTwoSidedPValue(estimate / se, degreesOfFreedom: Double(dfResidual)) : nil
    return TrendCoefficient(estimate: estimate, standardError: se, low: estimate - t * se, high: estimate + t * se, pValue: p)
  }

  /// The fitted value at design row `x0` for `series`, its standard error
  /// se(ŷ) = √(s²·x0ᵀ(XᵀX)⁻¹x0), and the t-based prediction interval ŷ ± t·√(s² + se(ŷ)²).
  public func prediction(at x0: [Double], series: Int) -> (fit: Double, seFit: Double?, low: Double?, high: Double?) {
    let p = coefficients.rows
    precondition(x0.count == p)
    var fit = 0.0
    for l in 0..<p { fit += x0[l] * coefficients[l, series] }
    guard let s2 = residualVariance(series), let t = tCritical else { return (fit, nil, nil, nil) }
    var q = 0.0
    for a in 0..<p { for b in 0..<p { q += x0[a] * unscaledCovariance[a, b] * x0[b] } }
    let seFit = (s2 * q).squareRoot()
    let half = t * (s2 + seFit * seFit).squareRoot()
    return (fit, seFit, fit - half, fit + half)
  }
}
