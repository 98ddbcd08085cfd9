/// Writes a `Table` as CSV: RFC 4180 quoting, UTF-8, LF line ends.
///
/// A field is quoted when it holds a comma, a double quote, CR or LF; quotes inside
/// are doubled. Unless `raw`, a text cell starting with `=`, `+`, `-`, `@`, TAB or CR
/// is prefixed with `'` (OWASP "CSV Injection" guidance), so a spreadsheet does not
/// run it as a formula. Numbers are never prefixed: `-1.5` is data, not a formula.
/// The rules live in `CSVLineBuffer`, which streaming outputs use directly.
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
    var csv = CSVLineBuffer(numberFormat: numberFormat, raw: raw, reservingCapacity: 64 * (table.rowCount + 1))
    if byteOrderMark { csv.byteOrderMark() }
    csv.header(table.names)
    for row in 0..<table.rowCount {
      for column in table.columns {
        switch column.values {
        case .text(let values): if let s = values[row] { csv.text(s) } else { csv.empty() }
        case .number(let values): csv.number(values[row])
        case .integer(let values): if let n = values[row] { csv.integer(n) } else { csv.empty() }
        case .boolean(let values): if let b = values[row] { csv.boolean(b) } else { csv.empty() }
        }
      }
      csv.endLine()
    }
    return csv.bytes
  }

  /// The CSV text of `table`.
  public func string(_ table: Table) -> String {
    String(decoding: bytes(table), as: UTF8.self)
  }
}
