
/// An exact aggregate of decimal figures: `sum / divisor`, the numerator an exact
/// `DecimalSum`, the divisor a positive integer (1 except for a mean).
///
/// Achievement decisions compare such values exactly: `a/b ≥ c/d`
/// is decided as `a·d ≥ c·b` in 128-bit integers, so quarterly figures 0.1, 0.1,
/// 0.7, 0.1 sum to exactly 1 and reach a target of 1. Only printed figures and
/// ratios become `Double`, rounded once.
public struct AggregatedValue: Sendable, Hashable, CustomStringConvertible {
  /// The exact numerator.
  public var sum: DecimalSum
  /// The positive integer divisor (the number of quarters for a mean, else 1).
  public var divisor: Int

  public init(sum: DecimalSum, divisor: Int = 1) {
    precondition(divisor > 0, "AggregatedValue: divisor must be positive")
    self.sum = sum
    self.divisor = divisor
  }

  public init(_ value: DecimalNumber) {
    self.init(sum: DecimalSum(value))
  }

  public var isZero: Bool { sum.isExact ? sum.significand == 0 : sum.double == 0 }
  public var isNegative: Bool { sum.isExact ? sum.significand < 0 : sum.double < 0 }

  /// The value rounded once to the nearest `Double` (approximate only for sums beyond
  /// 128 bits, see `DecimalSum`).
  public var double: Double {
    guard sum.isExact else { return sum.double / Double(divisor) }
    return AggregatedValue.quotient(sum.significand, sum.exponent, Int128(divisor), 0)
  }

  /// Exact text when the divisor is 1 (`1234.5`), else the rounded double.
  public var description: String {
    if divisor == 1, let d = sum.decimal { return d.description }
    return "\(double)"
  }

  /// −1, 0 or 1 as `self` is below, equal to or above `other`, exactly:
  /// `a/b` against `c/d` is `a·d` against `c·b` (b, d > 0).
  public func compare(_ other: AggregatedValue) -> Int {
    sum.multiplied(by: DecimalNumber(other.divisor))
      .compare(other.sum.multiplied(by: DecimalNumber(divisor)))
  }

  public static func == (a: AggregatedValue, b: AggregatedValue) -> Bool { a.compare(b) == 0 }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(double)
  }

  /// `self ÷ other` rounded once to the nearest double; `nil` when `other` is 0.
  /// `(a/b) ÷ (c/d) = (a·d) ÷ (c·b)`.
  public func ratio(to other: AggregatedValue) -> Double? {
    guard !other.isZero else { return nil }
    let n = sum.multiplied(by: DecimalNumber(other.divisor))
    let d = other.sum.multiplied(by: DecimalNumber(divisor))
    guard n.isExact && d.isExact else { return n.double / d.double }
    return AggregatedValue.quotient(n.significand, n.exponent, d.significand, d.exponent)
  }

  /// Two plain sums (divisor 1) as integers over one power of ten, `a = x·10^e` and
  /// `b = y·10^e` → `(x, y)`, when both fit 64 bits; nil otherwise.
  package static func alignedIntegers(_ a: AggregatedValue, _ b: AggregatedValue) -> (Int64, Int64)? {
    guard a.divisor == 1, b.divisor == 1, let x = a.sum.decimal, let y = b.sum.decimal else { return nil }
    return ScaledInteger.align(x.significand, x.exponent, y.significand, y.exponent)
  }

  /// The value multiplied by the decimal `factor`, exactly.
  public func multiplied(by factor: DecimalNumber) -> AggregatedValue {
    AggregatedValue(sum: sum.multiplied(by: factor), divisor: divisor)
  }

  /// The exact sum `a/b + c/d = (a·(l/b) + c·(l/d)) / l` with `l = lcm(b, d)`.
  public static func + (a: AggregatedValue, b: AggregatedValue) -> AggregatedValue {
    if a.divisor == b.divisor {
      var s = a.sum
      s.add(b.sum)
      return AggregatedValue(sum: s, divisor: a.divisor)
    }
    let l = a.divisor / gcd(a.divisor, b.divisor) * b.divisor
    var s = a.sum.multiplied(by: DecimalNumber(l / a.divisor))
    s.add(b.sum.multiplied(by: DecimalNumber(l / b.divisor)))
    return AggregatedValue(sum: s, divisor: l)
  }

  private static func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
  }

  /// `a·10^ea ÷ b·10^eb` rounded once. Both sides are first brought to a common
  /// exponent; when the two integers are below 2⁵³ they are exact doubles and one
  /// IEEE division rounds correctly, otherwise `DecimalSum`'s long division is used.
  static func quotient(_ a: Int128, _ ea: Int32, _ b: Int128, _ eb: Int32) -> Double {
    if let a64 = Int64(exactly: a), let b64 = Int64(exactly: b) {
      // The same steps in 64 bits (a value below 2⁵³ times 10 stays below 2⁶³).
      let limit: UInt64 = 1 << 53
      var x = a64
      var y = b64
      var k = ea - eb
      while k > 0 && x.magnitude < limit {
        x &*= 10
        k -= 1
      }
      while k < 0 && y.magnitude < limit {
        y &*= 10
        k += 1
      }
      if k == 0 && x.magnitude < limit && y.magnitude < limit { return Double(x) / Double(y) }
    }
    let limit: Int128 = 1 << 53
    var x = a
    var y = b
    var k = ea - eb
    while k > 0 && x.magnitude < limit {
      x *= 10
      k -= 1
    }
    while k < 0 && y.magnitude < limit {
      y *= 10
      k += 1
    }
    if k == 0 && x.magnitude < limit && y.magnitude < limit {
      // Both below 2⁵³: exact as Int64 and as Double (Int128 → Double is slow).
      return Double(Int64(truncatingIfNeeded: x)) / Double(Int64(truncatingIfNeeded: y))
    }
    var numerator = DecimalSum()
    numerator.add(DecimalSum(significandForQuotient: a, exponent: ea))
    var denominator = DecimalSum()
    denominator.add(DecimalSum(significandForQuotient: b, exponent: eb))
    return numerator.ratio(to: denominator) ?? .nan
  }
}

extension DecimalSum {
  /// A one-term sum from a 128-bit significand (built from a 64-bit-or-less value
  /// when it fits, else by exact decimal accumulation).
  fileprivate init(significandForQuotient s: Int128, exponent e: Int32) {
    self.init()
    if let s64 = Int64(exactly: s) {
      add(DecimalNumber(significand: s64, exponent: e))
      return
    }
    // Split into high and low 18-digit parts: s = hi·10^18 + lo.
    let base: Int128 = 1_000_000_000_000_000_000
    let hi = s / base
    let lo = s % base
    add(DecimalNumber(significand: Int64(lo), exponent: e))
    var high = DecimalSum(significandForQuotient: hi, exponent: e + 18)
    high.add(self)
    self = high
  }
}
