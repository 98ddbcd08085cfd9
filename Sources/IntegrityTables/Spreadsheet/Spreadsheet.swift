import Foundation

/// Spreadsheets (.xlsx, .ods) read as CSV: one sheet streamed into UTF-8 CSV bytes
/// (RFC 4180) in which line N is sheet row N and field C is sheet column C, for the
/// one CSV reader to read with all its rules (headers, title and footnote lines,
/// aliases, units, periods, wide tables). A reader's `FILE:LINE:COLUMN` is then a
/// cell, which `DataError` prints as `FILE[SHEET]!D7` when given the sheet.
///
/// Detection is by content: a ZIP container whose `mimetype` entry says
/// `application/vnd.oasis.opendocument.spreadsheet` is an .ods (OpenDocument 1.3
/// Part 2, §3.3); one with `xl/workbook.xml` (found through `_rels/.rels`, ECMA-376
/// Part 2) is an .xlsx. Parts are inflated by ZIPFoundation and parsed by expat as
/// streams (`SpreadsheetArchive`, `XMLStream`); what the sheet may cost is bounded
/// (`SpreadsheetLimits`). See `XLSXSheetHandler` and `ODSContentHandler` for how
/// cells become text, `SheetGrid` for repeats, empties and merged header cells.
///
/// A cell holding a line break (an .ods cell of two paragraphs) is one quoted CSV field
/// over two lines, so the lines of the rows after it are one more than their rows.
public enum Spreadsheet {
  public enum Format: String, Sendable {
    case xlsx, ods
  }

  /// The sheet a conversion read.
  public struct Sheet: Sendable {
    /// The sheet read.
    public var name: String
    /// The workbook's sheets in order (for an .ods: up to the one read, unless all
    /// were needed).
    public var names: [String]
    public var format: Format
    /// Whether the sheet was parsed in two parts on two cores (`XLSXSheetSplit`).
    var split = false
  }

  /// One sheet as CSV.
  public struct Conversion: Sendable {
    /// UTF-8 CSV bytes, line N = sheet row N.
    public var csv: [UInt8]
    /// The sheet read.
    public var sheetName: String
    /// The workbook's sheets in order (for an .ods: up to the one read, unless all
    /// were needed).
    public var sheetNames: [String]
    public var format: Format
  }

  /// Thrown by `stream(from:sheet:source:blockSize:mergesFirst:into:)` after it handed
  /// on head rows with merged cells that the sheet, read to its end, does not confirm
  /// (a `<mergeCells>` found by bytes that was not the sheet's): what was handed on is
  /// wrong; read the sheet again with `mergesFirst: false`.
  public struct HeadChanged: Error {
    public init() {}
  }

