/// A number cell's text as stored (`<v>` in .xlsx, `office:value` in .ods) → the CSV
/// field: the shortest text that reads back as the same double (`NumberFormat`), so
/// `1234`, `0.1` and `1.2345E-2` print `1234`, `0.1`, `0.012345`.
///
/// Fast path: a plain decimal of at most 15 significant digits, without an exponent, a
/// leading zero before other digits or a trailing fraction zero, is already its own
/// shortest round-trip text (every decimal of ≤ 15 significant digits round-trips
/// through a double) and is copied as is. Anything else is parsed and reprinted.
enum SpreadsheetNumber {
  /// Appends the field for `text`; false (nothing appended) when it is not a number.
  static func append<C: BidirectionalCollection<UInt8>>(_ text: C, to out: inout [UInt8]) -> Bool {
    if isShortestPlain(text) {
      out.append(contentsOf: text)
      return true
    }
    guard let value = parse(text), value.isFinite else { return false }
    NumberFormat.appendShortest(value, to: &out)
    return true
  }

  static func parse<C: Collection<UInt8>>(_ text: C) -> Double? {
    let string = String(decoding: text, as: UTF8.self)
    let trimmed = string.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return nil }
    return Double(trimmed)
  }

  static func isShortestPlain<C: BidirectionalCollection<UInt8>>(_ text: C) -> Bool {
    let bytes = Array(text)
    var i = 0
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { i = 1 }
    let intStart = i
    while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
    let intDigits = i - intStart
    guard intDigits > 0, intDigits == 1 || bytes[intStart] != 0x30 else { return false }
    let zeroInteger = bytes[intStart] == 0x30
    var significant = zeroInteger ? 0 : intDigits
    if i < bytes.count {
      guard bytes[i] == UInt8(ascii: "."), i + 1 < bytes.count, bytes[bytes.count - 1] != 0x30 else { return false }
      i += 1
      var leading = zeroInteger
      while i < bytes.count {
        guard bytes[i] >= 0x30, bytes[i] <= 0x39 else { return false }
        if !(leading && bytes[i] == 0x30) {
          leading = false
          significant += 1
        }
        i += 1
      }
    } else if negative && zeroInteger {
      return false  // -0 prints 0
    }
    return significant <= 15
  }
}
