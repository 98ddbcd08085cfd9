import IntegrityDecimal

extension NumberFormat {
  /// Appends the text `append(_:to:)` gives the double nearest to `significand·10^exponent`,
  /// digit by digit from the decimal when that is the same text, without the double.
  ///
  /// Why it is the same: a decimal D with at most 15 significant digits is the shortest
  /// decimal that reads back as x = fl(D) — two different decimals of at most 15 digits
  /// are farther apart than one double spacing (DBL_DIG = 15, C11 §5.2.4.2.2), so no
  /// shorter one rounds to x — and for 10⁻⁴ ≤ |D| < 2⁵³ Swift prints it in plain
  /// notation, integral values as integers (`shortestString`). Anything else (more
  /// digits, other magnitudes, `.significant` format) goes through the double.
  public func appendDecimal<Sink: ByteSink & ~Copyable>(significand: Int64, exponent: Int32, to bytes: inout Sink) {
    guard case .shortest = self else {
      append(DecimalNumber(significand: significand, exponent: exponent).double, to: &bytes)
      return
    }
    var s = significand
    var e = exponent
    if s == 0 {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    while s % 10 == 0 {
      s /= 10
      e += 1
    }
    let magnitude = s.magnitude
    let digits = DecimalDigits.digitCount(magnitude)
    if digits <= 15 {
      if e >= 0 && e <= 15 {
        // Integral: plain digits below 2⁵³.
        var value = magnitude
        var overflow = false
        for _ in 0..<Int(e) {
          let (next, o) = value.multipliedReportingOverflow(by: 10)
          if o { overflow = true; break }
          value = next
        }
        if !overflow && value < 1 << 53 {
          NumberFormat.appendDecimal(value, negative: s < 0, to: &bytes)
          return
        }
      } else if e < 0 && digits - 1 + Int(e) >= -4 {
        // |D| ≥ 10⁻⁴, and below 10¹⁵ < 2⁵³ (at most 15 digits); −e ≤ 18 fraction digits.
        NumberFormat.appendFixedPoint(magnitude, fractionDigits: Int(-e), negative: s < 0, to: &bytes)
        return
      }
    }
    NumberFormat.appendShortest(DecimalNumber(significand: significand, exponent: exponent).double, to: &bytes)
  }
}
