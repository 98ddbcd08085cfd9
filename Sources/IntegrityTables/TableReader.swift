/// Reads a delimited text file into a `TextTable`: bytes → decoding
/// (`TextDecoder`) → delimiter detection → scan (`CSVScanner`) → header choice.
///
/// Errors: the input cannot be read → `InputError` (exit 66); undecodable bytes,
/// an unclosed quote or a data row with more non-empty fields than the header →
/// `DataError` (exit 65) with file, line and column.
public enum TableReader {
  /// Reads `path` (`nil` or `-` = standard input).
  public static func read(path: String?, options: ReadOptions = ReadOptions()) throws -> TextTable {
    let source = (path == nil || path == "-") ? "<stdin>" : path!
    var bytes = try InputBytes.read(path: path)
    var options = options
    let sheet = try spreadsheetAsCSV(&bytes, options: &options, source: source)
    let (utf8, encoding) = try TextDecoder.decode(bytes, encoding: options.encoding, source: source)
    bytes = []  // a Big5 or UTF-16 file's own bytes are no longer needed: free them before scanning
    return try read(utf8: utf8, encoding: encoding, source: source, options: options, sheet: sheet)
  }

  /// Reads bytes already in memory; `source` names them in messages.
  public static func read(bytes: [UInt8], source: String, options: ReadOptions = ReadOptions()) throws -> TextTable {
    var bytes = bytes
    var options = options
    let sheet = try spreadsheetAsCSV(&bytes, options: &options, source: source)
    let (utf8, encoding) = try TextDecoder.decode(bytes, encoding: options.encoding, source: source)
    return try read(utf8: utf8, encoding: encoding, source: source, options: options, sheet: sheet)
  }

  /// The seam to spreadsheets: an .xlsx or .ods (by content) becomes the CSV of its
  /// sheet `options.sheet` (`Spreadsheet.csv(from:sheet:source:)`: UTF-8, commas, line N
  /// = row N), and the sheet's name is returned to locate errors; other bytes are left
  /// as they are (nil), and asking them for a sheet is a `DataError`.
  static func spreadsheetAsCSV(_ bytes: inout [UInt8], options: inout ReadOptions, source: String) throws -> String? {
    guard Spreadsheet.isCandidate(bytes) else {
      if let sheet = options.sheet {
        throw DataError(
          file: source, line: 0, column: 0,
          message: "sheet \"\(sheet)\" asked for, but the input is not a spreadsheet (.xlsx or .ods)")
      }
      return nil
    }
    let conversion = try Spreadsheet.csv(from: bytes, sheet: options.sheet, source: source)
    bytes = conversion.csv
    options.encoding = .utf8
    options.delimiter = UInt8(ascii: ",")
    return conversion.sheetName
  }

  static func read(
    utf8: [UInt8], encoding: TextEncoding, source: String, options: ReadOptions, sheet: String?
  ) throws -> TextTable {
    do {
      var table = try read(utf8: utf8, encoding: encoding, source: source, options: options)
      table.sheet = sheet
      return table
    } catch let error as DataError {
      throw error.inSheet(sheet)
    }
  }

  static func read(utf8: [UInt8], encoding: TextEncoding, source: String, options: ReadOptions) throws -> TextTable {
    let delimiter = options.delimiter ?? DelimiterDetector.detect(utf8)
    let scanner = try CSVScanner(text: utf8, delimiter: delimiter, source: source)
    let headerRecord = try chooseHeader(scanner, options: options, source: source)
    let table = TextTable(
      source: source, scanner: scanner, headerRecord: headerRecord, encoding: encoding, delimiter: delimiter)
    if !options.allowRaggedRows { try checkWidths(table) }
    return table
  }

  static func chooseHeader(_ scanner: CSVScanner, options: ReadOptions, source: String) throws -> Int? {
    guard scanner.recordCount > 0 else { return nil }
    if let headerRow = options.headerRow {
      guard let r = scanner.recordLine.firstIndex(where: { Int($0) >= headerRow }),
        Int(scanner.recordLine[r]) == headerRow
      else {
        throw DataError(
          file: source, line: headerRow, column: 0,
          message: "no row starts on that line", remedy: .headerRow(headerRow))
      }
      return r
    }
    if let matcher = options.headerMatcher {
      for r in 0..<min(scanner.recordCount, options.headerSearchLimit)
      where matcher(scanner.fields(record: r).map(TextTable.trim)) {
        return r
      }
    }
    return 0
  }

  /// A data row may be shorter than the header (missing cells read as empty) but may
  /// not carry non-empty cells beyond it.
  static func checkWidths(_ table: TextTable) throws {
    let width = table.header.count
    for row in 0..<table.rowCount where table.fieldCount(row: row) > width {
      for column in width..<table.fieldCount(row: row) where !table.fieldBytes(row: row, column: column).isEmpty {
        throw DataError(
          file: table.source, line: table.line(row: row), column: column + 1,
          message: "row has \(table.fieldCount(row: row)) fields but the header has \(width)",
          found: table.field(row: row, column: column))
      }
    }
  }
}
