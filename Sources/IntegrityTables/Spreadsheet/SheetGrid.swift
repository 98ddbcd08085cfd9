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
///
/// Streaming: the CSV goes to `sink` in blocks of about `blockSize` bytes, each ending
/// after a line feed (so each is valid UTF-8 on its own), as soon as the head rows are
/// final — when the first row past them arrives and every merge that can touch them is
/// known (`MergeSource`). Only the head rows and one block are held, whatever the
/// sheet's size. When the merges come only at the end, everything is held until
/// `finish()`, bounded by `SpreadsheetLimits.csvBytes`.
struct SheetGrid {
  static let headRows = 30

  struct Merge: Equatable {
    var rows: ClosedRange<Int>
    var columns: ClosedRange<Int>
  }

  /// When the merges that touch the head rows are known.
  enum MergeSource {
    /// On their cells, before any row below them (an .ods: `number-rows-spanned` on
    /// the top cell): the head is final at the first row past it.
    case inline
    /// Found before the cells (an .xlsx's `<mergeCells>`, by `XLSXMergeScan`); those
    /// the sheet then gives must be the same, or `finish()` throws
    /// `Spreadsheet.HeadChanged`.
    case listed([Merge])
    /// Only at the end: the head, and so the whole CSV, is held until `finish()`.
    case atEnd
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
  private let mergeSource: MergeSource
  /// Merges the sheet gave for the head rows (with `.listed`, to check against them).
  private var confirmed: [Merge] = []
  private var headChanged = false
  /// Whether the head rows are in `body` (or already handed on).
  private var headWritten = false
  /// Bytes of `body` that are head rows, and bytes handed on so far.
  private var headBytes = 0
  private var handedOn = 0
  private let blockSize: Int
  private let sink: ([UInt8]) throws -> Void
  /// A segment: the rows from a cut on (`XLSXSheetSplit`), kept for `absorb(_:)`.
  private var isSegment = false
  private var firstRow: Int?
  private var segmentInvalid = false

  /// A grid handing its CSV to `sink` in blocks of about `blockSize` bytes.
  init(
    source: String, sheet: String, merges: MergeSource = .atEnd, blockSize: Int = 1 << 20,
    sink: @escaping ([UInt8]) throws -> Void = { _ in }
  ) {
    self.source = source
    self.sheet = sheet
    self.mergeSource = merges
    self.blockSize = max(blockSize, 4096)
    self.sink = sink
    if case .listed(let listed) = merges {
      self.merges = listed.filter(SheetGrid.touchesHead).prefix(SheetGrid.mergeLimit).map { $0 }
    }
    body.reserveCapacity(min(self.blockSize, 1 << 16) + 1024)
  }

  /// A grid for the rows of a sheet from a cut on, parsed on another thread: its CSV
  /// starts at its first row (the lines before it are the joining grid's to write) and
  /// is kept whole for `absorb(_:)`; it cannot hold head rows.
  static func segment(source: String, sheet: String) -> SheetGrid {
    var grid = SheetGrid(source: source, sheet: sheet)
    grid.isSegment = true
    return grid
  }

  /// The most CSV bytes a segment holds (the second half of a sheet of about two million
  /// seven-cell rows).
  static let segmentBytes = 64 << 20

  private static let mergeLimit = 10_000
  private static func touchesHead(_ m: Merge) -> Bool { m.rows.lowerBound <= headRows }

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
    if isSegment && firstRow == nil {
      guard r > SheetGrid.headRows else {
        segmentInvalid = true
        return
      }
      firstRow = r
      row = r
    }
    guard r > row || (r == row && c > column) else {
      throw DataError(
        file: source, line: r, column: c, message: "cell out of order (after row \(row), column \(column))",
        sheet: sheet)
    }
    if r != row {
      if r > SheetGrid.headRows {
        let previous = max(row, SheetGrid.headRows)
        if row > SheetGrid.headRows {
          body.append(0x0A)
        } else if mergesKnown {
          writeHead(rowsFollow: true)
        }
        let gap = r - previous - 1
        if gap > 0 { body.append(contentsOf: repeatElement(0x0A, count: gap)) }
        // `body` ends after a line feed here: hand it on once a block is full.
        if headWritten && body.count >= blockSize { try handOn() }
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
      // A segment is held whole until it is joined: past this it is given up, and the
      // joining parse reads on from the cut itself.
      if isSegment && body.count > SheetGrid.segmentBytes { throw XLSXSheetSplit.CannotJoin() }
      guard handedOn + body.count - headBytes <= SpreadsheetLimits.csvBytes else {
        throw DataError(
          file: source, line: r, column: c,
          message: "the sheet gives more than \(SpreadsheetLimits.csvBytes) bytes of text; not read", sheet: sheet)
      }
    }
    column = c
  }

