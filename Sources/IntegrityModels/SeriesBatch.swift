import IntegrityNumerics
/// Least squares for many series that share one design: B = R⁻¹·Q₁ᵀ·Y with one series
/// per column of Y.
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
