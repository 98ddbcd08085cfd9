import COpenBLAS

/// LAPACK's Fortran INTEGER on LP64 OpenBLAS.
public typealias LapackInt = Int32

/// The audited wrappers over the LAPACK routines we call (OpenBLAS's Fortran symbols).
///
/// Every wrapper
/// - takes column-major storage as `inout [Double]` with its leading dimension,
/// - guards empty arrays before touching `baseAddress`,
/// - runs the `lwork = -1` workspace query itself, then the real call,
/// - reports status through `check`: `info < 0` is our bug and traps; `info > 0`
///   is a property of the data and becomes a `LinearAlgebraError`.
///
/// This file and `BLAS.swift` are the only places that pass pointers to C.
enum LAPACK {
  /// Status of a LAPACK call: `info < 0` is an illegal argument (our bug: trap);
  /// `info > 0` is returned as a thrown `LinearAlgebraError.routine`.
  static func check(_ routine: String, _ info: LapackInt) throws(LinearAlgebraError) {
    precondition(info >= 0, "\(routine): argument \(-info) is illegal")
    if info > 0 { throw .routine(routine, info: Int(info)) }
  }

  /// `dgeqp3`: A·P = Q·R with column pivoting (Businger–Golub). On return `a` holds R
  /// in its upper triangle and the Householder vectors below; `pivots` (1-based, as
  /// LAPACK returns them) give P; `tau` the reflector scalars. All columns are free
  /// (`pivots` zero on entry).
  static func geqp3(
    m: Int, n: Int, a: inout [Double], lda: Int, pivots: inout [LapackInt], tau: inout [Double]
  ) throws(LinearAlgebraError) {
    precondition(a.count >= lda * n && pivots.count >= n && tau.count >= min(m, n))
    guard m > 0, n > 0 else { return }
    let lib = try OpenBLAS.routines()
    var m32 = LapackInt(m), n32 = LapackInt(n), lda32 = LapackInt(lda)
    var info: LapackInt = 0
    var query = 0.0
    var lwork: LapackInt = -1
    a.withUnsafeMutableBufferPointer { ap in
      pivots.withUnsafeMutableBufferPointer { pp in
        tau.withUnsafeMutableBufferPointer { tp in
          lib.dgeqp3(&m32, &n32, ap.baseAddress!, &lda32, pp.baseAddress!, tp.baseAddress!, &query, &lwork, &info)
        }
      }
    }
    try check("dgeqp3", info)
    lwork = LapackInt(max(query, Double(3 * n + 1)))
    var work = [Double](repeating: 0, count: Int(lwork))
    a.withUnsafeMutableBufferPointer { ap in
      pivots.withUnsafeMutableBufferPointer { pp in
        tau.withUnsafeMutableBufferPointer { tp in
          work.withUnsafeMutableBufferPointer { wp in
            lib.dgeqp3(&m32, &n32, ap.baseAddress!, &lda32, pp.baseAddress!, tp.baseAddress!, wp.baseAddress!, &lwork, &info)
          }
        }
      }
    }
    try check("dgeqp3", info)
  }

  /// `dgeqrf`: A = Q·R without pivoting.
  static func geqrf(m: Int, n: Int, a: inout [Double], lda: Int, tau: inout [Double]) throws(LinearAlgebraError) {
    precondition(a.count >= lda * n && tau.count >= min(m, n))
    guard m > 0, n > 0 else { return }
    let lib = try OpenBLAS.routines()
    var m32 = LapackInt(m), n32 = LapackInt(n), lda32 = LapackInt(lda)
    var info: LapackInt = 0
    var query = 0.0
    var lwork: LapackInt = -1
    a.withUnsafeMutableBufferPointer { ap in
      tau.withUnsafeMutableBufferPointer { tp in
        lib.dgeqrf(&m32, &n32, ap.baseAddress!, &lda32, tp.baseAddress!, &query, &lwork, &info)
      }
    }
    try check("dgeqrf", info)
    lwork = LapackInt(max(query, Double(n)))
    var work = [Double](repeating: 0, count: Int(lwork))
    a.withUnsafeMutableBufferPointer { ap in
      tau.withUnsafeMutableBufferPointer { tp in
        work.withUnsafeMutableBufferPointer { wp in
          lib.dgeqrf(&m32, &n32, ap.baseAddress!, &lda32, tp.baseAddress!, wp.baseAddress!, &lwork, &info)
        }
      }
    }
    try check("dgeqrf", info)
  }

