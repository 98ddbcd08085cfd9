/// An .ods `content.xml`, streamed: the chosen `<table:table>`'s rows and cells into a
/// `SheetGrid`, and the names of all tables (for `--sheet` and its error).
///
/// Values (OpenDocument 1.3 Part 3, §19.385–19.389): `office:value-type` float and
/// currency give `office:value` (the number as stored), percentage gives it as a
/// percent (`0.125` → `12.5%`, `SpreadsheetNumber.appendPercent`),
/// date gives `office:date-value` (its date part), boolean `office:boolean-value`
/// (`TRUE`/`FALSE`), string the text — `<text:p>` paragraphs joined by a line feed,
/// `<text:s text:c>` spaces, tabs and line breaks, spans and links by their text,
/// annotations (comments) left out. A cell with a formula (`table:formula`) but no
/// value type has no cached value: a `DataError` naming the cell.
///
/// Repeats are not materialised: `number-columns-repeated` on an empty cell only moves
/// the column, `number-rows-repeated` on an empty row only moves the row (and the grid
/// writes nothing for empties at the end). A repeated cell or row with content is
/// written as often as it is repeated, within the grid's cell limit. A cell spanning
/// columns or rows (`number-columns-spanned` / `-rows-spanned`) is a merge;
/// `<table:covered-table-cell>`s only move the column.
final class ODSContentHandler: XMLHandler {
  var text: [UInt8] = []
  var collectsText: Bool { inCell && paragraphDepth > 0 && annotationDepth == 0 && needsText }
  /// Whether the cell's text is its value (not for numbers, dates, booleans).
  private var needsText = true
  var grid: SheetGrid
  private(set) var sheetNames: [String] = []
  /// The table to read: by name (or, when no table has that name, by 1-based
  /// position if `selection` is a number); nil: the first.
  private let selection: String?
  private(set) var chosen: String?
  /// Stop the parse once the chosen table has ended (no error, no list needed).
  struct Finished: Error {}

  private var tableDepth = 0
  private var reading = false
  private var row = 0
  private var column = 0
  private var rowRepeat = 1
  private var rowFields: [UInt8] = []
  private var rowCells: [(column: Int, range: Range<Int>)] = []

  private var inCell = false
  private var paragraphs = 0
  private var paragraphDepth = 0
  private var annotationDepth = 0
  private var cellRepeat = 1
  private enum ValueType { case number, percentage, date, boolean, string, other }
  private var valueType: ValueType? = nil
  private var value: ArraySlice<UInt8>? = nil
  private var hasFormula = false
  private var isError = false

  /// Stop as soon as the chosen table starts (only its name is wanted).
  private let namesOnly: Bool

  init(grid: SheetGrid, selection: String?, namesOnly: Bool = false) {
    self.grid = grid
    self.selection = selection
    self.namesOnly = namesOnly
  }

  private func selects(name: String, position: Int) -> Bool {
    guard let selection else { return position == 1 }
    if name == selection { return true }
    // A number picks by position only when no table is named so; names of the tables
    // not yet seen are unknown, so a number is checked by position when met and the
    // name wins only if it comes first.
    return Int(selection) == position
  }

  func startElement(_ name: Int, _ attributes: XMLAttributes) throws {
    guard let element = ODSNames(rawValue: name), name >= 0 else { return }
    switch element {
    case .table:
      tableDepth += 1
      guard tableDepth == 1 else { return }
      let tableName = attributes.string(ODSNames.name.rawValue) ?? ""
      sheetNames.append(tableName)
      if chosen == nil, selects(name: tableName, position: sheetNames.count) {
        chosen = tableName
        grid.sheet = tableName
        if namesOnly { throw Finished() }
        reading = true
        row = 0
      }
    case .tableRow where reading && tableDepth == 1:
      rowRepeat = max(1, attributes.integer(ODSNames.rowsRepeated.rawValue) ?? 1)
      column = 0
      rowFields.removeAll(keepingCapacity: true)
      rowCells.removeAll(keepingCapacity: true)
    case .tableCell where reading && tableDepth == 1:
      inCell = true
      paragraphs = 0
      text.removeAll(keepingCapacity: true)
      cellRepeat = max(1, attributes.integer(ODSNames.columnsRepeated.rawValue) ?? 1)
      valueType = attributes.value(ODSNames.valueType.rawValue).map(Self.valueType)
      hasFormula = attributes.value(ODSNames.formula.rawValue) != nil
      isError = attributes.value(ODSNames.calcValueType.rawValue).map { $0.elementsEqual("error".utf8) } ?? false
      needsText = isError || hasFormula || valueType == nil || valueType == .string || valueType == .other
      switch valueType {
      case .number, .percentage: value = attributes.value(ODSNames.value.rawValue)
      case .date: value = attributes.value(ODSNames.dateValue.rawValue)
      case .boolean: value = attributes.value(ODSNames.booleanValue.rawValue)
      case .string: value = attributes.value(ODSNames.stringValue.rawValue)
      default: value = nil
      }
      let spannedColumns = attributes.integer(ODSNames.columnsSpanned.rawValue) ?? 1
      let spannedRows = attributes.integer(ODSNames.rowsSpanned.rawValue) ?? 1
      if spannedColumns > 1 || spannedRows > 1 {
        grid.merge(
          SheetGrid.Merge(
            rows: (row + 1)...(row + min(spannedRows, 1 << 20)),
            columns: (column + 1)...(column + min(spannedColumns, 1 << 14))))
      }
    case .coveredCell where reading && tableDepth == 1:
      column += max(1, attributes.integer(ODSNames.columnsRepeated.rawValue) ?? 1)
    case .p where inCell:
      if paragraphDepth == 0 && annotationDepth == 0 {
        if paragraphs > 0 { text.append(0x0A) }
        paragraphs += 1
      }
      paragraphDepth += 1
    case .s where collectsText:
      let n = min(max(1, attributes.integer(ODSNames.spaceCount.rawValue) ?? 1), 1 << 16)
      text.append(contentsOf: repeatElement(0x20, count: n))
    case .tab where collectsText: text.append(0x09)
    case .lineBreak where collectsText: text.append(0x0A)
    case .annotation where inCell: annotationDepth += 1
    default: break
    }
  }

