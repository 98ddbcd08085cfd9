import IntegrityNumerics
import RealModule

extension LinearModel {
  /// Fits the model by least squares and computes its inference.
  ///
  /// Algorithm (never the normal equations):
  /// 1. Weighted data: X̃ = √W·X, ỹ = √W·y. Columns are scaled to unit norm
  ///    (X̃ = XₛD), which does not change the solution but makes the tolerance
  ///    below relative to each column.
  /// 2. Aliasing, in term order (R's rule, LINPACK `dqrdc2`): an unpivoted QR of Xₛ;
  ///    a term whose |R_kk| (its component orthogonal to the terms before it) is
  ///    below `aliasingTolerance` is aliased and removed; repeat until none is. This
  ///    search runs only when the pivoted QR of step 3 cannot rule aliasing out
  ///    (σ_min(Xₛ) ≥ 1/‖R⁻¹‖_F below the tolerance).
  /// 3. Householder QR with column pivoting of the kept columns (`dgeqp3`):
  ///    β = P·R⁻¹·Q₁ᵀỹ (`dormqr`, `dtrtrs`).
  /// 4. Iterative refinement of the augmented system [I A; Aᵀ 0][r; β] = [ỹ; 0]
  ///    (Björck 1967, "Iterative refinement of linear least squares solutions I",
  ///    BIT 7:257–278; Golub & Van Loan §5.3.8): both residuals f = ỹ − r − Aβ and
  ///    g = −Aᵀr are accumulated in double-double (with `designLow`, so powers formed
  ///    in extended precision count in full) and the corrections are solved with the
  ///    same QR. Unlike refining β alone, this converges to the exact least-squares
  ///    solution of the double data even when the residual is large (at most 8 steps).
  /// 5. Covariance from R⁻¹ (`dtrtri`): (XᵀWX)⁻¹ = D⁻¹P R⁻¹R⁻ᵀ PᵀD⁻¹, never by
  ///    inverting RᵀR; when max|R_kk|/min|R_kk| exceeds `covarianceRefinementRatio`
  ///    each column is refined like β (b = 0, c = −eⱼ in `refine`); classical σ²(XᵀWX)⁻¹ with σ² = RSS/(n − rank), or the
  ///    sandwich R⁻¹Q₁ᵀ diag(ω) Q₁R⁻ᵀ for HC0–HC3.
  ///
  /// - Parameters:
  ///   - level: confidence level of the intervals, in (0, 1).
  ///   - covariance: classical or heteroskedasticity-consistent.
  ///   - wantLeverage: also compute the leverages hᵢ (they are computed anyway for HC2/HC3).
  /// - Throws: `LinearAlgebraError.degenerate` when there are fewer observations than
  ///   terms, non-finite data, non-positive weights, or every term aliased.
  public func fit(
    level: Double = 0.95, covariance: CovarianceType = .classical, leverage wantLeverage: Bool = false
  ) throws(LinearAlgebraError) -> LinearFit {
    let n = response.count
    let p = design.columns
    precondition(level > 0 && level < 1, "LinearModel.fit: level must be in (0, 1)")
    guard n > 0 else { throw .degenerate("no observations") }
    guard p > 0 else { throw .degenerate("the model has no terms") }
    guard n >= p else {
      throw .degenerate("\(n) observation\(n == 1 ? "" : "s") cannot determine \(p) terms")
    }
    guard response.allSatisfy(\.isFinite) else { throw .notFinite("a response value") }
    guard design.elements.allSatisfy(\.isFinite) else { throw .notFinite("a design value") }
    if let weights {
      guard weights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
        throw .degenerate("weights must be positive and finite")
      }
    }
    let rootWeights = weights.map { $0.map { $0.squareRoot() } }
    // Found once: the property scans the design (O(n·p)).
    let intercept = interceptIndex

