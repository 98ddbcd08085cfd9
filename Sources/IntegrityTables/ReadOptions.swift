/// How `TableReader` reads a delimited text file.
public struct ReadOptions: Sendable {
  /// The file's encoding; `.auto` detects it (see `TextEncoding`).
  public var encoding: TextEncoding
  /// The field delimiter byte; `nil` detects it among comma, tab and semicolon.
  public var delimiter: UInt8?
  /// The 1-based physical line on which the header row starts; `nil` = the first
  /// row for which `headerMatcher` holds, or else the first non-blank row.
  public var headerRow: Int?
  /// Picks the header among the first rows (title lines before it are kept as
  /// `TextTable.preamble`). Receives the row's fields, trimmed.
  public var headerMatcher: (@Sendable ([String]) -> Bool)?
  /// How many rows `headerMatcher` looks at before giving up.
  public var headerSearchLimit: Int
  /// When false (the default), a data row with more non-empty fields than the
  /// header is a `DataError`; when true such rows are kept and the caller checks
  /// `TextTable.fieldCount(row:)`.
  public var allowRaggedRows: Bool
  /// For a spreadsheet input (.xlsx, .ods): the sheet to read, by name or, when no
  /// sheet has that name, by 1-based position; `nil` reads the first sheet.
  public var sheet: String? = nil

  public init(
    encoding: TextEncoding = .auto, delimiter: UInt8? = nil, headerRow: Int? = nil,
    headerMatcher: (@Sendable ([String]) -> Bool)? = nil, headerSearchLimit: Int = 30,
    allowRaggedRows: Bool = false
  ) {
    self.encoding = encoding
    self.delimiter = delimiter
    self.headerRow = headerRow
    self.headerMatcher = headerMatcher
    self.headerSearchLimit = headerSearchLimit
    self.allowRaggedRows = allowRaggedRows
  }
}
