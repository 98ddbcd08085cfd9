/// Errors every layer can throw, each mapped by the CLI to a sysexits code. (Usage
/// errors, exit 64, belong to the command line: the library states typed reasons, such
/// as `ColumnMapError` and a ``DataError``'s ``Remedy``, and the tool words them with its
/// flags.)
///
/// | error          | exit | meaning                                   |
/// |----------------|------|-------------------------------------------|
/// | `DataError`    | 65   | the input data is wrong                   |
/// | `InputError`   | 66   | the input cannot be read                  |
/// | `OutputError`  | 73   | the output cannot be created              |

/// A problem in the input data, located by file, line and column (1-based).
///
/// The description is the public contract:
/// `FILE:LINE:COLUMN: what is wrong in column "NAME" (found "CELL"); remedy`, the
/// ``Remedy`` (when there is one) worded in the library's terms; a caller words it for
/// its own interface with ``described(remedy:)``.
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
  /// For an error that stopped a read: the rows read up to it (the bad row counted
  /// as rejected), for the `read N rows: used U, rejected R` line.
  public var account: RowAccount?
  /// The sheet, when the input is a spreadsheet (.xlsx, .ods): `line` is then the
  /// sheet row and `column` the sheet column, and the description names the cell,
  /// `FILE[SHEET]!D7: …` (see `init(file:line:column:columnName:message:found:sheet:)`).
  public var sheet: String? = nil
  /// What the caller can change (an option to set), when the fix is not in the data
  /// alone; ``description`` ends with its library wording.
  public var remedy: Remedy? = nil

  public init(
    file: String, line: Int, column: Int, columnName: String? = nil,
    message: String, found: String? = nil, remedy: Remedy? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.message = message
    self.found = found
    self.remedy = remedy
  }

  /// Two errors are the same when they say the same thing at the same place and suggest
  /// the same remedy (the row account of the read they stopped is not part of the
  /// error's identity).
  public static func == (a: DataError, b: DataError) -> Bool {
    a.file == b.file && a.line == b.line && a.column == b.column && a.columnName == b.columnName
      && a.message == b.message && a.found == b.found && a.remedy == b.remedy
  }

  /// The message with its remedy in the library's terms, control characters from the
  /// file name, the header and the cell escaped (`MessageText.escaped`).
  public var description: String { described(remedy: \.description) }

  /// `FILE:LINE:COLUMN: message in column "NAME" (found "CELL"); remedy` (`FILE:LINE:`
  /// for a whole line, `FILE:` for the whole file), the remedy
  /// worded by `wording` (the command-line tool names its flags), control characters
  /// escaped.
  public func described(remedy wording: (Remedy) -> String) -> String {
    // A problem of the whole file (no line) reads `FILE: message`; of a whole line (no
    // column, 0), `FILE:LINE: message`.
    var text =
      line <= 0 ? "\(file): \(message)"
      : column <= 0 ? "\(file):\(line): \(message)" : "\(file):\(line):\(column): \(message)"
    if let sheetLocation { text = "\(sheetLocation): \(message)" }
    if let columnName { text += " in column \"\(columnName)\"" }
    if let found { text += " (found \"\(found)\")" }
    if let remedy { text += "; \(wording(remedy))" }
    return MessageText.escaped(text)
  }
}

/// Rows read = used + rejected, the account every read ends with.
public struct RowAccount: Equatable, Sendable, CustomStringConvertible {
  public var read: Int
  public var used: Int
  public var rejected: Int
  public init(read: Int, used: Int, rejected: Int) {
    self.read = read
    self.used = used
    self.rejected = rejected
  }
  /// `read N rows: used U, rejected R`.
  public var description: String { "read \(read) rows: used \(used), rejected \(rejected)" }
}

/// The input cannot be opened or read (exit 66).
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
  public var description: String { MessageText.escaped("\(path): cannot read input: \(reason)") }
}

/// The output cannot be created or written (exit 73). Any existing file is left untouched.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
  public var description: String { MessageText.escaped("\(path): cannot write output: \(reason)") }
}

/// Text for a terminal: messages quote cells and file names, and a hostile cell must not
/// be able to retitle, clear or rewrite the user's terminal.
public enum MessageText {
  /// `text` with every control character written as a `\u001B`-style escape (four
  /// upper-case hexadecimal digits): C0 (U+0000–U+001F, so NUL, BEL, ESC, CR, LF and TAB
  /// too), DEL (U+007F) and C1 (U+0080–U+009F, which some terminals take as CSI/OSC).
  /// Everything else, backslashes included, is kept, so escaping twice changes nothing.
  ///
  ///     MessageText.escaped("a\u{1B}]0;owned\u{07}b")   // a\u001B]0;owned\u0007b
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// C0, DEL or C1.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
  }
}
