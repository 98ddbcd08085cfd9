import ArgumentParser
import IntegrityStats

/// How the input's bytes become a table — encoding, delimiter, header row, sheet —
/// shared by every command that reads an agency file (`ReaderOptions`) or a case
/// record (`classify`'s `CaseReaderOptions`).
struct TableFormatOptions: ParsableArguments {
  @Option(help: "Input encoding (auto: BOM or valid UTF-8, else Big5/CP950; also utf8, cp950, utf16).")
  var encoding: TextEncoding = .auto

  @Option(help: "Field delimiter (default: detected among comma, semicolon and tab; also , ; | or \\t).")
  var delimiter: DelimiterOption?

  @Option(help: "The 1-based line the header row is on (default: detected after any title lines).")
  var headerRow: Int?

  @Option(
    help: ArgumentHelp(
      "For a spreadsheet input (.xlsx, .ods): the sheet to read, by name or 1-based number (default: the first).",
      valueName: "NAME|N"))
  var sheet: String?

  mutating func validate() throws {
    if let headerRow, headerRow < 1 { throw ValidationError("--header-row must be 1 or more (found \(headerRow))") }
  }

  /// The library options these flags stand for, for the input.
  func readOptions() -> ReadOptions {
    var table = ReadOptions(encoding: encoding)
    table.delimiter = delimiter?.byte
    table.headerRow = headerRow
    table.sheet = sheet
    return table
  }

  /// The options for a side file (`--targets`, `--grade-map`): `--sheet` names the
  /// input's sheet, not theirs (a spreadsheet side file is read from its first sheet).
  func sideFileOptions() -> ReadOptions {
    var table = readOptions()
    table.sheet = nil
    return table
  }
}
