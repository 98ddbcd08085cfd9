import IntegrityTables

/// A table to chart, with where each row came from (for error messages).
///
/// Cells may be typed (a result `Table` built in memory) or text (a CSV read back);
/// numbers in text cells are parsed with Swift's `Double(_:)`, which reads the
/// shortest round-trip form our commands print.
public struct ChartSource: Sendable {
  public var table: Table { didSet { names = Self.names(of: table) } }
  /// Trimmed, lower-cased column name → first index (looked up once per cell otherwise).
  private var names: [String: Int]
  /// The file name in messages.
  public var file: String
  /// The 1-based source line of each row (nil: row + 2, a header on line 1).
  public var lines: [Int]?

  public init(table: Table, file: String = "<input>", lines: [Int]? = nil) {
    self.table = table
    self.names = Self.names(of: table)
    self.file = file
    self.lines = lines
  }

  /// Builds a source from a header and rows of text (empty text = missing).
  public init(header: [String], rows: [[String]], file: String = "<input>", lines: [Int]? = nil) {
    let columns = header.enumerated().map { index, name in
      Column(name, text: rows.map { row in
        index < row.count && !row[index].isEmpty ? row[index] : nil
      })
    }
    self.init(table: Table(columns: columns), file: file, lines: lines)
  }

  var rowCount: Int { table.rowCount }

  func line(_ row: Int) -> Int { lines?[row] ?? row + 2 }

  /// The index of the column named `name` (trimmed, case-insensitive).
  func columnIndex(_ name: String) -> Int? { names[name] }

  static func names(of table: Table) -> [String: Int] {
    var names: [String: Int] = [:]
    for (i, column) in table.columns.enumerated() { names[column.name.trimmingWhitespace().lowercased()] = names[column.name.trimmingWhitespace().lowercased()] ?? i }
    return names
  }

  func has(_ name: String) -> Bool { columnIndex(name) != nil }

  /// The text of a cell, nil when missing or the column is absent.
  func text(_ name: String, _ row: Int) -> String? {
    guard let index = columnIndex(name) else { return nil }
    switch table.columns[index][row] {
    case .empty: return nil
    case .text(let s):
      let t = s.trimmingWhitespace()
      return t.isEmpty ? nil : t
    case .number(let x): return NumberFormat.shortestString(x)
    case .integer(let n): return String(n)
    case .boolean(let b): return b ? "true" : "false"
    }
  }

  /// The number in a cell, nil when missing; a DataError naming the cell when it is not a number.
  func number(_ name: String, _ row: Int) throws(DataError) -> Double? {
    guard let index = columnIndex(name) else { return nil }
    switch table.columns[index][row] {
    case .empty: return nil
    case .number(let x): return x
    case .integer(let n): return Double(n)
    case .boolean:
      throw DataError(
        file: file, line: line(row), column: index + 1, columnName: table.columns[index].name,
        message: "expected a number", found: text(name, row))
    case .text(let s):
      let t = s.trimmingWhitespace()
      if t.isEmpty { return nil }
      guard let x = Double(t), x.isFinite else {
        throw DataError(
          file: file, line: line(row), column: index + 1, columnName: table.columns[index].name,
          message: "expected a number", found: s)
      }
      return x
    }
  }

  /// A number that must be present and a whole number (a year or a quarter).
  func integer(_ name: String, _ row: Int) throws(DataError) -> Int {
    let index = columnIndex(name) ?? 0
    guard let x = try number(name, row), x == x.rounded(), abs(x) < 1e9 else {
      throw DataError(
        file: file, line: line(row), column: index + 1, columnName: name,
        message: "expected a whole number", found: text(name, row) ?? "")
    }
    return Int(x)
  }
}

extension ChartSource {
  /// A source from a CSV read by `TableReader` (every cell as text, with its source line).
  public init(_ text: TextTable) {
    let rows = (0..<text.rowCount).map { row in
      (0..<text.header.count).map { TextTable.trim(text.field(row: row, column: $0)) }
    }
    self.init(
      header: text.header, rows: rows, file: text.source,
      lines: (0..<text.rowCount).map { text.line(row: $0) })
  }
}
