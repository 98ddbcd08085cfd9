/// An unevaluated sum `hi + lo` of two doubles with |lo| ≤ ulp(hi)/2: about 106
/// bits of significand.
///
/// Used where one rounding per operation is too many: residuals of a least-squares
/// solution (iterative refinement needs them more accurately than the solution) and
/// powers of a predictor (`x^k` for polynomial terms, formed exactly to ~2⁻¹⁰⁴).
///
/// Algorithms: TwoSum (Knuth, TAOCP vol. 2, §4.2.2), TwoProduct with a fused
/// multiply-add, and the double-double arithmetic of Dekker (1971), "A floating-point
/// technique for extending the available precision", Numer. Math. 18:224–242.
public struct DoubleDouble: Sendable, Equatable {
  public var hi: Double
  public var lo: Double

  @inlinable public init(_ value: Double) {
    hi = value
    lo = 0
  }

  @inlinable public init(hi: Double, lo: Double) {
    self.hi = hi
    self.lo = lo
  }

  /// The nearest double.
  @inlinable public var value: Double { hi + lo }

  /// a + b exactly, as (sum, error). Knuth's TwoSum, no branch.
  @inlinable public static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    let bb = s - a
    let err = (a - (s - bb)) + (b - bb)
    return DoubleDouble(hi: s, lo: err)
  }

  /// a · b exactly, as (product, error), with one fused multiply-add.
  @inlinable public static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
    let p = a * b
    let err = (-p).addingProduct(a, b)  // fma(a, b, −p): the exact rounding error
    return DoubleDouble(hi: p, lo: err)
  }

  @inlinable static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    return DoubleDouble(hi: s, lo: b - (s - a))
  }

  @inlinable public static func + (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
    let s = twoSum(x.hi, y.hi)
    let t = twoSum(x.lo, y.lo)
    var r = quickTwoSum(s.hi, s.lo + t.hi)
    r = quickTwoSum(r.hi, r.lo + t.lo)
    return r
  }

  @inlinable public static prefix func - (x: DoubleDouble) -> DoubleDouble {
    DoubleDouble(hi: -x.hi, lo: -x.lo)
  }

  @inlinable public static func - (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble { x + (-y) }

  @inlinable public static func * (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
    var p = twoProduct(x.hi, y.hi)
    p.lo += x.hi * y.lo + x.lo * y.hi
    return quickTwoSum(p.hi, p.lo)
  }

  /// x · y where y is a double.
  @inlinable public static func * (x: DoubleDouble, y: Double) -> DoubleDouble {
    var p = twoProduct(x.hi, y)
    p.lo += x.lo * y
    return quickTwoSum(p.hi, p.lo)
  }

  /// `x^k` for k ≥ 0 by repeated multiplication in double-double.
  @inlinable public static func power(_ x: Double, _ k: Int) -> DoubleDouble {
    precondition(k >= 0)
    var r = DoubleDouble(1)
    for _ in 0..<k { r = r * x }
    return r
  }
}
