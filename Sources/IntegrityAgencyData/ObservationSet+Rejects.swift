import IntegrityTables

extension ObservationSet {
  /// The `--rejects` file, with the same CSV rules as every other output: the header as
  /// written plus a `reason` column, then each rejected row as written plus its reason,
  /// LF line ends, fields separated by the input's delimiter.
  ///
  /// A spreadsheet opens this file too, and its cells are exactly the ones that were
  /// wrong, so, unless `raw`, a cell that starts with `=`, `+`, `-`, `@`, TAB or CR and
  /// is not a plain number or a lone sign gets a `'` prefix (OWASP "CSV Injection" guidance, as in
  /// `CSVLineBuffer`): it is re-quoted with the prefix inside the quotes when it needs
  /// quotes. Every other cell keeps its bytes, quotes included. `byteOrderMark` starts
  /// the file with a UTF-8 BOM (for Excel), as `--bom` does for the main output. A reason's
  /// remedy is worded by `wording` (the library's terms by default).
  ///
  ///     header  agency,value          row  =HYPERLINK("http://x"),abc
  ///     file    agency,value,reason        '=HYPERLINK(""http://x""),abc,"in.csv:2:2: …"
  public func rejectsCSV(
    raw: Bool = false, byteOrderMark: Bool = false, remedy wording: (Remedy) -> String = { $0.description }
  ) -> [UInt8] {
    var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    RejectsLine.append(record: headerText, delimiter: delimiter, raw: raw, to: &out)
    out.append(delimiter)
    out += Array("reason".utf8)
    out.append(0x0A)
    for row in rejected {
      RejectsLine.append(record: row.text, delimiter: delimiter, raw: raw, to: &out)
      out.append(delimiter)
      RejectsLine.append(value: Array(row.error.described(remedy: wording).utf8), delimiter: delimiter, raw: raw, to: &out)
      out.append(0x0A)
    }
    return out
  }
}

/// The field rules of `ObservationSet.rejectsCSV`.
enum RejectsLine {
  /// Appends the record `text` (RFC 4180 fields separated by `delimiter`), each field as
  /// written unless the guard applies to its value.
  static func append(record text: String, delimiter: UInt8, raw: Bool, to out: inout [UInt8]) {
    let bytes = Array(text.utf8)
    var start = 0
    while true {
      let (end, value) = field(in: bytes, from: start, delimiter: delimiter)
      if !raw && needsGuard(value) {
        append(value: value, delimiter: delimiter, raw: raw, to: &out)
      } else {
        out += bytes[start..<end]
      }
      guard end < bytes.count else { break }
      out.append(delimiter)
      start = end + 1
    }
  }

  /// Appends `value` as one field: quoted when it holds the delimiter, a quote, CR or
  /// LF (quotes doubled), `'`-prefixed when guarded.
  static func append(value: [UInt8], delimiter: UInt8, raw: Bool, to out: inout [UInt8]) {
    let guarded = !raw && needsGuard(value)
    let quoted = value.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    if quoted { out.append(0x22) }
    if guarded { out.append(UInt8(ascii: "'")) }
    for byte in value {
      if quoted && byte == 0x22 { out.append(0x22) }
      out.append(byte)
    }
    if quoted { out.append(0x22) }
  }

  /// The field starting at `start`: where it ends (the delimiter's index, or the end)
  /// and its value (quotes removed, doubled quotes undoubled; text after a closing
  /// quote is kept as it is).
  static func field(in bytes: [UInt8], from start: Int, delimiter: UInt8) -> (end: Int, value: [UInt8]) {
    var i = start
    var value: [UInt8] = []
    if i < bytes.count && bytes[i] == 0x22 {
      i += 1
      while i < bytes.count {
        if bytes[i] == 0x22 {
          if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
            value.append(0x22)
            i += 2
            continue
          }
          i += 1
          break
        }
        value.append(bytes[i])
        i += 1
      }
    }
    while i < bytes.count && bytes[i] != delimiter {
      value.append(bytes[i])
      i += 1
    }
    return (i, value)
  }

  /// Starts with `=`, `+`, `-`, `@`, TAB or CR, and is not a plain number (`-1.5`,
  /// `+3`, `-2e5` are data) or a lone sign (`-`, the statistical tables' "none").
  static func needsGuard(_ value: [UInt8]) -> Bool {
    guard let first = value.first else { return false }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
    case UInt8(ascii: "+"), UInt8(ascii: "-"): return value.count > 1 && !isPlainNumber(value.dropFirst())
    default: return false
    }
  }

  /// Digits with at most one `.`, then an optional exponent (`e`, sign, digits).
  static func isPlainNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
    var digits = 0, dots = 0, i = bytes.startIndex
    while i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") || (bytes[i] >= 0x30 && bytes[i] <= 0x39) {
      if bytes[i] == UInt8(ascii: ".") { dots += 1 } else { digits += 1 }
      i += 1
    }
    guard digits > 0, dots <= 1 else { return false }
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      let exponentStart = i
      while i < bytes.endIndex, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
      guard i > exponentStart else { return false }
    }
    return i == bytes.endIndex
  }
}
