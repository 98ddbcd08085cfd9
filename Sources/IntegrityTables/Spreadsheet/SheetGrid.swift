/// Cells in sheet order → CSV bytes (RFC 4180, UTF-8) in which line N is sheet row N and
/// field C is sheet column C, so a reader's `FILE:LINE:COLUMN` is a cell.
///
/// Only content costs: empty cells before a value become commas, empty rows before a
/// row with a value become empty lines, and trailing empty cells and rows are never
/// written — so a row of 16,384 repeated empty cells or a million repeated empty rows at
/// the end of a sheet cost nothing. What is written is bounded by `SpreadsheetLimits`
/// (cells, including the empty ones written between values, and bytes): past either
/// the sheet is a `DataError`, never unbounded memory.
///
/// Merged cells: the first `headRows` rows are kept as cells until the sheet's merges
/// are known (an .xlsx lists them after the cells), then a merge whose top row holds at
/// least two values — a header row, not a title spread over the page — gives its value
/// to every column it covers, in its last row: a cell merged down over two header rows
/// names the columns of the second. A merged two-row header (地檢署 and 年度 over two
/// rows, 起訴案件 over the two columns above 實際值 and 目標值) so gives a first row
/// `,,起訴案件,起訴案件`, read as a title line, and a second row that is a whole header,
/// `地檢署,年度,實際值,目標值`.
struct SheetGrid {
  static let headRows = 30

  struct Merge: Equatable {
    var rows: ClosedRange<Int>
    var columns: ClosedRange<Int>
  }

  let source: String
  var sheet: String
  /// The field being built (CSV-encoded); `put(row:column:)` writes and clears it.
  var field: [UInt8] = []
  private var head = [[(column: Int, field: [UInt8])]](repeating: [], count: headRows)
  private var body: [UInt8] = []
  private var row = 0
  private var column = 0
  private var cells = 0
  private var merges: [Merge] = []

  init(source: String, sheet: String) {
    self.source = source
    self.sheet = sheet
    body.reserveCapacity(1 << 16)
  }

  /// Appends `text` to `field` as one CSV field: quoted (quotes doubled) when it holds
  /// a comma, a quote, CR or LF.
  mutating func appendText<C: Collection<UInt8>>(_ text: C) {
    SheetGrid.appendText(text, to: &field)
  }

  static func appendText<C: Collection<UInt8>>(_ text: C, to out: inout [UInt8]) {
    let needsQuotes = text.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else {
      out.append(contentsOf: text)
      return
    }
    out.append(0x22)
    for b in text {
      out.append(b)
      if b == 0x22 { out.append(0x22) }
    }
    out.append(0x22)
  }

  /// Writes `field` as the cell at (`row`, `column`), both 1-based; cells come in row
  /// order, and in column order within a row. An empty field writes nothing.
  mutating func put(row r: Int, column c: Int) throws {
    defer { field.removeAll(keepingCapacity: true) }
    try put(row: r, column: c, field)
  }

  /// Writes an already encoded field at (`row`, `column`).
  mutating func put<C: Collection<UInt8>>(row r: Int, column c: Int, _ encoded: C) throws {
    guard !encoded.isEmpty else { return }
    guard r > row || (r == row && c > column) else {
      throw DataError(
        file: source, line: r, column: c, message: "cell out of order (after row \(row), column \(column))",
        sheet: sheet)
    }
    if r != row {
      if r > SheetGrid.headRows {
        let previous = max(row, SheetGrid.headRows)
        if row > SheetGrid.headRows { body.append(0x0A) }
        let gap = r - previous - 1
        if gap > 0 { body.append(contentsOf: repeatElement(0x0A, count: gap)) }
      }
      row = r
      column = 0
    }
    cells += c - column
    guard cells <= SpreadsheetLimits.cells, c <= 1 << 20 else {
      throw DataError(
        file: source, line: r, column: c,
        message: "the sheet holds more than \(SpreadsheetLimits.cells) cells; not read", sheet: sheet)
    }
    if r <= SheetGrid.headRows {
      head[r - 1].append((c, Array(encoded)))
    } else {
      let commas = c - max(column, 1)
      if commas > 0 { body.append(contentsOf: repeatElement(0x2C, count: commas)) }
      body.append(contentsOf: encoded)
      guard body.count <= SpreadsheetLimits.csvBytes else {
        throw DataError(
          file: source, line: r, column: c,
          message: "the sheet gives more than \(SpreadsheetLimits.csvBytes) bytes of text; not read", sheet: sheet)
      }
    }
    column = c
  }

  /// Records a merged range (1-based, inclusive).
  mutating func merge(_ merge: Merge) {
    if merge.rows.lowerBound <= SheetGrid.headRows, merges.count < 10_000 { merges.append(merge) }
  }

  /// The CSV bytes: the head rows (merges applied), then the rest.
  mutating func finish() -> [UInt8] {
    spreadMerges()
    var out: [UInt8] = []
    let lastHead = head.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0
    let headLines = row > SheetGrid.headRows ? SheetGrid.headRows : lastHead
    out.reserveCapacity(body.count + headLines * 64 + 1)
    for r in 0..<headLines {
      var at = 0
      for (c, field) in head[r] {
        let commas = c - max(at, 1)
        if commas > 0 { out.append(contentsOf: repeatElement(0x2C, count: commas)) }
        out.append(contentsOf: field)
        at = c
      }
      out.append(0x0A)
    }
    if row > SheetGrid.headRows {
      out.append(contentsOf: body)
      out.append(0x0A)
    }
    body = []
    return out
  }

  private mutating func spreadMerges() {
    let valuesBefore = head.map(\.count)
    for m in merges {
      let top = m.rows.lowerBound - 1
      let bottom = min(m.rows.upperBound, SheetGrid.headRows) - 1
      guard top >= 0, top < SheetGrid.headRows, valuesBefore[top] >= 2,
        let at = head[top].firstIndex(where: { $0.column == m.columns.lowerBound })
      else { continue }
      let value = head[top][at].field
      // A cell merged down over header rows names the columns of the last of them.
      if bottom > top { head[top].remove(at: at) }
      for c in m.columns where !head[bottom].contains(where: { $0.column == c }) {
        head[bottom].append((c, value))
      }
      head[bottom].sort { $0.column < $1.column }
    }
  }
}
