/// An exact decimal number: `significand × 10^exponent`.
///
/// Agency figures are decimals as written (`0.1`, `1,234.5`, `12.5%`, `3千元`); a
/// `Double` cannot hold most of them exactly, and sums of rounded doubles miss
/// thresholds by one ulp (0.1 + 0.1 + 0.7 + 0.1 = 0.9999999999999999). We keep the
/// digits exactly, scale units by moving the exponent (千元 → exponent + 3), and
/// compare and sum in 128-bit integers. Only ratios are computed in floating point,
/// once, at the end.
///
/// Two numbers are equal when they denote the same value (`1.50 == 1.5`).
public struct DecimalNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The integer digits.
  public var significand: Int64
  /// The power of ten the digits are scaled by.
  public var exponent: Int32

  public init(significand: Int64, exponent: Int32 = 0) {
    self.significand = significand
    self.exponent = exponent
  }

  public init(_ integer: Int) {
    self.init(significand: Int64(integer), exponent: 0)
  }

  public static let zero = DecimalNumber(significand: 0)

  /// The nearest `Double` (correctly rounded for significands below 2⁵³ and
  /// exponents within ±22, where both factors are exact doubles).
  public var double: Double {
    guard significand.magnitude <= 1 << 53 else { return Double("\(significand)e\(exponent)") ?? .nan }
    if exponent == 0 { return Double(significand) }
    if exponent > 0 && exponent <= 22 { return Double(significand) * DecimalNumber.powers[Int(exponent)] }
    if exponent < 0 && exponent >= -22 { return Double(significand) / DecimalNumber.powers[Int(-exponent)] }
    return Double("\(significand)e\(exponent)") ?? .nan
  }

  public var isZero: Bool { significand == 0 }
  public var isNegative: Bool { significand < 0 }

  /// The value with the exponent moved by `shift` (multiplying by 10^shift).
  public func scaled(byPowerOfTen shift: Int32) -> DecimalNumber {
    DecimalNumber(significand: significand, exponent: exponent + shift)
  }

  /// Decimal text without exponent, trailing zeros removed (`1234.5`, `-0.001`).
  public var description: String {
    let n = normalized
    if n.significand == 0 { return "0" }
    let negative = n.significand < 0
    var digits = String(n.significand.magnitude)
    if n.exponent >= 0 {
      digits += String(repeating: "0", count: Int(n.exponent))
    } else {
      let places = Int(-n.exponent)
      if digits.count <= places {
        digits = "0." + String(repeating: "0", count: places - digits.count) + digits
      } else {
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
      }
    }
    return negative ? "-" + digits : digits
  }

  /// The same value with trailing zeros of the significand moved into the exponent.
  public var normalized: DecimalNumber {
    guard significand != 0 else { return .zero }
    var s = significand
    var e = exponent
    while s % 10 == 0 {
      s /= 10
      e += 1
    }
    return DecimalNumber(significand: s, exponent: e)
  }

  public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool {
    // One exponent: equal exactly when the significands are (the common case, cheap).
    if a.exponent == b.exponent { return a.significand == b.significand }
    return DecimalSum(a).compare(DecimalSum(b)) == 0
  }

  public func hash(into hasher: inout Hasher) {
    let n = normalized
    hasher.combine(n.significand)
    hasher.combine(n.exponent)
  }

  public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool {
    DecimalSum(a).compare(DecimalSum(b)) < 0
  }

  static let powers: [Double] = (0...22).map { e in
    var p = 1.0
    for _ in 0..<e { p *= 10 }
    return p
  }
}

/// An exact running sum of `DecimalNumber`s in 128-bit fixed point.
///
/// All terms are brought to the smallest exponent seen so far; the significand is an
/// `Int128`, enough for 10⁷ terms of 18 digits each. Use it for totals over quarters
/// and agencies (a total is a ratio of sums) and for exact threshold comparisons
/// (`actual ≥ 0.9 · target` is `10·actual ≥ 9·target`, in integers).
///
/// Figures no agency writes (1e40 beside 0.001) would need more than 128 bits: then,
/// instead of trapping, the sum continues as a `Double` and `isExact` is false.
public struct DecimalSum: Sendable, Hashable {
  public private(set) var significand: Int128
  public private(set) var exponent: Int32
  /// How many terms were added.
  public private(set) var count: Int
  /// The sum as a double once it no longer fits 128 bits (nil while exact).
  private var approximation: Double?

  public init() {
    significand = 0
    exponent = 0
    count = 0
  }

  public init(_ value: DecimalNumber) {
    significand = Int128(value.significand)
    exponent = value.exponent
    count = 1
  }

  init(significand: Int128, exponent: Int32, count: Int) {
    self.significand = significand
    self.exponent = exponent
    self.count = count
  }

  private init(approximately value: Double, count: Int) {
    self.init(significand: 0, exponent: 0, count: count)
    approximation = value
  }

  /// False once the sum left 128-bit fixed point (see the type's documentation).
  public var isExact: Bool { approximation == nil }

