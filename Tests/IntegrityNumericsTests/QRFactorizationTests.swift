import Testing
import TestSupport
@testable import IntegrityNumerics

@Suite struct QRFactorizationTests {
  let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6], [7, 8, 10], [1, 0, 1]])

  /// A·P = Q·R to rounding, R upper triangular, |R_kk| non-increasing with pivoting.
  @Test func reconstructsThePivotedMatrix() throws {
    let qr = try QRFactorization(a, pivoting: true)
    let r = qr.upperTriangle(3)
    var rFull = Matrix(rows: 4, columns: 3)
    for j in 0..<3 { for i in 0...j { rFull[i, j] = r[i, j] } }
    let qTimesR = try qr.applyingQ(rFull)
    let ap = a.selecting(columns: qr.permutation)
    for k in ap.elements.indices { #expect(abs(qTimesR.elements[k] - ap.elements[k]) < 1e-13) }
    let d = qr.diagonal.map(abs)
    #expect(d[0] >= d[1] && d[1] >= d[2])
  }

  /// Q is orthogonal: QᵀQ = I.
  @Test func thinQIsOrthonormal() throws {
    let q = try QRFactorization(a).thinQ(3)
    let qtq = q.transposeTimes(q)
    for i in 0..<3 { for j in 0..<3 { #expect(abs(qtq[i, j] - (i == j ? 1 : 0)) < 1e-14) } }
  }

  /// A square system with a known solution: A·[1, −1, 2] = b.
  @Test func solvesASquareSystem() throws {
    let square = Matrix(rowMajor: [[2, 1, 0], [1, 3, 1], [0, 1, 4]])
    let b: [Double] = [2 - 1, 1 - 3 + 2, -1 + 8]
    let qr = try QRFactorization(square, pivoting: true)
    let s = try qr.solveLeastSquares(b, rank: 3)
    var x = [Double](repeating: 0, count: 3)
    for (j, v) in s.enumerated() { x[qr.permutation[j]] = v }
    #expect(isClose(x[0], 1, relative: 1e-14) && isClose(x[1], -1, relative: 1e-14) && isClose(x[2], 2, relative: 1e-14))
  }

  /// Matrix product through dgemm: [[1,2],[3,4]]·[[5],[6]] = [[17],[39]].
  @Test func gemmMultiplies() {
    let p = Matrix(rowMajor: [[1, 2], [3, 4]]) * Matrix(rowMajor: [[5], [6]])
    #expect(p.elements == [17, 39])
  }

  /// SVD least squares on a rank-1 matrix returns the minimum-norm solution:
  /// A = [[1,1],[1,1]], b = [2,2] → x = [1, 1], rank 1.
  @Test func minimumNormSolution() throws {
    let (x, rank, _) = try minimumNormLeastSquares(Matrix(rowMajor: [[1, 1], [1, 1]]), [2, 2])
    #expect(rank == 1)
    #expect(isClose(x[0], 1, relative: 1e-14) && isClose(x[1], 1, relative: 1e-14))
  }

  /// Double-double powers keep what a double drops: 3^40 = 12157665459056928801 needs
  /// 64 bits; hi + lo holds it exactly (hi alone is off by 223).
  @Test func doubleDoublePowerIsExact() {
    let p = DoubleDouble.power(3, 40)
    let exact: UInt64 = 12_157_665_459_056_928_801
    #expect(UInt64(p.hi) != exact)
    let hiPart = UInt64(p.hi)
    let recovered = p.lo >= 0 ? hiPart + UInt64(p.lo) : hiPart - UInt64(-p.lo)
    #expect(recovered == exact)
  }
}