    // 1. Weighted, column-scaled design.
    var xw = design
    var yw = response
    if let rootWeights {
      xw.scaleRows(by: rootWeights)
      for i in 0..<n { yw[i] *= rootWeights[i] }
    }
    var norms = [Double](repeating: 0, count: p)
    var scaled = xw
    for j in 0..<p {
      norms[j] = Self.euclideanNorm(xw.elements[(j * n)..<((j + 1) * n)])
      if norms[j] > 0 { scaled.scaleColumn(j, by: 1 / norms[j]) }
    }

    // 2–3. Pivoted QR of the non-zero columns. When σ_min of the unit-norm design is at
    // least the tolerance, no term is aliased (every in-order |R_jj| ≥ σ_min) and this
    // factorization stands; σ_min ≥ 1/‖R⁻¹‖_F bounds it without an SVD. Otherwise the
    // aliased terms are found in term order and the kept ones factored again.
    var aliasedIndices = Set((0..<p).filter { norms[$0] == 0 })
    var kept = (0..<p).filter { norms[$0] > 0 }
    guard !kept.isEmpty else { throw .degenerate("every term is aliased (all predictors are zero)") }
    var qr = try QRFactorization(scaled.selecting(columns: kept), pivoting: true)
    var inverse: Matrix? = nil
    if kept.count <= n, qr.diagonal.allSatisfy({ Swift.abs($0) >= Self.aliasingTolerance }) {
      let candidate = try qr.inverseUpper(kept.count)
      let frobenius = candidate.elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if frobenius.isFinite && 1 / frobenius >= Self.aliasingTolerance { inverse = candidate }
    }
    if inverse == nil {
      aliasedIndices = try Self.aliasedColumns(scaled, norms: norms)
      kept = (0..<p).filter { !aliasedIndices.contains($0) }
      guard !kept.isEmpty else { throw .degenerate("every term is aliased (all predictors are zero)") }
      qr = try QRFactorization(scaled.selecting(columns: kept), pivoting: true)
    }
    let rank = kept.count
    // Column j of the factored matrix is term kept[perm[j]].
    let termOfPivot = qr.permutation.map { kept[$0] }
    var beta = [Double](repeating: 0, count: p)
    func accumulate(_ solution: [Double]) {
      for (j, value) in solution.enumerated() {
        let term = termOfPivot[j]
        beta[term] += value / norms[term]
      }
    }
    if let intercept, kept.contains(intercept), let first = response.first,
      response.allSatisfy({ $0 == first })
    {
      // A constant response is fitted exactly by the intercept alone: every other
      // coefficient is 0 and the residuals vanish (no p-values made of rounding noise).
      beta[intercept] = first
    } else {
      accumulate(try qr.solveLeastSquares(yw, rank: rank))
      // 4. Iterative refinement of the augmented system (Björck 1967).
      try refine(x: &beta, response: true, c: [Double](repeating: 0, count: p), qr: qr,
                 termOfPivot: termOfPivot, norms: norms, rootWeights: rootWeights)
    }

    // Fitted values, residuals and sums of squares.
    var fitted = [Double](repeating: 0, count: n)
    var residuals = [Double](repeating: 0, count: n)
    var rss = DoubleDouble(0)
    for i in 0..<n {
      let (fit, residual) = fittedAndResidual(row: i, beta: beta)
      fitted[i] = fit.value
      residuals[i] = residual.value
      let w = weights?[i] ?? 1
      rss = rss + residual * residual * w
    }
    let rssValue = rss.value
    let dfResidual = n - rank