  /// Whether `bytes` may be a spreadsheet (they start as a ZIP container does); a
  /// CSV never does.
  public static func isCandidate<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    SpreadsheetArchive.hasZipMagic(bytes)
  }

  /// Sheet `sheet` of the spreadsheet in `bytes` as CSV (`nil`: the first sheet).
  /// `sheet` is a sheet's name or, when no sheet is named so, its 1-based position.
  /// `source` names the input in errors.
  ///
  /// Throws `DataError` for a container that is not a spreadsheet or is damaged,
  /// malformed XML, a ZIP bomb or a sheet over the limits, an unknown sheet (the
  /// message lists the sheets), and a formula without a cached value (naming its cell).
  public static func csv(from bytes: [UInt8], sheet: String? = nil, source: String) throws -> Conversion {
    var csv: [UInt8] = []
    var read: Sheet
    do {
      read = try stream(from: bytes, sheet: sheet, source: source) { csv += $0 }
    } catch is HeadChanged {
      csv = []
      read = try stream(from: bytes, sheet: sheet, source: source, mergesFirst: false) { csv += $0 }
    }
    return Conversion(csv: csv, sheetName: read.name, sheetNames: read.names, format: read.format)
  }

  /// The same CSV handed to `sink` while the sheet is parsed, in blocks of about
  /// `blockSize` bytes that each end after a line feed (so each is valid UTF-8): the
  /// first holds the head rows (the first `SheetGrid.headRows`, merged header cells
  /// spread) and what follows them, sent once no merge can change them. Only the head
  /// rows and one block are held, so memory does not grow with the sheet.
  ///
  /// The merges of an .xlsx come after its cells; with `mergesFirst` they are found by
  /// a first pass over the inflated sheet (`XLSXMergeScan`), else the whole CSV is held
  /// and handed on at the end. Throws what `csv(from:sheet:source:)` throws, possibly
  /// after some blocks were handed on, and `HeadChanged` when the first pass was
  /// misled (then call again with `mergesFirst: false`). `sink` may throw to stop.
  public static func stream(
    from bytes: [UInt8], sheet: String? = nil, source: String, blockSize: Int = 1 << 20, mergesFirst: Bool = true,
    into sink: @escaping ([UInt8]) throws -> Void
  ) throws -> Sheet {
    try stream(
      from: bytes, sheet: sheet, source: source, blockSize: blockSize, mergesFirst: mergesFirst,
      splitMinimum: XLSXSheetSplit.minimumBytes, into: sink)
  }

  /// The same, splitting an .xlsx sheet of `splitMinimum` inflated bytes or more in two
  /// parts parsed on two cores (`XLSXSheetSplit`; tests split small sheets).
  static func stream(
    from bytes: [UInt8], sheet: String? = nil, source: String, blockSize: Int = 1 << 20, mergesFirst: Bool = true,
    splitMinimum: Int, into sink: @escaping ([UInt8]) throws -> Void
  ) throws -> Sheet {
    let archive = try SpreadsheetArchive(bytes: bytes, source: source)
    let output = Output(blockSize: blockSize, mergesFirst: mergesFirst, splitMinimum: splitMinimum, sink: sink)
    switch try format(of: archive) {
    case .ods: return try ods(archive, sheet: sheet, output: output)
    case .xlsx(let workbook): return try xlsx(archive, workbook: workbook, sheet: sheet, output: output)
    }
  }

  /// Where a conversion's CSV goes.
  private struct Output {
    var blockSize: Int
    var mergesFirst: Bool
    var splitMinimum: Int
    var sink: ([UInt8]) throws -> Void
  }

  /// The name of sheet `sheet` (nil: the first) of the spreadsheet at `path`, without
  /// converting it (an .xlsx reads its workbook part; an .ods its content up to that
  /// sheet's start); nil when the input is not a spreadsheet. For locating errors that
  /// a reader made from the CSV of `csv(from:sheet:source:)` without the sheet's name.
  public static func sheetName(path: String, sheet: String? = nil) throws -> String? {
    let bytes = try InputBytes.read(path: path)
    guard isCandidate(bytes) else { return nil }
    let archive = try SpreadsheetArchive(bytes: bytes, source: path)
    switch try format(of: archive) {
    case .xlsx(let workbook):
      guard let data = try archive.smallEntry(workbook, limit: 64 << 20) else { return nil }
      let handler = XLSXWorkbookHandler()
      try parseSmall(data, part: workbook, handler: handler, source: path)
      let names = handler.sheets.map(\.name)
      guard let sheet else { return names.first }
      if names.contains(sheet) { return sheet }
      if let n = Int(sheet), n >= 1, n <= names.count { return names[n - 1] }
      return nil
    case .ods:
      let handler = ODSContentHandler(grid: SheetGrid(source: path, sheet: ""), selection: sheet, namesOnly: true)
      do {
        try archive.parse("content.xml", vocabulary: ODSNames.vocabulary, handler: handler)
      } catch is ODSContentHandler.Finished {}
      return handler.chosen
    }
  }

  private enum Detected {
    case ods
    case xlsx(workbook: String)
  }

  private static func format(of archive: SpreadsheetArchive) throws -> Detected {
    if let mimetype = try archive.smallEntry("mimetype", limit: 256) {
      let type = String(decoding: mimetype, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      if type.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") { return .ods }
      throw DataError(file: archive.source, line: 0, column: 0, message: "an OpenDocument file of type \(type), not a spreadsheet (.ods)")
    }
    if let rels = try archive.smallEntry("_rels/.rels") {
      let handler = XLSXRelationshipsHandler()
      try parseSmall(rels, part: "_rels/.rels", handler: handler, source: archive.source)
      if let document = handler.relationships.first(where: { $0.type.hasSuffix("/officeDocument") }) {
        let path = resolve(document.target, from: "")
        if archive.contains(path) && path.hasSuffix(".xml") { return .xlsx(workbook: path) }
      }
    }
    if archive.contains("xl/workbook.xml") { return .xlsx(workbook: "xl/workbook.xml") }
    throw DataError(
      file: archive.source, line: 0, column: 0,
      message: "a ZIP archive that is neither an .xlsx nor an .ods spreadsheet")
  }

  /// A relationship target (relative to `directory`, or absolute from the package root)
  /// as an entry path.
  static func resolve(_ target: String, from directory: String) -> String {
    var parts: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
    for part in target.split(separator: "/") {
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
      } else if part != "." {
        parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }

  static func parseSmall<Handler: XMLHandler>(_ data: Data, part: String, handler: Handler, source: String) throws {
    do {
      try XMLStream.make(vocabulary: XLSXNames.vocabulary, handler: handler).parse(data)
    } catch let failure as XMLStream.Failure {
      throw DataError(file: source, line: 0, column: 0, message: "\(part) line \(failure.line): malformed XML: \(failure.message)")
    }
  }

  static func unknownSheet(_ sheet: String, names: [String], source: String) -> DataError {
    let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
    return DataError(file: source, line: 0, column: 0, message: "no sheet \"\(sheet)\"; the sheets are \(list)")
  }

  private static func xlsx(
    _ archive: SpreadsheetArchive, workbook path: String, sheet: String?, output: Output
  ) throws -> Sheet {
    let source = archive.source
    let directory = path.split(separator: "/").dropLast().joined(separator: "/")
    guard let workbookData = try archive.smallEntry(path, limit: 64 << 20) else {
      throw DataError(file: source, line: 0, column: 0, message: "the container has no \(path)")
    }
    let workbook = XLSXWorkbookHandler()
    try parseSmall(workbookData, part: path, handler: workbook, source: source)
    let names = workbook.sheets.map(\.name)
    guard !names.isEmpty else { throw DataError(file: source, line: 0, column: 0, message: "the workbook has no sheets") }
    let index: Int
    if let sheet {
      if let i = names.firstIndex(of: sheet) {
        index = i
      } else if let n = Int(sheet), n >= 1, n <= names.count {
        index = n - 1
      } else {
        throw unknownSheet(sheet, names: names, source: source)
      }
    } else {
      index = 0
    }
    let fileName = path.split(separator: "/").last.map(String.init) ?? "workbook.xml"
    let relsPath = (directory.isEmpty ? "" : directory + "/") + "_rels/\(fileName).rels"
    let relationships = XLSXRelationshipsHandler()
    if let rels = try archive.smallEntry(relsPath, limit: 64 << 20) {
      try parseSmall(rels, part: relsPath, handler: relationships, source: source)
    }
    let chosen = workbook.sheets[index]
    guard let target = relationships.relationships.first(where: { $0.id == chosen.relationship })?.target else {
      throw DataError(file: source, line: 0, column: 0, message: "sheet \"\(chosen.name)\" has no part in \(relsPath)")
    }
    let sheetPath = resolve(target, from: directory)

    func related(_ suffix: String, fallback: String) -> String {
      if let r = relationships.relationships.first(where: { $0.type.hasSuffix(suffix) }) {
        return resolve(r.target, from: directory)
      }
      return (directory.isEmpty ? "" : directory + "/") + fallback
    }
    var styles: [XLSXNumberStyle] = []
    let stylesPath = related("/styles", fallback: "styles.xml")
    if let data = try archive.smallEntry(stylesPath, limit: 64 << 20) {
      let handler = XLSXStylesHandler()
      try parseSmall(data, part: stylesPath, handler: handler, source: source)
      styles = handler.styles
    }
    var strings: XLSXSharedStringsHandler? = nil
    let stringsPath = related("/sharedStrings", fallback: "sharedStrings.xml")
    if archive.contains(stringsPath) {
      let handler = XLSXSharedStringsHandler(source: source)
      try archive.parse(stringsPath, vocabulary: XLSXNames.vocabulary, handler: handler)
      strings = handler
    }
    var merges = SheetGrid.MergeSource.atEnd
    if output.mergesFirst, let listed = XLSXMergeScan.merges(archive, path: sheetPath) { merges = .listed(listed) }
    let grid = SheetGrid(
      source: source, sheet: chosen.name, merges: merges, blockSize: output.blockSize, sink: output.sink)
    let handler = XLSXSheetHandler(grid: grid, strings: strings, styles: styles, date1904: workbook.date1904)
    let second = XLSXSheetHandler(
      grid: .segment(source: source, sheet: chosen.name), strings: strings, styles: styles, date1904: workbook.date1904)
    let split = try XLSXSheetSplit.parse(
      archive, path: sheetPath, handler: handler, second: second, minimumBytes: output.splitMinimum)
    try handler.grid.finish()
    return Sheet(name: chosen.name, names: names, format: .xlsx, split: split)
  }

  private static func ods(_ archive: SpreadsheetArchive, sheet: String?, output: Output) throws -> Sheet {
    let grid = SheetGrid(
      source: archive.source, sheet: "", merges: .inline, blockSize: output.blockSize, sink: output.sink)
    let handler = ODSContentHandler(grid: grid, selection: sheet)
    do {
      try archive.parse("content.xml", vocabulary: ODSNames.vocabulary, handler: handler)
    } catch is ODSContentHandler.Finished {}
    guard let chosen = handler.chosen else {
      if handler.sheetNames.isEmpty || sheet == nil {
        throw DataError(file: archive.source, line: 0, column: 0, message: "the spreadsheet has no sheets")
      }
      throw unknownSheet(sheet!, names: handler.sheetNames, source: archive.source)
    }
    try handler.grid.finish()
    return Sheet(name: chosen, names: handler.sheetNames, format: .ods)
  }
}