  /// `dormqr`: C ← Qᵀ·C (`transpose`) or Q·C, Q from `geqp3`/`geqrf` (`k` reflectors,
  /// stored in `a`), C is `m × n` column-major with leading dimension `ldc`.
  static func ormqrLeft(
    transpose: Bool, m: Int, n: Int, k: Int, a: [Double], lda: Int, tau: [Double],
    c: inout [Double], ldc: Int
  ) throws(LinearAlgebraError) {
    precondition(c.count >= ldc * n && a.count >= lda * k && tau.count >= k)
    guard m > 0, n > 0, k > 0 else { return }
    let lib = try OpenBLAS.routines()
    var side = CChar(UInt8(ascii: "L"))
    var trans = CChar(UInt8(ascii: transpose ? "T" : "N"))
    var m32 = LapackInt(m), n32 = LapackInt(n), k32 = LapackInt(k)
    var lda32 = LapackInt(lda), ldc32 = LapackInt(ldc)
    var info: LapackInt = 0
    var query = 0.0
    var lwork: LapackInt = -1
    a.withUnsafeBufferPointer { ap in
      tau.withUnsafeBufferPointer { tp in
        c.withUnsafeMutableBufferPointer { cp in
          lib.dormqr(&side, &trans, &m32, &n32, &k32, ap.baseAddress!, &lda32, tp.baseAddress!,
                  cp.baseAddress!, &ldc32, &query, &lwork, &info, 1, 1)
        }
      }
    }
    try check("dormqr", info)
    lwork = LapackInt(max(query, Double(max(1, n))))
    var work = [Double](repeating: 0, count: Int(lwork))
    a.withUnsafeBufferPointer { ap in
      tau.withUnsafeBufferPointer { tp in
        c.withUnsafeMutableBufferPointer { cp in
          work.withUnsafeMutableBufferPointer { wp in
            lib.dormqr(&side, &trans, &m32, &n32, &k32, ap.baseAddress!, &lda32, tp.baseAddress!,
                    cp.baseAddress!, &ldc32, wp.baseAddress!, &lwork, &info, 1, 1)
          }
        }
      }
    }
    try check("dormqr", info)
  }

  /// `dtrtrs`: solves U·X = B (or Uᵀ·X = B) for the leading `n × n` upper triangle
  /// of `a`; B is `n × nrhs` with leading dimension `ldb`. A zero diagonal is a
  /// singular system (`info > 0`, thrown).
  static func trtrsUpper(
    transpose: Bool, n: Int, nrhs: Int, a: [Double], lda: Int, b: inout [Double], ldb: Int
  ) throws(LinearAlgebraError) {
    precondition(a.count >= lda * n && b.count >= ldb * nrhs)
    guard n > 0, nrhs > 0 else { return }
    let lib = try OpenBLAS.routines()
    var uplo = CChar(UInt8(ascii: "U"))
    var trans = CChar(UInt8(ascii: transpose ? "T" : "N"))
    var diag = CChar(UInt8(ascii: "N"))
    var n32 = LapackInt(n), nrhs32 = LapackInt(nrhs), lda32 = LapackInt(lda), ldb32 = LapackInt(ldb)
    var info: LapackInt = 0
    a.withUnsafeBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        lib.dtrtrs(&uplo, &trans, &diag, &n32, &nrhs32, ap.baseAddress!, &lda32, bp.baseAddress!, &ldb32,
                &info, 1, 1, 1)
      }
    }
    try check("dtrtrs", info)
  }

  /// `dtrtri`: inverts the upper-triangular `n × n` matrix held in `a` in place.
  static func trtriUpper(n: Int, a: inout [Double], lda: Int) throws(LinearAlgebraError) {
    precondition(a.count >= lda * n)
    guard n > 0 else { return }
    let lib = try OpenBLAS.routines()
    var uplo = CChar(UInt8(ascii: "U"))
    var diag = CChar(UInt8(ascii: "N"))
    var n32 = LapackInt(n), lda32 = LapackInt(lda)
    var info: LapackInt = 0
    a.withUnsafeMutableBufferPointer { ap in
      lib.dtrtri(&uplo, &diag, &n32, ap.baseAddress!, &lda32, &info, 1, 1)
    }
    try check("dtrtri", info)
  }

  /// `dgelsd`: minimum-norm least squares by SVD (divide and conquer). `b` is
  /// `max(m, n) × nrhs`; singular values below `rcond · s₁` count as zero. Returns
  /// the effective rank; `singularValues` receives s.
  static func gelsd(
    m: Int, n: Int, nrhs: Int, a: inout [Double], lda: Int, b: inout [Double], ldb: Int,
    rcond: Double, singularValues: inout [Double]
  ) throws(LinearAlgebraError) -> Int {
    precondition(a.count >= lda * n && b.count >= ldb * nrhs && ldb >= max(m, n))
    precondition(singularValues.count >= min(m, n))
    guard m > 0, n > 0, nrhs > 0 else { return 0 }
    let lib = try OpenBLAS.routines()
    var m32 = LapackInt(m), n32 = LapackInt(n), nrhs32 = LapackInt(nrhs)
    var lda32 = LapackInt(lda), ldb32 = LapackInt(ldb)
    var rcondVar = rcond
    var rank: LapackInt = 0
    var info: LapackInt = 0
    var query = 0.0
    var iquery: LapackInt = 0
    var lwork: LapackInt = -1
    a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        singularValues.withUnsafeMutableBufferPointer { sp in
          lib.dgelsd(&m32, &n32, &nrhs32, ap.baseAddress!, &lda32, bp.baseAddress!, &ldb32, sp.baseAddress!,
                  &rcondVar, &rank, &query, &lwork, &iquery, &info)
        }
      }
    }
    try check("dgelsd", info)
    lwork = LapackInt(query)
    var work = [Double](repeating: 0, count: max(1, Int(lwork)))
    var iwork = [LapackInt](repeating: 0, count: max(1, Int(iquery)))
    a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        singularValues.withUnsafeMutableBufferPointer { sp in
          work.withUnsafeMutableBufferPointer { wp in
            iwork.withUnsafeMutableBufferPointer { ip in
              lib.dgelsd(&m32, &n32, &nrhs32, ap.baseAddress!, &lda32, bp.baseAddress!, &ldb32, sp.baseAddress!,
                      &rcondVar, &rank, wp.baseAddress!, &lwork, ip.baseAddress!, &info)
            }
          }
        }
      }
    }
    try check("dgelsd", info)
    return Int(rank)
  }
}