    // 5. Covariance from R⁻¹, mapped back to term order and unscaled.
    let rInverse: Matrix
    if let inverse { rInverse = inverse } else { rInverse = try qr.inverseUpper(rank) }
    let unscaledPivot = rInverse * rInverse.transposed
    var unscaled = Self.toTermOrder(unscaledPivot, termOfPivot: termOfPivot, norms: norms, p: p)
    // Ill-conditioned designs lose about log₁₀ κ digits in R⁻¹: refine (AᵀA)⁻¹ too.
    let diagonal = qr.diagonal.prefix(rank).map { Swift.abs($0) }
    if let largest = diagonal.max(), let smallest = diagonal.min(), largest > Self.covarianceRefinementRatio * smallest {
      unscaled = try refinedUnscaledCovariance(
        unscaled, kept: kept, qr: qr, termOfPivot: termOfPivot, norms: norms, rootWeights: rootWeights)
    }

    let sigma: Double? = dfResidual > 0 ? (rssValue / Double(dfResidual)).squareRoot() : nil
    var leverage: [Double] = []
    var covarianceMatrix: Matrix
    if covariance == .classical {
      let s2 = sigma.map { $0 * $0 } ?? 0
      covarianceMatrix = unscaled
      covarianceMatrix.scale(by: s2)
      if wantLeverage { leverage = try Self.leverages(qr, rank: rank).h }
    } else {
      let (h, q1) = try Self.leverages(qr, rank: rank)
      leverage = h
      var omega = [Double](repeating: 0, count: n)
      for i in 0..<n {
        let e = residuals[i] * (rootWeights?[i] ?? 1)
        let e2 = e * e
        switch covariance {
        case .classical, .hc0: omega[i] = e2
        case .hc1: omega[i] = dfResidual > 0 ? e2 * Double(n) / Double(dfResidual) : e2
        case .hc2: omega[i] = e2 / (1 - h[i])
        case .hc3: omega[i] = e2 / ((1 - h[i]) * (1 - h[i]))
        }
      }
      var weightedQ = q1
      weightedQ.scaleRows(by: omega)
      let meat = q1.transposeTimes(weightedQ)
      let sandwich = rInverse * meat * rInverse.transposed
      covarianceMatrix = Self.toTermOrder(sandwich, termOfPivot: termOfPivot, norms: norms, p: p)
    }

    // Goodness of fit.
    let interceptKept = hasIntercept && !aliasedIndices.contains(intercept ?? -1)
    let tss = totalSumOfSquares(centered: interceptKept)
    let k0 = interceptKept ? 1 : 0
    var rSquared: Double? = nil
    var adjusted: Double? = nil
    if tss > 0 {
      let r2 = 1 - rssValue / tss
      rSquared = r2
      if dfResidual > 0 { adjusted = 1 - (1 - r2) * Double(n - k0) / Double(dfResidual) }
    }

    // Coefficient table.
    let robust = covariance != .classical
    let critical: Double?
    if robust {
      critical = Normal().quantile((1 + level) / 2)
    } else {
      critical = dfResidual > 0 ? StudentT(degreesOfFreedom: Double(dfResidual)).quantile((1 + level) / 2) : nil
    }
    var coefficients: [LinearFit.Coefficient] = []
    for j in 0..<p {
      if aliasedIndices.contains(j) {
        coefficients.append(.init(term: termNames[j], estimate: nil, standardError: nil, tValue: nil,
                                  pValue: nil, ciLow: nil, ciHigh: nil))
        continue
      }
      let estimate = beta[j]
      var se: Double? = nil
      if robust || sigma != nil { se = Swift.max(0, covarianceMatrix[j, j]).squareRoot() }
      var t: Double? = nil
      var pValue: Double? = nil
      if let se, se > 0 {
        t = estimate / se
        if robust {
          pValue = Normal().twoSidedPValue(estimate / se)
        } else if dfResidual > 0 {
          pValue = StudentT(degreesOfFreedom: Double(dfResidual)).twoSidedPValue(estimate / se)
        }
      }
      let half = se.flatMap { s in critical.map { $0 * s } }
      coefficients.append(.init(term: termNames[j], estimate: estimate, standardError: se, tValue: t,
                                pValue: pValue, ciLow: half.map { estimate - $0 },
                                ciHigh: half.map { estimate + $0 }))
    }

