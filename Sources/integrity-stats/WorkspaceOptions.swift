import ArgumentParser
import IntegrityStats

#if canImport(Glibc)
import Glibc
#endif

/// `--db FILE` for the workspace commands: the file named, else `$INTEGRITY_STATS_DB`,
/// else `integrity.sqlite` in the current folder.
struct WorkspaceOptions: ParsableArguments {
  @Option(help: "The workspace database (default: $INTEGRITY_STATS_DB, else integrity.sqlite).")
  var db: String?

  var path: String {
    db ?? environment("INTEGRITY_STATS_DB") ?? Workspace.defaultFileName
  }

  func open(create: Bool = false) throws -> Workspace {
    try Workspace(path: path, create: create)
  }
}

/// Parses a date for `--received` / `--as-of`: 2026-12-05, 115/12/05 or 115年12月5日.
func parseDate(_ text: String, option: String) throws -> CalendarDate {
  guard let date = CalendarDate(parsing: text) else {
    throw ValidationError("\(option) must be a date such as 2026-12-05, 115/12/05 or 115年12月5日 (found \(text))")
  }
  return date
}

/// For the analysis commands: read the current figures from a workspace instead of a file,
/// with `--db FILE`, or `--as-of DATE`, or with no INPUT when a workspace exists in the
/// current folder (or at $INTEGRITY_STATS_DB) and standard input is a terminal.
struct WorkspaceSourceOptions: ParsableArguments {
  @Option(help: "Read the current figures from this workspace instead of a file.")
  var db: String?

  @Option(help: "With a workspace: the figures as they stood on this date (2026-12-05, 115/12/05).")
  var asOf: String?

  mutating func validate() throws {
    if let asOf { _ = try parseDate(asOf, option: "--as-of") }
  }

  /// The workspace to read, or nil to read INPUT as usual.
  func workspacePath(input: String?) -> String? {
    if let db { return db }
    let fallback = environment("INTEGRITY_STATS_DB") ?? Workspace.defaultFileName
    if asOf != nil { return fallback }
    if input == nil && isatty(0) == 1 && access(fallback, F_OK) == 0 { return fallback }
    return nil
  }

  /// The workspace's current figures as observations, or nil when reading INPUT.
  func observations(input: String?) throws -> ObservationSet? {
    guard let path = workspacePath(input: input) else { return nil }
    if input != nil {
      throw ValidationError("give either INPUT or --db/--as-of, not both")
    }
    let asOfDate = try asOf.map { try parseDate($0, option: "--as-of") }
    return try Workspace(path: path, create: false).observationSet(asOf: asOfDate)
  }
}

/// An environment variable, if set and not empty.
func environment(_ name: String) -> String? {
  guard let value = getenv(name) else { return nil }
  let text = String(cString: value)
  return text.isEmpty ? nil : text
}

/// `-o`, `--bom`, `--raw` for the workspace commands that take no INPUT.
struct OutputOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "Output file (default standard output), written atomically.")
  var output: String?

  @Flag(help: "Start CSV output with a UTF-8 byte order mark (for Excel).")
  var bom = false

  @Flag(help: "Do not prefix text cells starting with = + - @ with ' (CSV-injection guard).")
  var raw = false

  /// Writes `table` as CSV or JSON, atomically (as `CommonOptions.write`).
  func write(_ table: Table, format: OutputFormat = .csv) throws {
    switch format {
    case .csv:
      try AtomicFile.write(CSVWriter(raw: raw, byteOrderMark: bom).bytes(table), to: output)
    case .json:
      try AtomicFile.write(table.jsonBytes(numberFormat: .shortest) + [UInt8(ascii: "\n")], to: output)
    }
  }
}

extension WorkspaceSourceOptions {
  /// The workspace's current figures as the `export` table (for `chart`).
  func exportTable(path: String, input: String?) throws -> Table {
    if input != nil { throw ValidationError("give either INPUT or --db/--as-of, not both") }
    let asOfDate = try asOf.map { try parseDate($0, option: "--as-of") }
    return try Workspace(path: path, create: false).exportTable(asOf: asOfDate)
  }
}