  func endElement(_ name: Int) throws {
    guard name >= 0, let element = ODSNames(rawValue: name) else { return }
    switch element {
    case .p where inCell: paragraphDepth -= 1
    case .annotation where inCell: annotationDepth -= 1
    case .tableCell where reading && tableDepth == 1 && inCell:
      inCell = false
      try endCell()
    case .tableRow where reading && tableDepth == 1:
      try endRow()
    case .table:
      tableDepth -= 1
      if tableDepth == 0 && reading {
        reading = false
        if selection == nil || Int(selection!) == nil { throw Finished() }
      }
    default: break
    }
  }

  private static func valueType(_ bytes: ArraySlice<UInt8>) -> ValueType {
    if bytes.elementsEqual("float".utf8) || bytes.elementsEqual("currency".utf8) { return .number }
    if bytes.elementsEqual("string".utf8) { return .string }
    if bytes.elementsEqual("percentage".utf8) { return .percentage }
    if bytes.elementsEqual("date".utf8) { return .date }
    if bytes.elementsEqual("boolean".utf8) { return .boolean }
    return .other
  }

  private func endCell() throws {
    let start = rowFields.count
    if let valueType, !isError {
      switch valueType {
      case .percentage:
        if let value, !SpreadsheetNumber.appendPercent(value, to: &rowFields) { SheetGrid.appendText(value, to: &rowFields) }
      case .number:
        if let value, !SpreadsheetNumber.append(value, to: &rowFields) { SheetGrid.appendText(value, to: &rowFields) }
      case .date:
        if let value { SheetGrid.appendText(value.prefix(10), to: &rowFields) }
      case .boolean:
        if let value { rowFields.append(contentsOf: (value.first == UInt8(ascii: "t") || value.first == UInt8(ascii: "1") ? "TRUE" : "FALSE").utf8) }
      case .string:
        SheetGrid.appendText(value.map(Array.init) ?? text, to: &rowFields)
      default:
        SheetGrid.appendText(text, to: &rowFields)
      }
    } else {
      if hasFormula && !isError && text.isEmpty {
        throw DataError(
          file: grid.source, line: row + 1, column: column + 1,
          message: "the formula has no cached value (open the file in a spreadsheet program, recalculate and save it)",
          sheet: grid.sheet)
      }
      SheetGrid.appendText(text, to: &rowFields)
    }
    if rowFields.count > start {
      guard cellRepeat <= SpreadsheetLimits.cells, rowCells.count + cellRepeat <= SpreadsheetLimits.cells else {
        throw DataError(
          file: grid.source, line: row + 1, column: column + 1,
          message: "a cell repeated \(cellRepeat) times exceeds \(SpreadsheetLimits.cells) cells; not read", sheet: grid.sheet)
      }
      for k in 0..<cellRepeat { rowCells.append((column + 1 + k, start..<rowFields.count)) }
    }
    column += cellRepeat
  }

  private func endRow() throws {
    defer { row += rowRepeat }
    guard !rowCells.isEmpty else { return }
    guard rowCells.count * rowRepeat <= SpreadsheetLimits.cells else {
      throw DataError(
        file: grid.source, line: row + 1, column: 0,
        message: "a row repeated \(rowRepeat) times exceeds \(SpreadsheetLimits.cells) cells; not read", sheet: grid.sheet)
    }
    for k in 0..<rowRepeat {
      for cell in rowCells { try grid.put(row: row + 1 + k, column: cell.column, rowFields[cell.range]) }
    }
  }
}
