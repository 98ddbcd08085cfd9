/// Householder QR factorization of an `m × n` matrix, optionally with column
/// pivoting: A·P = Q·R (LAPACK `dgeqp3`; without pivoting `dgeqrf`).
///
/// Q is kept implicitly as Householder reflectors and applied with `dormqr`;
/// triangular systems are solved with `dtrtrs`. Nothing here forms XᵀX.
///
/// Source: Golub & Van Loan, *Matrix Computations* (4th ed.), §5.2 and §5.4.1;
/// the corresponding LAPACK routines are `dgeqp3`, `dgeqrf`, `dormqr`, `dtrtrs`.
public struct QRFactorization: Sendable {
  /// Rows and columns of the factored matrix.
  public let rows: Int, columns: Int
  /// R in the upper triangle, reflectors below (LAPACK's layout), column-major.
  @usableFromInline var factors: [Double]
  @usableFromInline var tau: [Double]
  /// P as a list: column `j` of A·P is column `permutation[j]` of A (0-based).
  public let permutation: [Int]

  /// Factors `a`. With `pivoting`, columns are chosen greedily by largest remaining
  /// norm (Businger–Golub), so |R₁₁| ≥ |R₂₂| ≥ … approximately and the rank is revealed.
  public init(_ a: Matrix, pivoting: Bool = true) throws(LinearAlgebraError) {
    rows = a.rows
    columns = a.columns
    factors = a.elements
    tau = [Double](repeating: 0, count: max(1, min(a.rows, a.columns)))
    if pivoting {
      var pivots = [LapackInt](repeating: 0, count: max(1, a.columns))
      try LAPACK.geqp3(m: rows, n: columns, a: &factors, lda: max(1, rows), pivots: &pivots, tau: &tau)
      permutation = (0..<columns).map { Int(pivots[$0]) - 1 }
    } else {
      try LAPACK.geqrf(m: rows, n: columns, a: &factors, lda: max(1, rows), tau: &tau)
      permutation = Array(0..<columns)
    }
  }

  /// |R_kk| for k < min(m, n).
  public var diagonal: [Double] {
    (0..<min(rows, columns)).map { factors[$0 + $0 * rows] }
  }

  /// The leading `k × k` block of R (upper triangular), column-major.
  public func upperTriangle(_ k: Int) -> Matrix {
    precondition(k <= min(rows, columns))
    var r = Matrix(rows: k, columns: k)
    for j in 0..<k {
      for i in 0...j { r[i, j] = factors[i + j * rows] }
    }
    return r
  }

  /// Qᵀ·B for a matrix B with `rows` rows.
  public func applyingQTranspose(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
    try applying(b, transpose: true)
  }

  /// Q·B for a matrix B with `rows` rows.
  public func applyingQ(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
    try applying(b, transpose: false)
  }

  /// Q·B or Qᵀ·B with all min(m, n) reflectors (`dormqr`).
  func applying(_ b: Matrix, transpose: Bool) throws(LinearAlgebraError) -> Matrix {
    precondition(b.rows == rows)
    var c = b
    try LAPACK.ormqrLeft(
      transpose: transpose, m: rows, n: b.columns, k: min(rows, columns), a: factors, lda: max(1, rows),
      tau: tau, c: &c.elements, ldc: max(1, rows))
    return c
  }

  /// The first `k` columns of Q (the thin Q₁, `rows × k`).
  public func thinQ(_ k: Int) throws(LinearAlgebraError) -> Matrix {
    precondition(k <= min(rows, columns))
    var e = Matrix(rows: rows, columns: k)
    for j in 0..<k { e[j, j] = 1 }
    return try applyingQ(e)
  }

  /// Solves R₁₁·X = B (or R₁₁ᵀ·X = B with `transpose`) for the leading `k × k` block
  /// of R; B has `k` rows.
  /// A zero on the diagonal throws (`dtrtrs` info > 0).
  public func solveUpper(_ k: Int, _ b: Matrix, transpose: Bool = false) throws(LinearAlgebraError) -> Matrix {
    precondition(b.rows == k && k <= min(rows, columns))
    var x = b
    try LAPACK.trtrsUpper(
      transpose: transpose, n: k, nrhs: b.columns, a: factors, lda: max(1, rows), b: &x.elements,
      ldb: max(1, k))
    return x
  }

  /// R₁₁⁻¹ for the leading `k × k` block (`dtrtri`), upper triangular.
  public func inverseUpper(_ k: Int) throws(LinearAlgebraError) -> Matrix {
    var r = upperTriangle(k)
    try LAPACK.trtriUpper(n: k, a: &r.elements, lda: max(1, k))
    return r
  }

  /// The least-squares solution of A·x ≈ b using the leading `k` pivoted columns
  /// (x is in the order of `permutation`: x[j] multiplies column `permutation[j]`).
  public func solveLeastSquares(_ b: [Double], rank k: Int) throws(LinearAlgebraError) -> [Double] {
    precondition(b.count == rows)
    let c = try applyingQTranspose(Matrix(rows: rows, columns: 1, columnMajor: b))
    let head = Matrix(rows: k, columns: 1, columnMajor: Array(c.elements[0..<k]))
    return try solveUpper(k, head).elements
  }
}

/// Minimum-norm least squares by SVD (LAPACK `dgelsd`): for designs a QR cannot
/// settle. Returns the solution and the effective rank at `rcond`.
public func minimumNormLeastSquares(
  _ a: Matrix, _ b: [Double], rcond: Double = -1
) throws(LinearAlgebraError) -> (solution: [Double], rank: Int, singularValues: [Double]) {
  precondition(b.count == a.rows)
  let ldb = max(1, max(a.rows, a.columns))
  var bb = [Double](repeating: 0, count: ldb)
  for i in 0..<a.rows { bb[i] = b[i] }
  var aa = a.elements
  var s = [Double](repeating: 0, count: max(1, min(a.rows, a.columns)))
  let rank = try LAPACK.gelsd(
    m: a.rows, n: a.columns, nrhs: 1, a: &aa, lda: max(1, a.rows), b: &bb, ldb: ldb, rcond: rcond,
    singularValues: &s)
  return (Array(bb[0..<a.columns]), rank, s)
}