  /// Records a merged range (1-based, inclusive).
  mutating func merge(_ merge: Merge) {
    guard SheetGrid.touchesHead(merge) else { return }
    switch mergeSource {
    case .listed:
      if confirmed.count < SheetGrid.mergeLimit { confirmed.append(merge) }
    case .inline:
      if headWritten { headChanged = true }
      if merges.count < SheetGrid.mergeLimit { merges.append(merge) }
    case .atEnd:
      if merges.count < SheetGrid.mergeLimit { merges.append(merge) }
    }
  }

  /// Appends the rows and merges of `next`, a segment of the same sheet parsed from a
  /// cut after this grid's last row, as if they had been put here. False, with nothing
  /// changed, when that cannot be done exactly: `next` holds no row after this grid's
  /// (or a head row), or the two together pass the limits — the caller then reads on
  /// from the cut itself and meets the problem where it is.
  mutating func absorb(_ next: SheetGrid) throws -> Bool {
    guard !next.segmentInvalid else { return false }
    if let first = next.firstRow {
      guard first > row, first > SheetGrid.headRows, cells + next.cells <= SpreadsheetLimits.cells else { return false }
      // The line feeds `put` writes before a row: the end of the last row (when past the
      // head) and one per empty row between.
      let breaks = row > SheetGrid.headRows ? first - row : first - SheetGrid.headRows - 1
      guard handedOn + body.count - headBytes + breaks + next.body.count <= SpreadsheetLimits.csvBytes else {
        return false
      }
      if row <= SheetGrid.headRows && mergesKnown { writeHead(rowsFollow: true) }
      body.append(contentsOf: repeatElement(0x0A, count: breaks))
      if headWritten && body.count >= blockSize { try handOn() }
      body.append(contentsOf: next.body)
      row = next.row
      column = next.column
      cells += next.cells
    }
    for m in next.merges { merge(m) }
    return true
  }

  /// Whether the merges that can touch the head rows are all known now.
  private var mergesKnown: Bool {
    if case .atEnd = mergeSource { return false }
    return true
  }

  /// Hands on the rest of the CSV (the head rows with their merges first, if they were
  /// held): the last row ends with a line feed. Throws `Spreadsheet.HeadChanged` when
  /// the head was
  /// handed on with merges the sheet's own differ from (a listed merge the parse did
  /// not confirm, or an inline one after the head rows).
  mutating func finish() throws {
    if case .listed(let listed) = mergeSource {
      let expected = listed.filter(SheetGrid.touchesHead).prefix(SheetGrid.mergeLimit).map { $0 }
      if headWritten {
        if confirmed != expected { throw Spreadsheet.HeadChanged() }
      } else {
        merges = confirmed
      }
    }
    if headChanged { throw Spreadsheet.HeadChanged() }
    // At most the head rows came, or their merges are only known now.
    if !headWritten { writeHead(rowsFollow: row > SheetGrid.headRows) }
    if row > SheetGrid.headRows { body.append(0x0A) }
    if !body.isEmpty { try handOn() }
  }

  /// Puts the head rows (merges applied) before the rows in `body`: all of them when
  /// rows follow, else up to the last with a value.
  private mutating func writeHead(rowsFollow: Bool) {
    spreadMerges()
    let lastHead = head.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0
    let headLines = rowsFollow ? SheetGrid.headRows : lastHead
    var out: [UInt8] = []
    out.reserveCapacity(headLines * 64 + body.count)
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
    headBytes = out.count
    out.append(contentsOf: body)
    body = out
    head = []
    headWritten = true
  }

  private mutating func handOn() throws {
    handedOn += body.count
    let block = body
    body.removeAll(keepingCapacity: true)
    try sink(block)
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
