import IntegrityNumerics

extension LinearModel {
  /// Björck's iterative refinement for the augmented system of A = √W·X (kept
  /// columns), using the QR of A·D⁻¹ (column-scaled, pivoted):
  ///
  ///     [ I  A ] [ r ]   [ b ]
  ///     [ Aᵀ 0 ] [ x ] = [ c ]
  ///
  /// Each step computes f = b − r − Ax and g = c − Aᵀr in double-double, then
  ///
  ///     h = R⁻ᵀ·(D⁻¹g)ₚ,   d = Qᵀf = [d₁; d₂]
  ///     δxₛ = R⁻¹(d₁ − h),  δr = Q·[h; d₂]
  ///     x ← x + D⁻¹·P·δxₛ,  r ← r + δr
  ///
  /// With b = √W·y, c = 0 this refines the least-squares estimate β; with b = 0,
  /// c = −eⱼ it refines column j of (AᵀA)⁻¹ (since AᵀA·x = Aᵀb − c). Stops when no
  /// component of x moves by more than one ulp, or after 8 steps.
  ///
  /// Source: Björck (1967), "Iterative refinement of linear least squares
  /// solutions I", BIT 7:257–278; Golub & Van Loan, *Matrix Computations*, §5.3.8.
  func refine(
    x: inout [Double], response includeResponse: Bool, c: [Double], qr: QRFactorization,
    termOfPivot: [Int], norms: [Double], rootWeights: [Double]?
  ) throws(LinearAlgebraError) {
    let n = response.count
    let k = termOfPivot.count
    // r₀ = b − A·x₀, rounded.
    var r = (0..<n).map { i in residual(row: i, x: x, includeResponse: includeResponse, rootWeights: rootWeights).value }
    for _ in 0..<8 {
      var f = [Double](repeating: 0, count: n)
      for i in 0..<n {
        let u = residual(row: i, x: x, includeResponse: includeResponse, rootWeights: rootWeights)
        f[i] = (u - DoubleDouble(r[i])).value
      }
      var gScaled = [Double](repeating: 0, count: k)
      for (j, term) in termOfPivot.enumerated() {
        var g = DoubleDouble(c[term])
        for i in 0..<n {
          var a = DoubleDouble(design.elements[i + term * n])
          if let low = designLow?.elements[i + term * n] { a = a + DoubleDouble(low) }
          if let rootWeights { a = a * rootWeights[i] }
          g = g - a * r[i]
        }
        gScaled[j] = g.value / norms[term]
      }
      let h = try qr.solveUpper(k, Matrix(rows: k, columns: 1, columnMajor: gScaled), transpose: true).elements
      var d = try qr.applyingQTranspose(Matrix(rows: n, columns: 1, columnMajor: f)).elements
      var head = [Double](repeating: 0, count: k)
      for j in 0..<k { head[j] = d[j] - h[j] }
      let deltaScaled = try qr.solveUpper(k, Matrix(rows: k, columns: 1, columnMajor: head)).elements
      for j in 0..<k { d[j] = h[j] }
      let deltaR = try qr.applyingQ(Matrix(rows: n, columns: 1, columnMajor: d)).elements
      // Converged when no scaled component moves by more than one ulp of the largest
      // (norm-wise: a coefficient that is 0 in exact arithmetic does not keep the
      // iteration going through ever smaller noise).
      var largest = 0.0
      for term in termOfPivot { largest = Swift.max(largest, Swift.abs(x[term] * norms[term])) }
      var moved = false
      for (j, term) in termOfPivot.enumerated() {
        let step = deltaScaled[j] / norms[term]
        let updated = x[term] + step
        if updated != x[term] && Swift.abs(deltaScaled[j]) > largest * 0x1p-53 { moved = true }
        x[term] = updated
      }
      for i in 0..<n { r[i] += deltaR[i] }
      if !moved { break }
    }
  }

  /// bᵢ − (A·x)ᵢ in double-double, where b = √W·y (`includeResponse`) or 0.
  func residual(row i: Int, x: [Double], includeResponse: Bool, rootWeights: [Double]?) -> DoubleDouble {
    let (fit, u) = fittedAndResidual(row: i, beta: x)
    let value = includeResponse ? u : -fit
    return rootWeights.map { value * $0[i] } ?? value
  }

  /// (AᵀA)⁻¹ in term order (aliased rows and columns zero), each column refined
  /// from the R⁻¹R⁻ᵀ estimate by `refine` and then symmetrised.
  func refinedUnscaledCovariance(
    _ estimate: Matrix, kept: [Int], qr: QRFactorization, termOfPivot: [Int], norms: [Double],
    rootWeights: [Double]?
  ) throws(LinearAlgebraError) -> Matrix {
    let p = design.columns
    var out = estimate
    for term in kept {
      var x = estimate.column(term)
      var c = [Double](repeating: 0, count: p)
      c[term] = -1
      try refine(x: &x, response: false, c: c, qr: qr, termOfPivot: termOfPivot, norms: norms,
                 rootWeights: rootWeights)
      for a in kept { out[a, term] = x[a] }
    }
    for a in kept {
      for b in kept where a < b {
        let mean = (out[a, b] + out[b, a]) / 2
        out[a, b] = mean
        out[b, a] = mean
      }
    }
    return out
  }
}
