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
  ///
  /// A large table's rows are formatted in consecutive ranges on every core (shortest
  /// round-trip numbers are most of the work) and joined in order: the bytes are the
  /// same however many cores there are.
  public func bytes(_ table: Table) -> [UInt8] {
    var csv = CSVLineBuffer(numberFormat: numberFormat, raw: raw, reservingCapacity: 1024)
    if byteOrderMark { csv.byteOrderMark() }
    csv.header(table.names)
    let columns = Columns(table)
    let rowsPerPart = Self.parallelCells / max(1, table.columns.count)
    csv.bytes += Chunks.map(table.rowCount, minimum: rowsPerPart) { rows in
      var lines = CSVLineBuffer(numberFormat: numberFormat, raw: raw, reservingCapacity: 64 * rows.count)
      columns.append(rows: rows, to: &lines)
      return lines.bytes
    }
    return csv.bytes
  }

  /// Tables of at least this many cells are formatted on several cores.
  static let parallelCells = 1 << 16

  /// The table's columns, each array taken out of its enum once, not once per cell
  /// (which retains and releases the array every time).
  struct Columns: @unchecked Sendable {
    var texts: [[String?]] = []
    var numbers: [[Double?]] = []
    var integers: [[Int?]] = []
    var booleans: [[Bool?]] = []
    var plan: [(kind: Kind, index: Int)] = []

    init(_ table: Table) {
      for column in table.columns {
        switch column.values {
        case .text(let v): plan.append((.text, texts.count)); texts.append(v)
        case .number(let v): plan.append((.number, numbers.count)); numbers.append(v)
        case .integer(let v): plan.append((.integer, integers.count)); integers.append(v)
        case .boolean(let v): plan.append((.boolean, booleans.count)); booleans.append(v)
        }
      }
    }

    func append(rows: Range<Int>, to csv: inout CSVLineBuffer) {
      for row in rows {
        for (kind, index) in plan {
          switch kind {
          case .text: if let s = texts[index][row] { csv.text(s) } else { csv.empty() }
          case .number: csv.number(numbers[index][row])
          case .integer: if let n = integers[index][row] { csv.integer(n) } else { csv.empty() }
          case .boolean: if let b = booleans[index][row] { csv.boolean(b) } else { csv.empty() }
          }
        }
        csv.endLine()
      }
    }
  }

  enum Kind { case text, number, integer, boolean }

  /// The CSV text of `table`.
  public func string(_ table: Table) -> String {
    String(decoding: bytes(table), as: UTF8.self)
  }
}