    // Overall F test of the non-intercept terms.
    let dfModel = rank - k0
    var fStatistic: Double? = nil
    if dfModel > 0 && dfResidual > 0 && rssValue > 0 {
      if robust {
        let tested = kept.filter { !(interceptKept && $0 == intercept) }
        fStatistic = try Self.waldF(beta: beta, covariance: covarianceMatrix, terms: tested)
      } else if tss > 0 {
        fStatistic = ((tss - rssValue) / Double(dfModel)) / (rssValue / Double(dfResidual))
      }
    }
    let fPValue = fStatistic.map {
      FisherF(d1: Double(dfModel), d2: Double(dfResidual)).sf($0)
    }

    // Gaussian log-likelihood, as statsmodels' WLS: −n/2·(log 2π + log(RSS/n) + 1) + ½Σ log wᵢ.
    var logLikelihood: Double? = nil
    if rssValue > 0 {
      let nn = Double(n)
      var ll = -nn / 2 * (Double.log(2 * Double.pi) + Double.log(rssValue / nn) + 1)
      if let weights { ll += weights.reduce(0) { $0 + Double.log($1) } / 2 }
      logLikelihood = ll
    }
    let aic = logLikelihood.map { -2 * $0 + 2 * Double(rank) }
    let bic = logLikelihood.map { -2 * $0 + Double.log(Double(n)) * Double(rank) }

