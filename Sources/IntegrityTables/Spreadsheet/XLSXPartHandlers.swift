/// `.rels` parts: each `<Relationship Id Target Type>`.
final class XLSXRelationshipsHandler: XMLHandler {
  var collectsText: Bool { false }
  var text: [UInt8] = []
  var relationships: [(id: String, target: String, type: String)] = []

  func startElement(_ name: Int, _ attributes: XMLAttributes) {
    guard XLSXNames.of(name) == .relationship, let id = attributes.string(.attrId),
      let target = attributes.string(.attrTarget)
    else { return }
    relationships.append((id, target, attributes.string(.attrType) ?? ""))
  }

  func endElement(_ name: Int) {}
}

/// `xl/workbook.xml`: the sheets in order (name and relationship id) and the date system.
final class XLSXWorkbookHandler: XMLHandler {
  var collectsText: Bool { false }
  var text: [UInt8] = []
  var sheets: [(name: String, relationship: String)] = []
  var date1904 = false

  func startElement(_ name: Int, _ attributes: XMLAttributes) {
    switch XLSXNames.of(name) {
    case .sheet:
      sheets.append((attributes.string(.attrName) ?? "", attributes.string(.relationshipId) ?? ""))
    case .workbookPr:
      let value = attributes.string(.attrDate1904) ?? "0"
      date1904 = value == "1" || value == "true"
    default: break
    }
  }

  func endElement(_ name: Int) {}
}

/// `xl/styles.xml`: which cell formats (`<cellXfs><xf numFmtId>`, by index, the `s` of a
/// cell) are dates or percentages (`SpreadsheetDate`).
final class XLSXStylesHandler: XMLHandler {
  var collectsText: Bool { false }
  var text: [UInt8] = []
  private var customFormats: [Int: String] = [:]
  private var formatIDs: [Int] = []
  private var inCellXfs = false

  func startElement(_ name: Int, _ attributes: XMLAttributes) {
    switch XLSXNames.of(name) {
    case .numFmt:
      if let id = attributes.integer(.attrNumFmtId) { customFormats[id] = attributes.string(.attrFormatCode) ?? "" }
    case .cellXfs: inCellXfs = true
    case .xf where inCellXfs: formatIDs.append(attributes.integer(.attrNumFmtId) ?? 0)
    default: break
    }
  }

  func endElement(_ name: Int) {
    if XLSXNames.of(name) == .cellXfs { inCellXfs = false }
  }

  /// How each cell format shows a number.
  var styles: [XLSXNumberStyle] {
    formatIDs.map { id in
      let code = customFormats[id]
      if let code, SpreadsheetDate.isDateFormat(code) { return .date }
      if code == nil, SpreadsheetDate.isBuiltInDate(id) { return .date }
      if SpreadsheetDate.isPercentFormat(id: id, code: code) { return .percent }
      return .plain
    }
  }
}

/// How a number cell's format shows it: as a number, a date or a percentage.
enum XLSXNumberStyle {
  case plain, date, percent
}

/// `xl/sharedStrings.xml`: each `<si>` as one CSV field (already quoted when needed):
/// its `<t>` text, rich-text runs (`<r><t>`) joined, phonetic runs (`<rPh>`, furigana
/// and bopomofo guides) left out.
final class XLSXSharedStringsHandler: XMLHandler {
  var text: [UInt8] = []
  var collectsText: Bool { inT && phoneticDepth == 0 }
  private(set) var pool: [UInt8] = []
  private(set) var ends: [Int] = [0]
  private var inT = false
  private var phoneticDepth = 0
  let source: String

  init(source: String) { self.source = source }

  func startElement(_ name: Int, _ attributes: XMLAttributes) {
    switch XLSXNames.of(name) {
    case .si: text.removeAll(keepingCapacity: true)
    case .t: inT = true
    case .rPh: phoneticDepth += 1
    default: break
    }
  }

  func endElement(_ name: Int) throws {
    switch XLSXNames.of(name) {
    case .t: inT = false
    case .rPh: phoneticDepth -= 1
    case .si:
      SheetGrid.appendText(text, to: &pool)
      ends.append(pool.count)
      guard pool.count <= SpreadsheetLimits.csvBytes else {
        throw DataError(file: source, line: 0, column: 0, message: "the shared strings exceed \(SpreadsheetLimits.csvBytes) bytes; not read")
      }
    default: break
    }
  }

  var count: Int { ends.count - 1 }
  func field(_ index: Int) -> ArraySlice<UInt8> { pool[ends[index]..<ends[index + 1]] }
}
