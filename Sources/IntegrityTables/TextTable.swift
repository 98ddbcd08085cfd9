/// A delimited text file as read: a header and rows of text fields, stored as byte
/// ranges into one UTF-8 buffer (no `String` per cell until one is asked for).
///
/// Rows are the data rows after the header; `row` indices are 0-based, `line(row:)`
/// gives the 1-based physical line a row starts on, for error messages. Title lines
/// before the header are kept in `preamble`.
public struct TextTable: Sendable {
  /// The input's name in messages (the path as given, or `<stdin>`).
  public var source: String
  /// The header fields, trimmed; trailing empty header cells are dropped.
  public var header: [String]
  /// The 1-based line the header starts on.
  public var headerLine: Int
  /// The header row exactly as written (decoded to UTF-8, without its line end).
  public var headerOriginalText: String
  /// The number of data rows.
  public var rowCount: Int
  /// The encoding the input was decoded from.
  public var encoding: TextEncoding
  /// The field delimiter used.
  public var delimiter: UInt8
  /// Rows before the header (title lines), with their lines.
  public var preamble: [PreambleLine]
  /// Rows with every cell empty that were skipped (`,,,,` lines).
  public var blankRows: Int
  /// The sheet read when the input is a spreadsheet (.xlsx, .ods): lines are then its
  /// rows and fields its columns (`DataError.sheet`).
  public var sheet: String? = nil

  /// One row before the header.
  public struct PreambleLine: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
  }

  let scanner: CSVScanner
  /// The scanner record of data row 0.
  let firstRecord: Int

  init(
    source: String, scanner: CSVScanner, headerRecord: Int?, encoding: TextEncoding, delimiter: UInt8
  ) {
    self.source = source
    self.scanner = scanner
    self.encoding = encoding
    self.delimiter = delimiter
    self.blankRows = scanner.blankRows
    if let headerRecord {
      var fields = scanner.fields(record: headerRecord).map { TextTable.trim($0) }
      while let last = fields.last, last.isEmpty { fields.removeLast() }
      header = fields
      headerLine = Int(scanner.recordLine[headerRecord])
      headerOriginalText = String(
        decoding: scanner.text[Int(scanner.recordByteStart[headerRecord])..<Int(scanner.recordByteEnd[headerRecord])],
        as: UTF8.self)
      firstRecord = headerRecord + 1
      preamble = (0..<headerRecord).map {
        PreambleLine(line: Int(scanner.recordLine[$0]), fields: scanner.fields(record: $0))
      }
    } else {
      header = []
      headerLine = 0
      headerOriginalText = ""
      firstRecord = 0
      preamble = []
    }
    rowCount = scanner.recordCount - firstRecord
  }

  /// The text of the field at (`row`, `column`), both 0-based; `""` when the row is shorter.
  public func field(row: Int, column: Int) -> String {
    let r = firstRecord + row
    let k = Int(scanner.recordFirstCell[r]) + column
    guard column >= 0, k < Int(scanner.recordFirstCell[r + 1]) else { return "" }
    return scanner.cell(k)
  }

  /// The field's UTF-8 bytes (empty when the row is shorter).
  public func fieldBytes(row: Int, column: Int) -> ArraySlice<UInt8> {
    let r = firstRecord + row
    let k = Int(scanner.recordFirstCell[r]) + column
    guard column >= 0, k < Int(scanner.recordFirstCell[r + 1]) else { return [] }
    return scanner.text[Int(scanner.cellStart[k])..<Int(scanner.cellEnd[k])]
  }

  /// The field parsed as a number (see `NumberParser`), straight from its bytes.
  public func number(row: Int, column: Int) -> ParsedNumber {
    NumberParser.parse(bytes: fieldBytes(row: row, column: column))
  }

  /// How many fields the row has.
  public func fieldCount(row: Int) -> Int {
    let r = firstRecord + row
    return Int(scanner.recordFirstCell[r + 1] - scanner.recordFirstCell[r])
  }

  /// All fields of the row.
  public func fields(row: Int) -> [String] {
    scanner.fields(record: firstRecord + row)
  }

  /// The 1-based physical line the row starts on.
  public func line(row: Int) -> Int {
    Int(scanner.recordLine[firstRecord + row])
  }

  /// The row exactly as it appears in the input (decoded to UTF-8, without its line end).
  public func originalText(row: Int) -> String {
    let r = firstRecord + row
    return String(
      decoding: scanner.text[Int(scanner.recordByteStart[r])..<Int(scanner.recordByteEnd[r])], as: UTF8.self)
  }

  /// Removes leading and trailing white space, including the ideographic space
  /// U+3000 and no-break space U+00A0.
  ///
  /// Nothing to trim (the usual cell) is told from the first and last scalars, without
  /// breaking the text into characters: a character is white space only when it is one
  /// white-space scalar (or CR LF, which ends in one).
  public static func trim(_ s: String) -> String {
    let isSpaceScalar: (Unicode.Scalar) -> Bool = {
      $0.properties.isWhitespace || $0 == "\u{3000}" || $0 == "\u{FEFF}"
    }
    if let first = s.unicodeScalars.first, let last = s.unicodeScalars.last, !isSpaceScalar(first),
      !isSpaceScalar(last)
    {
      return s
    }
    let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{3000}" || $0 == "\u{FEFF}" }
    guard let first = s.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = s.lastIndex(where: { !isSpace($0) })!
    return String(s[first...last])
  }
}
