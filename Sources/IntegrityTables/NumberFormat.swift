/// Text forms of numbers in our outputs.
///
/// The default is the shortest decimal that reads back to the same `Double`
/// (Swift's `description`, the algorithm of Steele–White/Grisu/Ryū family),
/// with integral values printed without a fraction (`3`, not `3.0`) and `-0`
/// printed as `0`. Non-finite values have no text: they are written as an
/// empty CSV field or JSON `null`.
public enum NumberFormat: Sendable, Equatable {
  /// Shortest round-trip form.
  case shortest
  /// At most this many significant digits (then shortest form of the rounded value).
  case significant(Int)

  /// The text of `value`, or `nil` when it is not finite.
  public func string(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    switch self {
    case .shortest:
      return NumberFormat.shortestString(value)
    case .significant(let digits):
      return NumberFormat.shortestString(NumberFormat.round(value, significant: digits))
    }
  }

  /// Shortest round-trip text: integers up to 2⁵³ in plain digits, otherwise
  /// Swift's shortest representation.
  public static func shortestString(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value == value.rounded(.towardZero), Swift.abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return value.description
  }

  /// `value` rounded to `digits` significant decimal digits, through its decimal text
  /// so that the result is the nearest double to the rounded decimal.
  public static func round(_ value: Double, significant digits: Int) -> Double {
    guard value.isFinite, value != 0, digits > 0 else { return value }
    // Scale by a power of ten, round half away from zero, scale back.
    let exponent = Int((Swift.abs(value)).log10Floor)
    let shift = digits - 1 - exponent
    if shift >= 0 && shift <= 300 {
      let scale = pow10(shift)
      return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    } else if shift < 0 && -shift <= 300 {
      let scale = pow10(-shift)
      return (value / scale).rounded(.toNearestOrAwayFromZero) * scale
    }
    return value
  }

  private static func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<n { result *= 10 }
    return result
  }
}

extension Double {
  /// ⌊log₁₀ |self|⌋ for finite non-zero values, exact at powers of ten.
  fileprivate var log10Floor: Double {
    var e = 0.0
    var v = self
    while v >= 10 { v /= 10; e += 1 }
    while v < 1 { v *= 10; e -= 1 }
    return e
  }
}