    return LinearFit(
      coefficients: coefficients, n: n, dfResidual: dfResidual, rank: rank,
      aliased: aliasedIndices.sorted().map { termNames[$0] }, sigma: sigma,
      residualSumOfSquares: rssValue, rSquared: rSquared, adjustedRSquared: adjusted,
      fStatistic: fStatistic, fPValue: fPValue, dfModel: dfModel, logLikelihood: logLikelihood,
      aic: aic, bic: bic, covarianceType: covariance, level: level, fitted: fitted,
      residuals: residuals, leverage: leverage, covariance: covarianceMatrix,
      unscaledCovariance: unscaled)
  }

  /// The index of the intercept column: the first column of ones, if `hasIntercept`.
  var interceptIndex: Int? {
    guard hasIntercept else { return nil }
    let n = design.rows
    return (0..<design.columns).first { j in
      (0..<n).allSatisfy { design.elements[$0 + j * n] == 1 }
    }
  }

  /// xᵢβ and yᵢ − xᵢβ for row i, in double-double (design + designLow).
  func fittedAndResidual(row i: Int, beta: [Double]) -> (DoubleDouble, DoubleDouble) {
    let n = design.rows
    var fit = DoubleDouble(0)
    for j in 0..<design.columns where beta[j] != 0 {
      fit = fit + DoubleDouble.twoProduct(design.elements[i + j * n], beta[j])
      if let low = designLow?.elements[i + j * n], low != 0 { fit = fit + DoubleDouble(low * beta[j]) }
    }
    return (fit, DoubleDouble(response[i]) - fit)
  }

  /// √wᵢ·(yᵢ − xᵢβ), accumulated in double-double and rounded once.
  func weightedResiduals(_ beta: [Double], rootWeights: [Double]?) -> [Double] {
    (0..<response.count).map { i in
      let (_, r) = fittedAndResidual(row: i, beta: beta)
      return rootWeights.map { (r * $0[i]).value } ?? r.value
    }
  }

  /// Σwᵢ(yᵢ − ȳ_w)² (centered) or Σwᵢyᵢ² (uncentered), two-pass in double-double.
  func totalSumOfSquares(centered: Bool) -> Double {
    let n = response.count
    var mean = 0.0
    if centered {
      var sum = DoubleDouble(0)
      var weightSum = DoubleDouble(0)
      for i in 0..<n {
        let w = weights?[i] ?? 1
        sum = sum + DoubleDouble.twoProduct(response[i], w)
        weightSum = weightSum + DoubleDouble(w)
      }
      mean = sum.value / weightSum.value
    }
    var total = DoubleDouble(0)
    for i in 0..<n {
      let d = DoubleDouble(response[i]) - DoubleDouble(mean)
      total = total + d * d * (weights?[i] ?? 1)
    }
    return total.value
  }

  /// ‖v‖₂ with scaling against overflow (LAPACK `dnrm2`'s idea, simply).
  static func euclideanNorm(_ v: ArraySlice<Double>) -> Double {
    let largest = v.reduce(0) { Swift.max($0, Swift.abs($1)) }
    guard largest > 0 else { return 0 }
    var sum = 0.0
    for x in v {
      let s = x / largest
      sum += s * s
    }
    return largest * sum.squareRoot()
  }

  /// Columns aliased with earlier ones: zero columns, then, repeatedly, the first
  /// column whose unpivoted |R_kk| (unit-norm columns) is below the tolerance.
  static func aliasedColumns(_ scaled: Matrix, norms: [Double]) throws(LinearAlgebraError) -> Set<Int> {
    let n = scaled.rows
    var aliased = Set((0..<scaled.columns).filter { norms[$0] == 0 })
    while true {
      let columns = (0..<scaled.columns).filter { !aliased.contains($0) }
      if columns.isEmpty { return aliased }
      let qr = try QRFactorization(scaled.selecting(columns: columns), pivoting: false)
      let diagonal = qr.diagonal
      if let k = diagonal.firstIndex(where: { Swift.abs($0) < aliasingTolerance }) {
        aliased.insert(columns[k])
        continue
      }
      // Columns beyond the n-th lie in the span of the first n independent ones.
      if columns.count > n { for c in columns[n...] { aliased.insert(c) } }
      return aliased
    }
  }

  /// Leverages hᵢ = ‖row i of Q₁‖² and the thin Q₁ itself.
  static func leverages(_ qr: QRFactorization, rank: Int) throws(LinearAlgebraError) -> (h: [Double], q1: Matrix) {
    let q1 = try qr.thinQ(rank)
    let n = q1.rows
    var h = [Double](repeating: 0, count: n)
    for k in 0..<rank {
      for i in 0..<n {
        let q = q1.elements[i + k * n]
        h[i] += q * q
      }
    }
    return (h, q1)
  }

  /// A `rank × rank` matrix in pivot order of unit-norm columns → `p × p` in term
  /// order on the original scale (aliased rows and columns zero).
  static func toTermOrder(_ m: Matrix, termOfPivot: [Int], norms: [Double], p: Int) -> Matrix {
    var out = Matrix(rows: p, columns: p)
    for b in 0..<m.columns {
      let tb = termOfPivot[b]
      for a in 0..<m.rows {
        let ta = termOfPivot[a]
        out[ta, tb] = m[a, b] / (norms[ta] * norms[tb])
      }
    }
    return out
  }

  /// Wald F = b′V⁻¹b / q for the tested terms (statsmodels' robust `fvalue`).
  static func waldF(beta: [Double], covariance: Matrix, terms: [Int]) throws(LinearAlgebraError) -> Double? {
    let q = terms.count
    guard q > 0 else { return nil }
    var v = Matrix(rows: q, columns: q)
    for (a, ta) in terms.enumerated() { for (b, tb) in terms.enumerated() { v[a, b] = covariance[ta, tb] } }
    let b = terms.map { beta[$0] }
    let qr = try QRFactorization(v, pivoting: true)
    guard qr.diagonal.allSatisfy({ $0 != 0 }) else { return nil }
    let solution = try qr.solveLeastSquares(b, rank: q)
    var x = [Double](repeating: 0, count: q)
    for (j, value) in solution.enumerated() { x[qr.permutation[j]] = value }
    var wald = 0.0
    for a in 0..<q { wald += b[a] * x[a] }
    return wald / Double(q)
  }
}
