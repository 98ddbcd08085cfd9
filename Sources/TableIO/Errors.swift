/// Errors every layer can throw, each mapped by the CLI to a sysexits code.
///
/// | error          | exit | meaning                                   |
/// |----------------|------|-------------------------------------------|
/// | `UsageError`   | 64   | the command line asks for something wrong |
/// | `DataError`    | 65   | the input data is wrong                   |
/// | `InputError`   | 66   | the input cannot be read                  |
/// | `OutputError`  | 73   | the output cannot be created              |

/// A problem in the input data, located by file, line and column (1-based).
///
/// The description is the public contract:
/// `FILE:LINE:COLUMN: what is wrong in column "NAME" (found "CELL")`.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file's path as the user gave it, or `<stdin>`.
  public var file: String
  /// The 1-based physical line of the file where the row starts (0: the whole file).
  public var line: Int
  /// The 1-based column (field index) of the cell (0 if not tied to a cell).
  public var column: Int
  /// The header name of that column, when known.
  public var columnName: String?
  /// What is wrong, phrased as what was expected ("expected a number").
  public var message: String
  /// The offending cell's text, when there is one.
  public var found: String?
  /// The sheet, when the input is a spreadsheet (.xlsx, .ods): `line` is then the
  /// sheet row and `column` the sheet column, and the description names the cell,
  /// `FILE[SHEET]!D7: …` (see `init(file:line:column:columnName:message:found:sheet:)`).
  public var sheet: String? = nil

  public init(
    file: String, line: Int, column: Int, columnName: String? = nil,
    message: String, found: String? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.message = message
    self.found = found
  }

  public var description: String {
    // A problem of the whole file (no line) reads `FILE: message`.
    var text = line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    if let sheetLocation { text = "\(sheetLocation): \(message)" }
    if let columnName { text += " in column \"\(columnName)\"" }
    if let found { text += " (found \"\(found)\")" }
    return text
  }
}

/// The input cannot be opened or read (exit 66).
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
  public var description: String { "\(path): cannot read input: \(reason)" }
}

/// The output cannot be created or written (exit 73). Any existing file is left untouched.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
  public var description: String { "\(path): cannot write output: \(reason)" }
}

/// A request that cannot be carried out as asked (exit 64): an unknown option value,
/// contradictory options. Problems found in the data are `DataError`s instead.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
