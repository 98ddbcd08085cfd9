import IntegrityDecimal

/// Reads agency figures from text (DESIGN.md §5, issue 4 item 4), exactly.
///
/// Accepted, after trimming spaces (including U+3000 and U+00A0):
/// - digits, ASCII or full-width (`０`–`９`), with `.` or `．` as decimal point;
/// - thousands separators `,` or `，`, in groups of three (`1,234,567`; `1,23` is invalid);
/// - a leading `+`, `-`, `−` (U+2212) or `－`, or accounting parentheses `(1,234)` = −1234;
/// - scientific notation `1.5e3`, `2E-4`;
/// - a trailing `%` (`12.5%` reads as 12.5; `percentSign` reports it) and/or a
///   trailing `r` (revised figure, MOJ's legend).
/// Symbols: empty, `…`, `...`, `NA`, `N/A` (any case) and `缺` are missing; a lone dash
/// `-`, `－`, `—`, `–` or `―` is `.dash`.
///
/// Figures keep all their digits up to 18 significant ones; beyond that the value is
/// rounded half away from zero at the 18th digit.
public enum NumberParser {
  /// Parses `field`.
  public static func parse(_ field: String) -> ParsedNumber {
    var percent = false
    return parse(bytes: ArraySlice(field.utf8), percentSign: &percent)
  }

  /// Parses UTF-8 bytes.
  public static func parse(bytes: ArraySlice<UInt8>) -> ParsedNumber {
    var percent = false
    return parse(bytes: bytes, percentSign: &percent)
  }

  /// Parses UTF-8 bytes, setting `percentSign` when the figure ended in `%`.
  public static func parse(bytes: ArraySlice<UInt8>, percentSign: inout Bool) -> ParsedNumber {
    var exact = true
    return parse(bytes: bytes, percentSign: &percentSign, exact: &exact)
  }

  /// Parses UTF-8 bytes, setting `percentSign` when the figure ended in `%` and `exact`
  /// to false when a non-zero digit beyond the 18th significant one was rounded away
  /// (the reader of agency figures refuses those: a figure is kept exactly or not at all).
  public static func parse(bytes: ArraySlice<UInt8>, percentSign: inout Bool, exact: inout Bool) -> ParsedNumber {
    percentSign = false
    exact = true
    var folded = InlineArray<64, UInt8>(repeating: 0)
    var count = 0
    var i = bytes.startIndex
    let end = bytes.endIndex
    var sawNonASCIIText = false
    while i < end {
      let b = bytes[i]
      var out: UInt8
      var width = 1
      if b < 0x80 {
        out = b
      } else if b == 0xEF && i + 2 < end && bytes[i + 1] == 0xBC && bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0xBF {
        // U+FF00…U+FF3F: full-width ASCII 0x20…0x5F.
        out = bytes[i + 2] - 0x80 + 0x20
        width = 3
      } else if b == 0xEF && i + 2 < end && bytes[i + 1] == 0xBD && bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x9E {
        // U+FF40…U+FF5E: full-width ASCII 0x60…0x7E.
        out = bytes[i + 2] - 0x80 + 0x60
        width = 3
      } else if b == 0xE3 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 {
        out = 0x20  // U+3000 ideographic space
        width = 3
      } else if b == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0 {
        out = 0x20  // U+00A0 no-break space
        width = 2
      } else if b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x88 && bytes[i + 2] == 0x92 {
        out = UInt8(ascii: "-")  // U+2212 minus sign
        width = 3
      } else if b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && (0x93...0x95).contains(bytes[i + 2]) {
        out = 0x01  // – — ― : dashes (only meaningful alone)
        width = 3
      } else if b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6 {
        out = 0x02  // … horizontal ellipsis
        width = 3
      } else if b == 0xE7 && i + 2 < end && bytes[i + 1] == 0xBC && bytes[i + 2] == 0xBA {
        out = 0x03  // 缺 "lacking"
        width = 3
      } else {
        sawNonASCIIText = true
        out = 0x7F
        while i + width < end && bytes[i + width] & 0xC0 == 0x80 { width += 1 }
      }
      i += width
      if out == 0x20 || out == 0x09 {
        if count == 0 { continue }  // leading space
      }
      guard count < 64 else { return .invalid }
      folded[count] = out
      count += 1
    }
    while count > 0 && (folded[count - 1] == 0x20 || folded[count - 1] == 0x09) { count -= 1 }
    if sawNonASCIIText { return .invalid }
    return parseFolded(folded, count: count, percentSign: &percentSign, exact: &exact)
  }