  /// Adds `value` exactly.
  public mutating func add(_ value: DecimalNumber) {
    add(DecimalSum(value))
  }

  /// Adds another sum exactly (or, beyond 128 bits, approximately).
  public mutating func add(_ other: DecimalSum) {
    if count == 0 && significand == 0 && isExact {
      self = other
      return
    }
    if isExact && other.isExact {
      let e = min(exponent, other.exponent)
      if let a = DecimalSum.rescale(significand, from: exponent, to: e),
        let b = DecimalSum.rescale(other.significand, from: other.exponent, to: e)
      {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if !overflow {
          significand = sum
          exponent = e
          count += other.count
          return
        }
      }
    }
    self = DecimalSum(approximately: double + other.double, count: count + other.count)
  }

  /// The sum as a `DecimalNumber`, or `nil` if its significand no longer fits 64 bits.
  public var decimal: DecimalNumber? {
    guard isExact else { return nil }
    var s = significand
    var e = exponent
    // The range test first: most sums fit 64 bits, and 128-bit division is slow.
    while (s > Int128(Int64.max) || s < Int128(Int64.min)) && s % 10 == 0 {
      s /= 10
      e += 1
    }
    guard let s64 = Int64(exactly: s) else { return nil }
    return DecimalNumber(significand: s64, exponent: e)
  }

  /// The nearest `Double`.
  public var double: Double {
    if let approximation { return approximation }
    if let d = decimal { return d.double }
    return Double("\(significand)e\(exponent)") ?? .nan
  }

  /// The sum multiplied by the decimal `factor`, exactly (or approximately beyond 128 bits).
  public func multiplied(by factor: DecimalNumber) -> DecimalSum {
    if isExact {
      let (product, overflow) = significand.multipliedReportingOverflow(by: Int128(factor.significand))
      let (e, exponentOverflow) = exponent.addingReportingOverflow(factor.exponent)
      if !overflow && !exponentOverflow { return DecimalSum(significand: product, exponent: e, count: count) }
    }
    return DecimalSum(approximately: double * factor.double, count: count)
  }

  /// −1, 0 or 1 as `self` is below, equal to or above `other`.
  public func compare(_ other: DecimalSum) -> Int {
    guard isExact && other.isExact else {
      let (a, b) = (double, other.double)
      return a < b ? -1 : (a == b ? 0 : 1)
    }
    let e = min(exponent, other.exponent)
    // Only the side with the larger exponent is multiplied; if that overflows, its
    // magnitude exceeds anything the other side holds, so its sign decides.
    guard let a = DecimalSum.rescale(significand, from: exponent, to: e) else {
      return significand < 0 ? -1 : 1
    }
    guard let b = DecimalSum.rescale(other.significand, from: other.exponent, to: e) else {
      return other.significand < 0 ? 1 : -1
    }
    return a < b ? -1 : (a == b ? 0 : 1)
  }

  /// `self ÷ other` rounded once to the nearest double (nil when `other` is 0).
  public func ratio(to other: DecimalSum) -> Double? {
    guard isExact && other.isExact else {
      let d = other.double
      return d == 0 ? nil : double / d
    }
    guard other.significand != 0 else { return nil }
    return DecimalSum.divide(significand, exponent, other.significand, other.exponent)
  }

  /// s·10^(e − target), or nil when it does not fit 128 bits.
  static func rescale(_ s: Int128, from e: Int32, to target: Int32) -> Int128? {
    var s = s
    var k = Int64(e) - Int64(target)
    while k > 0 {
      let (next, overflow) = s.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      if next == 0 { return 0 }
      s = next
      k -= 1
    }
    return s
  }

  /// a·10^ea / (b·10^eb) to double precision with one rounding: long division to
  /// 40 decimal digits, then the decimal string is parsed (correctly rounded).
  static func divide(_ a: Int128, _ ea: Int32, _ b: Int128, _ eb: Int32) -> Double {
    if a == 0 { return 0 }
    let negative = (a < 0) != (b < 0)
    let num = a.magnitude
    let den = b.magnitude
    var quotient = num / den
    var remainder = num % den
    var digits = String(quotient)
    var fractionDigits: Int32 = 0
    var significant = quotient == 0 ? 0 : digits.count
    while remainder != 0 && significant < 40 {
      // remainder < den; beyond UInt128.max / 10 the long division would overflow:
      // finish in doubles (only for figures of 37+ digits).
      guard remainder <= UInt128.max / 10 else {
        let value = Double("\(digits)e\(ea - eb - fractionDigits)") ?? .nan
        return negative ? -value : value
      }
      remainder *= 10
      quotient = remainder / den
      remainder %= den
      digits.append(Character(String(quotient)))
      fractionDigits += 1
      if significant > 0 || quotient != 0 { significant += 1 }
    }
    // A non-zero remainder beyond 40 digits only matters for exact ties; mark it.
    if remainder != 0 { digits.append("1") ; fractionDigits += 1 }
    let text = (negative ? "-" : "") + digits + "e\(ea - eb - fractionDigits)"
    return Double(text) ?? .nan
  }
}
