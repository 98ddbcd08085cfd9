/// One `.xlsx` worksheet part, streamed: `<row r>` / `<c r t s>` with `<v>`, `<f>` and
/// `<is>`, then `<mergeCell ref>`, into a `SheetGrid`.
///
/// Values (ECMA-376 Part 1, §18.3.1.4 and §18.18.11): `t="s"` a shared string,
/// `inlineStr` the `<is>` text (phonetic runs left out), `str` a formula's text result,
/// `b` a boolean (`TRUE`/`FALSE`), `e` an error (`#DIV/0!` …, which the reader then
/// rejects like any text in a number column), `d` an ISO date; otherwise a number, as
/// stored, or a date when the cell's style has a date format, or `35.4%` when it has a
/// percent format (see `SpreadsheetNumber.appendPercent`). A formula is read by its
/// cached `<v>`; one without is a `DataError` naming the cell. A cell or row without
/// `r` is the one after the previous.
final class XLSXSheetHandler: XMLHandler {
  var text: [UInt8] = []
  var collectsText: Bool { inV || inF || (inInline && inT && phoneticDepth == 0) }
  var grid: SheetGrid
  private let strings: XLSXSharedStringsHandler?
  private let styles: [XLSXNumberStyle]
  private let date1904: Bool

  private var row = 0
  private var column = 0
  private enum Kind { case number, shared, inline, formulaText, boolean, error, date }
  private var kind = Kind.number
  private var style = 0
  private var hasValue = false
  private var formula: String? = nil
  private var inV = false
  private var inF = false
  private var inInline = false
  private var inT = false
  private var phoneticDepth = 0
  /// For a part of the sheet parsed from a cut (`XLSXSheetSplit`), where a row without
  /// `r` cannot be numbered.
  var requiresRowNumbers = false

  init(grid: SheetGrid, strings: XLSXSharedStringsHandler?, styles: [XLSXNumberStyle], date1904: Bool) {
    self.grid = grid
    self.strings = strings
    self.styles = styles
    self.date1904 = date1904
  }

  func startElement(_ name: Int, _ attributes: XMLAttributes) throws {
    guard let element = XLSXNames.of(name) else { return }
    switch element {
    case .c:
      let reference = attributes.value(.attrR).map { CellReference.parse($0) }
      column = reference?.column ?? (column + 1)
      kind = Self.kind(attributes.value(.attrT))
      style = attributes.integer(.attrS) ?? 0
      hasValue = false
      formula = nil
      text.removeAll(keepingCapacity: true)
    case .v:
      inV = true
      hasValue = true
      text.removeAll(keepingCapacity: true)
    case .f:
      inF = true
      text.removeAll(keepingCapacity: true)
    case .isElement:
      inInline = true
      hasValue = true
      text.removeAll(keepingCapacity: true)
    case .t: inT = true
    case .rPh: phoneticDepth += 1
    case .row:
      if let r = attributes.integer(.attrR) {
        row = r
      } else if requiresRowNumbers {
        throw XLSXSheetSplit.CannotJoin()
      } else {
        row += 1
      }
      column = 0
    case .mergeCell:
      if let merge = Self.merge(attributes) { grid.merge(merge) }
    default: break
    }
  }

  /// The range of a `<mergeCell ref="A1:B2">` (nil when `ref` is not such a range).
  static func merge(_ attributes: XMLAttributes) -> SheetGrid.Merge? {
    guard let ref = attributes.value(.attrRef) else { return nil }
    let parts = ref.split(separator: UInt8(ascii: ":"))
    guard parts.count == 2 else { return nil }
    let a = CellReference.parse(parts[0])
    let b = CellReference.parse(parts[1])
    guard let c0 = a.column, let r0 = a.row, let c1 = b.column, let r1 = b.row, c0 <= c1, r0 <= r1 else { return nil }
    return SheetGrid.Merge(rows: r0...r1, columns: c0...c1)
  }

  func endElement(_ name: Int) throws {
    guard let element = XLSXNames.of(name) else { return }
    switch element {
    case .v: inV = false
    case .f:
      inF = false
      formula = String(decoding: text.prefix(200), as: UTF8.self)
      text.removeAll(keepingCapacity: true)
    case .isElement: inInline = false
    case .t: inT = false
    case .rPh: phoneticDepth -= 1
    case .c: try endCell()
    default: break
    }
  }

  private static func kind(_ t: ArraySlice<UInt8>?) -> Kind {
    guard let t, let first = t.first else { return .number }
    if t.count == 1 {
      switch first {
      case UInt8(ascii: "s"): return .shared
      case UInt8(ascii: "b"): return .boolean
      case UInt8(ascii: "e"): return .error
      case UInt8(ascii: "d"): return .date
      default: return .number
      }
    }
    if t.elementsEqual("inlineStr".utf8) { return .inline }
    if t.elementsEqual("str".utf8) { return .formulaText }
    return .number
  }

  private func endCell() throws {
    guard row > 0, column > 0 else { return }
    if let formula, !hasValue {
      throw DataError(
        file: grid.source, line: row, column: column,
        message: "the formula =\(formula) has no cached value (open the file in a spreadsheet program, recalculate and save it)",
        sheet: grid.sheet)
    }
    guard hasValue else { return }
    switch kind {
    case .shared:
      guard let strings, let index = Self.integer(text), index < strings.count else {
        throw DataError(
          file: grid.source, line: row, column: column, message: "a shared string index that the workbook does not have",
          found: String(decoding: text, as: UTF8.self), sheet: grid.sheet)
      }
      try grid.put(row: row, column: column, strings.field(index))
      return
    case .inline, .formulaText, .error:
      grid.appendText(text)
    case .boolean:
      grid.appendText(Array((text.first == UInt8(ascii: "1") || text.first == UInt8(ascii: "t") ? "TRUE" : "FALSE").utf8))
    case .date:
      grid.appendText(text.prefix(10))
    case .number:
      let numberStyle = style < styles.count ? styles[style] : .plain
      if numberStyle == .date, let serial = SpreadsheetNumber.parse(text),
        let iso = SpreadsheetDate.iso(serial: serial, date1904: date1904)
      {
        grid.field.append(contentsOf: iso.utf8)
      } else if numberStyle == .percent, SpreadsheetNumber.appendPercent(text, to: &grid.field) {
      } else if !SpreadsheetNumber.append(text, to: &grid.field) {
        grid.appendText(text)
      }
    }
    try grid.put(row: row, column: column)
  }

  private static func integer(_ bytes: [UInt8]) -> Int? {
    guard !bytes.isEmpty, bytes.count < 12, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }
}