  static func parseFolded(
    _ s: InlineArray<64, UInt8>, count: Int, percentSign: inout Bool, exact: inout Bool
  ) -> ParsedNumber {
    if count == 0 { return .missing }
    if count == 1 {
      switch s[0] {
      case UInt8(ascii: "-"), 0x01: return .dash
      case 0x02, 0x03: return .missing
      default: break
      }
    }
    if count == 3 && s[0] == UInt8(ascii: ".") && s[1] == UInt8(ascii: ".") && s[2] == UInt8(ascii: ".") {
      return .missing
    }
    let lower0 = s[0] | 0x20
    if count == 2 && lower0 == UInt8(ascii: "n") && s[1] | 0x20 == UInt8(ascii: "a") { return .missing }
    if count == 3 && lower0 == UInt8(ascii: "n") && s[1] == UInt8(ascii: "/") && s[2] | 0x20 == UInt8(ascii: "a") {
      return .missing
    }

    var i = 0
    var n = count
    var revised = false
    if s[n - 1] == UInt8(ascii: "r") {
      revised = true
      n -= 1
    }
    if n > 0 && s[n - 1] == UInt8(ascii: "%") {
      percentSign = true
      n -= 1
    }
    if !revised && n > 0 && s[n - 1] == UInt8(ascii: "r") {  // `12.5%r` written as `12.5r%`
      revised = true
      n -= 1
    }
    var negative = false
    if n > 0 && s[0] == UInt8(ascii: "(") {
      guard n >= 3, s[n - 1] == UInt8(ascii: ")") else { return .invalid }
      negative = true
      i = 1
      n -= 1
    } else if n > 0 && (s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+")) {
      negative = s[0] == UInt8(ascii: "-")
      i = 1
    }
    // Mantissa: digits with optional thousands groups, optional fraction.
    var significand: Int64 = 0
    var significantDigits = 0
    var droppedIntegerDigits: Int32 = 0
    var fractionDigits: Int32 = 0
    var roundUp = false
    var roundingDecided = false
    var sawDigit = false
    var groupLength = 0
    var sawComma = false
    var firstGroupLength = 0
    func take(_ d: Int64, fraction: Bool) {
      sawDigit = true
      if significantDigits == 0 && d == 0 {
        if fraction { fractionDigits += 1 }
        return
      }
      if significantDigits < 18 {
        significand = significand * 10 + d
        significantDigits += 1
        if fraction { fractionDigits += 1 }
      } else {
        if d != 0 { exact = false }
        if !roundingDecided {
          roundUp = d >= 5
          roundingDecided = true
        }
        if !fraction { droppedIntegerDigits += 1 }
      }
    }
    while i < n {
      let c = s[i]
      if c >= 0x30 && c <= 0x39 {
        take(Int64(c - 0x30), fraction: false)
        groupLength += 1
      } else if c == UInt8(ascii: ",") {
        if !sawDigit { return .invalid }
        if sawComma { if groupLength != 3 { return .invalid } } else {
          firstGroupLength = groupLength
          if firstGroupLength > 3 { return .invalid }
        }
        sawComma = true
        groupLength = 0
      } else {
        break
      }
      i += 1
    }
    if sawComma && groupLength != 3 { return .invalid }
    _ = firstGroupLength
    if i < n && s[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, s[i] >= 0x30 && s[i] <= 0x39 {
        take(Int64(s[i] - 0x30), fraction: true)
        i += 1
      }
    }
    guard sawDigit else { return .invalid }
    var exponent: Int32 = 0
    if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
      i += 1
      var expNegative = false
      if i < n && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) {
        expNegative = s[i] == UInt8(ascii: "-")
        i += 1
      }
      var sawExpDigit = false
      while i < n, s[i] >= 0x30 && s[i] <= 0x39 {
        sawExpDigit = true
        if exponent < 10_000 { exponent = exponent * 10 + Int32(s[i] - 0x30) }
        i += 1
      }
      guard sawExpDigit, exponent < 10_000 else { return .invalid }
      if expNegative { exponent = -exponent }
    }
    guard i == n else { return .invalid }
    if roundUp { significand += 1 }
    if negative { significand = -significand }
    return .number(
      DecimalNumber(significand: significand, exponent: exponent - fractionDigits + droppedIntegerDigits),
      revised: revised)
  }
}
