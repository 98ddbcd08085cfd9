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

  /// Appends a percentage cell as it reads, `0.354` → `35.4%`: the shortest text of the
  /// stored number with its decimal point moved two places (exact, no `× 100` in binary),
  /// so the reader takes it as a percent (unit `%`) as it would the CSV the sheet was
  /// made from; a stored 0.354 written bare would read as 0.354 of a percent column.
  static func appendPercent<C: BidirectionalCollection<UInt8>>(_ text: C, to out: inout [UInt8]) -> Bool {
    var plain: [UInt8] = []
    guard append(text, to: &plain), !plain.contains(UInt8(ascii: "e")) else { return false }
    let negative = plain.first == UInt8(ascii: "-")
    if negative { plain.removeFirst() }
    var integer = Array(plain.prefix { $0 != UInt8(ascii: ".") })
    var fraction = Array(plain.dropFirst(integer.count + 1))
    for _ in 0..<2 {
      integer.append(fraction.isEmpty ? UInt8(ascii: "0") : fraction.removeFirst())
    }
    while integer.count > 1 && integer.first == UInt8(ascii: "0") { integer.removeFirst() }
    if negative && !(integer == [UInt8(ascii: "0")] && fraction.isEmpty) { out.append(UInt8(ascii: "-")) }
    out.append(contentsOf: integer)
    if !fraction.isEmpty {
      out.append(UInt8(ascii: "."))
      out.append(contentsOf: fraction)
    }
    out.append(UInt8(ascii: "%"))
    return true
  }

  static func parse<C: Collection<UInt8>>(_ text: C) -> Double? {
    let string = String(decoding: text, as: UTF8.self)
    let trimmed = string.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return nil }
    return Double(trimmed)
  }

  static func isShortestPlain<C: BidirectionalCollection<UInt8>>(_ text: C) -> Bool {
    var i = text.startIndex
    let end = text.endIndex
    guard i != end else { return false }
    let negative = text[i] == UInt8(ascii: "-")
    if negative { i = text.index(after: i) }
    guard i != end else { return false }
    let zeroInteger = text[i] == 0x30
    var intDigits = 0
    while i != end, text[i] >= 0x30, text[i] <= 0x39 {
      intDigits += 1
      i = text.index(after: i)
    }
    guard intDigits > 0, intDigits == 1 || !zeroInteger else { return false }
    var significant = zeroInteger ? 0 : intDigits
    if i != end {
      guard text[i] == UInt8(ascii: "."), text[text.index(before: end)] != 0x30 else { return false }
      i = text.index(after: i)
      guard i != end else { return false }
      var leading = zeroInteger
      while i != end {
        let b = text[i]
        guard b >= 0x30, b <= 0x39 else { return false }
        if !(leading && b == 0x30) {
          leading = false
          significant += 1
        }
        i = text.index(after: i)
      }
    } else if negative && zeroInteger {
      return false  // -0 prints 0
    }
    return significant <= 15
  }
}
