import COpenBLAS

/// The audited wrappers over CBLAS (OpenBLAS).
enum BLAS {
  /// `dgemm`: C ← α·op(A)·op(B) + β·C, column-major.
  ///
  /// Precondition: OpenBLAS opens (`OpenBLAS.library`). The models reach a product only
  /// after a LAPACK factorization, which throws `LinearAlgebraError.unavailable` first.
  static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
    a: [Double], lda: Int, b: [Double], ldb: Int, beta: Double, c: inout [Double], ldc: Int
  ) {
    guard m > 0, n > 0 else { return }
    if k == 0 {
      for j in 0..<n { for i in 0..<m { c[i + j * ldc] *= beta } }
      return
    }
    let lib: OpenBLAS
    do { lib = try OpenBLAS.routines() } catch { preconditionFailure("\(error)") }
    a.withUnsafeBufferPointer { ap in
      b.withUnsafeBufferPointer { bp in
        c.withUnsafeMutableBufferPointer { cp in
          lib.dgemm(
            CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, ap.baseAddress!, blasint(lda),
            bp.baseAddress!, blasint(ldb), beta, cp.baseAddress!, blasint(ldc))
        }
      }
    }
  }
}

extension Matrix {
  /// The product `self · other` (one `dgemm`).
  public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(lhs.columns == rhs.rows, "Matrix: \(lhs.rows)×\(lhs.columns) · \(rhs.rows)×\(rhs.columns)")
    var c = Matrix(rows: lhs.rows, columns: rhs.columns)
    BLAS.gemm(
      transposeA: false, transposeB: false, m: lhs.rows, n: rhs.columns, k: lhs.columns, alpha: 1,
      a: lhs.elements, lda: max(1, lhs.rows), b: rhs.elements, ldb: max(1, rhs.rows), beta: 0,
      c: &c.elements, ldc: max(1, lhs.rows))
    return c
  }

  /// `selfᵀ · other` without forming the transpose (one `dgemm`).
  public func transposeTimes(_ other: Matrix) -> Matrix {
    precondition(rows == other.rows, "Matrix: (\(rows)×\(columns))ᵀ · \(other.rows)×\(other.columns)")
    var c = Matrix(rows: columns, columns: other.columns)
    BLAS.gemm(
      transposeA: true, transposeB: false, m: columns, n: other.columns, k: rows, alpha: 1,
      a: elements, lda: max(1, rows), b: other.elements, ldb: max(1, other.rows), beta: 0,
      c: &c.elements, ldc: max(1, columns))
    return c
  }
}

/// Sets the number of threads OpenBLAS uses. Small designs are faster on one
/// (TOOLCHAIN.md: dgemm 200×200 0.25 ms on 1 thread vs 0.41 ms on 2).
public func setLinearAlgebraThreads(_ n: Int) { OpenBLAS.setThreads(n) }

/// Opens OpenBLAS now — otherwise it opens at the first fit — so that a program can stop
/// before its work when the library is missing. Throws `LinearAlgebraError.unavailable`
/// saying what was tried (`INTEGRITY_STATS_OPENBLAS`, then `libopenblas.so.0` and
/// `libopenblas.so`).
public func requireLinearAlgebra() throws(LinearAlgebraError) { _ = try OpenBLAS.routines() }
