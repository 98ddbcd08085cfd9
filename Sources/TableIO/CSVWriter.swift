/// Writes a `Table` as CSV: RFC 4180 quoting, UTF-8, LF line ends.
///
/// A field is quoted when it holds a comma, a double quote, CR or LF; quotes inside
/// are doubled. Unless `raw`, a text cell starting with `=`, `+`, `-`, `@`, TAB or CR
/// is prefixed with `'` (OWASP "CSV Injection" guidance), so a spreadsheet does not
/// run it as a formula. Numbers are never prefixed: `-1.5` is data, not a formula.
public struct CSVWriter: Sendable {
  public var numberFormat: NumberFormat
  /// Skip the CSV-injection guard.
  public var raw: Bool
  /// Start the output with a UTF-8 byte order mark (for Excel).
  public var byteOrderMark: Bool

  public init(numberFormat: NumberFormat = .shortest, raw: Bool = false, byteOrderMark: Bool = false) {
    self.numberFormat = numberFormat
    self.raw = raw
    self.byteOrderMark = byteOrderMark
  }

  /// The CSV bytes of `table`, header first.
  public func bytes(_ table: Table) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(64 * (table.rowCount + 1))
    if byteOrderMark { out += [0xEF, 0xBB, 0xBF] }
    for (i, column) in table.columns.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      appendText(column.name, to: &out)
    }
    out.append(UInt8(ascii: "\n"))
    for row in 0..<table.rowCount {
      for (i, column) in table.columns.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        appendCell(column[row], to: &out)
      }
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  /// The CSV text of `table`.
  public func string(_ table: Table) -> String {
    String(decoding: bytes(table), as: UTF8.self)
  }

  func appendCell(_ cell: Cell, to out: inout [UInt8]) {
    switch cell {
    case .empty: break
    case .text(let s): appendText(s, to: &out)
    case .number(let x): if let s = numberFormat.string(x) { out += s.utf8 }
    case .integer(let n): out += String(n).utf8
    case .boolean(let b): out += (b ? "true" : "false").utf8
    }
  }

  func appendText(_ text: String, to out: inout [UInt8]) {
    let utf8 = text.utf8
    let guarded =
      !raw && utf8.first.map { CSVWriter.formulaStarters.contains($0) } == true
    let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    if needsQuotes { out.append(0x22) }
    if guarded { out.append(UInt8(ascii: "'")) }
    for byte in utf8 {
      if byte == 0x22 { out.append(0x22) }
      out.append(byte)
    }
    if needsQuotes { out.append(0x22) }
  }

  /// `=`, `+`, `-`, `@`, TAB, CR.
  static let formulaStarters: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
}
