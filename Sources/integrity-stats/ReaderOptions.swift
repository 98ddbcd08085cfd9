import ArgumentParser
import IntegrityStats

/// How a dash (`－`) in a figure cell is read.
enum DashMeaning: String, ExpressibleByArgument, CaseIterable {
  case zero, missing
}

/// Options for reading agency files (DESIGN.md §5), shared by every command that reads
/// observations: `@OptionGroup var reader: ReaderOptions` beside `CommonOptions`.
struct ReaderOptions: ParsableArguments {
  @Option(help: "Input encoding: auto, utf-8, big5 (CP950) or utf-16 (auto: BOM or valid UTF-8, else Big5).")
  var encoding: String = "auto"

  @Option(help: "Field delimiter: ',', ';', tab (default: detected among the three).")
  var delimiter: String?

  @Option(
    help: ArgumentHelp(
      "Map headers to canonical columns, e.g. value=起訴件數,year=年度.", valueName: "CANONICAL=HEADER,…"))
  var columns: [String] = []

  @Flag(help: "Melt a wide table (one column per period: 107年,108年,… or 2018,…) to long form.")
  var wide = false

  @Option(help: "The 1-based line the header row is on (default: detected after any title lines).")
  var headerRow: Int?

  @Option(help: "A dash (－) means zero (the MOJ/DGBAS legend) or missing.")
  var dash: DashMeaning = .zero

  @Flag(help: "Reject bad rows (listed on standard error) and go on, instead of stopping at the first.")
  var skipBadRows = false

  @Option(help: "Write rejected rows, as written plus a reason column, to this file (implies --skip-bad-rows).")
  var rejects: String?

  @Option(
    help: ArgumentHelp(
      "For a spreadsheet input (.xlsx, .ods): the sheet to read, by name or 1-based number (default: the first).",
      valueName: "NAME|N"))
  var sheet: String?

  mutating func validate() throws {
    guard TextEncoding(name: encoding) != nil else {
      throw ValidationError("--encoding must be auto, utf-8, big5 or utf-16 (found \(encoding))")
    }
    if let delimiter { _ = try Self.delimiterByte(delimiter) }
    if let headerRow, headerRow < 1 { throw ValidationError("--header-row must be 1 or more (found \(headerRow))") }
    do {
      _ = try ObservationReadOptions.parseColumnMap(columns)
    } catch {
      throw ValidationError(error.message)
    }
  }

  static func delimiterByte(_ text: String) throws -> UInt8 {
    switch text {
    case ",", "comma": return UInt8(ascii: ",")
    case ";", "semicolon": return UInt8(ascii: ";")
    case "\t", "\\t", "tab", "TAB": return 0x09
    case "|", "pipe": return UInt8(ascii: "|")
    default: throw ValidationError("--delimiter must be ',', ';', tab or '|' (found \(text))")
    }
  }

  /// The library options these flags stand for.
  func observationOptions() throws -> ObservationReadOptions {
    var table = ReadOptions(encoding: TextEncoding(name: encoding) ?? .auto)
    table.delimiter = try delimiter.map(Self.delimiterByte)
    table.headerRow = headerRow
    table.sheet = sheet
    return ObservationReadOptions(
      table: table, columnMap: try ObservationReadOptions.parseColumnMap(columns), wide: wide,
      dashMeansMissing: dash == .missing, skipBadRows: skipBadRows || rejects != nil)
  }

  /// The table options for a side file (`--targets`, `--grade-map`): `--sheet` names
  /// the input's sheet, not theirs (a spreadsheet side file is read from its first sheet).
  func sideFileOptions() throws -> ReadOptions {
    var table = try observationOptions().table
    table.sheet = nil
    return table
  }

  /// Reads the input as observations, printing notes, warnings and rejected rows on
  /// standard error and writing `--rejects`. Call `finish(_:)` after the output.
  func readObservations(_ common: CommonOptions) throws -> ObservationSet {
    var set: ObservationSet
    do {
      set = try ObservationReader.read(path: common.inputPath, options: observationOptions())
    } catch let error as DataError {
      throw locate(error, input: common.inputPath)
    }
    for i in set.rejected.indices { set.rejected[i].error = locate(set.rejected[i].error, input: common.inputPath) }
    try report(set)
    return set
  }

  /// `error` located in the input's sheet (`FILE[SHEET]!D7`) when the input is a
  /// spreadsheet and the reader did not name the sheet itself. Standard input cannot
  /// be read twice: its errors keep `LINE:COLUMN` (still the sheet's row and column).
  func locate(_ error: DataError, input: String?) -> DataError {
    guard error.sheet == nil, let input, input != "-", error.file == input,
      let name = try? Spreadsheet.sheetName(path: input, sheet: sheet)
    else { return error }
    return error.inSheet(name)
  }

  /// Prints the reader's notes, warnings and rejected rows, and writes `--rejects`.
  func report(_ set: ObservationSet) throws {
    for note in set.notes { Diagnostics.note("note: \(note)") }
    for warning in set.warnings { Diagnostics.warning(warning) }
    for row in set.rejected { Diagnostics.note("rejected: \(row.reason)") }
    if let rejects {
      try AtomicFile.write(ObservationReader.rejectsFile(set), to: rejects)
    }
  }

  /// Prints `read N rows: used U, rejected R`: the last line on standard error.
  func finish(_ set: ObservationSet) {
    Diagnostics.note(set.summary)
  }
}
