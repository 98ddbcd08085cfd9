import NumericCore
/// Least squares for many series that share one design: B = R⁻¹·Q₁ᵀ·Y with one series
/// per column of Y (DESIGN.md §8).
///
/// The design X (n × p; e.g. columns 1 and x = year − first_year) is factored once by
/// Householder QR with column pivoting (`QRFactorization`, LAPACK `dgeqp3`); its
/// pseudo-inverse P = R⁻¹Q₁ᵀ (p × n) is formed once from the thin Q by a triangular solve.
/// Then for k series, all at once:
///
///     B = P·Y                    one dgemm, p × k
///     E = Y − X·B                one dgemm, n × k; RSSⱼ = Σᵢ Eᵢⱼ²
///     (XᵀX)⁻¹ = P·Pᵀ             once (= R⁻¹R⁻ᵀ); se(bₗⱼ) = √(RSSⱼ/(n − p) · [(XᵀX)⁻¹]ₗₗ)
///
/// Nothing forms XᵀX from data: P comes from the QR, and residuals are computed directly
/// rather than as yᵀy − ‖Q₁ᵀy‖² (which cancels). 100,000 series cost two matrix products.
///
/// With weights w (WLS; the same weights for every column) rows are scaled by √w first,
/// and R² uses the weighted, centred total sum of squares Σw(y − ȳ_w)² as statsmodels' WLS.
///
/// Edge cases: a rank-deficient design throws `LinearAlgebraError.degenerate`; n ≤ p leaves
/// no residual degrees of freedom, so SEs, t and p are `nil`.
public struct SeriesBatch: Sendable {
  /// The design X (n × p), unweighted.
  public let design: Matrix
  /// Row weights, if WLS.
  public let weights: [Double]?
  /// True when column 0 is the intercept (R² is then centred).
  public let hasIntercept: Bool
  /// P = R⁻¹Q₁ᵀ in term order, p × n (for the √w-scaled design when weighted).
  public let pseudoInverse: Matrix
  /// (XᵀWX)⁻¹ = P·Pᵀ, p × p.
  public let unscaledCovariance: Matrix

  /// Factors the design once.
  public init(design: Matrix, weights: [Double]? = nil, hasIntercept: Bool = true) throws(LinearAlgebraError) {
    let n = design.rows, p = design.columns
    if let weights {
      precondition(weights.count == n, "SeriesBatch: \(weights.count) weights for \(n) rows")
      guard weights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
        throw .degenerate("weights must be positive and finite")
      }
    }
    guard n >= p, p > 0 else { throw .degenerate("\(n) observations for \(p) coefficients") }
    var scaled = design
    if let weights {
      for j in 0..<p { for i in 0..<n { scaled[i, j] *= weights[i].squareRoot() } }
    }
    let qr = try QRFactorization(scaled, pivoting: true)
    let diagonal = qr.diagonal.map(abs)
    let tolerance = Double(max(n, p)) * Double.ulpOfOne * (diagonal.first ?? 0)
    guard diagonal.allSatisfy({ $0 > tolerance }) else {
      throw .degenerate("the design is rank deficient (\(p) columns)")
    }
    let permuted = try qr.solveUpper(p, qr.thinQ(p).transposed)  // rows in pivoted order
    var pinv = Matrix(rows: p, columns: n)
    for (row, term) in qr.permutation.enumerated() {
      for i in 0..<n { pinv[term, i] = permuted[row, i] }
    }
    self.design = design
    self.weights = weights
    self.hasIntercept = hasIntercept
    self.pseudoInverse = pinv
    self.unscaledCovariance = pinv * pinv.transposed
  }

  /// Number of observations per series.
  public var count: Int { design.rows }
  /// Number of coefficients.
  public var parameterCount: Int { design.columns }

  /// Fits every column of `responses` (n × k). Two `dgemm` calls in all. Intervals will be
  /// at `level` (the t critical value is computed once for the whole batch); without a level,
  /// only estimates and sums of squares (IRLS steps need no inference).
  public func fit(_ responses: Matrix, level: Double? = nil) -> SeriesBatchFit {
    let n = design.rows, p = design.columns, k = responses.columns
    precondition(responses.rows == n, "SeriesBatch: \(responses.rows) rows for a design of \(n)")
    var y = responses
    var scaledDesign = design
    if let weights {
      let root = weights.map { $0.squareRoot() }
      for j in 0..<k { for i in 0..<n { y[i, j] *= root[i] } }
      for j in 0..<p { for i in 0..<n { scaledDesign[i, j] *= root[i] } }
    }
    let b = pseudoInverse * y
    let fitted = scaledDesign * b
    var rss = [Double](repeating: 0, count: k)
    var tss = [Double](repeating: 0, count: k)
    let w = weights ?? [Double](repeating: 1, count: n)
    let wSum = w.reduce(0, +)
    let raw = responses.elements, ys = y.elements, fs = fitted.elements
    for j in 0..<k {
      let base = j * n
      var r = 0.0
      for i in 0..<n {
        let e = ys[base + i] - fs[base + i]
        r += e * e
      }
      rss[j] = r
      var t = 0.0
      if hasIntercept {
        var mean = 0.0
        for i in 0..<n { mean += w[i] * raw[base + i] }
        mean /= wSum
        for i in 0..<n {
          let d = raw[base + i] - mean
          t += w[i] * d * d
        }
      } else {
        for i in 0..<n { t += w[i] * raw[base + i] * raw[base + i] }
      }
      tss[j] = t
    }
    return SeriesBatchFit(
      coefficients: b, residualSumOfSquares: rss, totalSumOfSquares: tss, n: n,
      dfResidual: n - p, unscaledCovariance: unscaledCovariance, level: level,
      tCritical: level.flatMap { n > p ? TrendInference.tCritical(level: $0, degreesOfFreedom: Double(n - p)) : nil })
  }
}

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
