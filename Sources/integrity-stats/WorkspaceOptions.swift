import ArgumentParser
import IntegrityStats

#if canImport(Glibc)
import Glibc
#endif

/// `--db FILE` for the workspace commands: the file named, else `$INTEGRITY_STATS_DB`,
/// else `integrity.sqlite` in the current folder.
struct WorkspaceOptions: ParsableArguments {
  @Option(help: "The workspace database (default: $INTEGRITY_STATS_DB, else integrity.sqlite).", completion: .file())
  var db: String?

  var path: String {
    db ?? environment("INTEGRITY_STATS_DB") ?? Workspace.defaultFileName
  }

  func open(create: Bool = false) throws -> Workspace {
    try Workspace(path: path, create: create)
  }
}

/// A date on the command line (`--received`, `--as-of`): 2026-12-05, 115/12/05 or
/// 115年12月5日 (1–3 digit years are ROC years, as in the files).
struct DateArgument: ExpressibleByArgument {
  var date: CalendarDate

  init?(argument: String) {
    guard let date = CalendarDate(parsing: argument) else { return nil }
    self.date = date
  }

  var defaultValueDescription: String { date.description }
}

/// For the analysis commands: read the current figures from a workspace instead of a file,
/// with `--db FILE`, or `--as-of DATE`, or with no INPUT when a workspace exists in the
/// current folder (or at $INTEGRITY_STATS_DB) and standard input is a terminal.
///
/// Declared before the command's INPUT group, so that its `validate()` runs first and the
/// "reading standard input" prompt is not shown for a workspace.
struct WorkspaceSourceOptions: ParsableArguments {
  @Option(help: "Read the current figures from this workspace instead of a file.", completion: .file())
  var db: String?

  @Option(help: "With a workspace: the figures as they stood on this date (2026-12-05, 115/12/05).")
  var asOf: DateArgument?

  mutating func validate() throws {
    // A workspace read without INPUT (the case that matters: with INPUT the prompt is not
    // shown, and INPUT with --db is refused in `run`).
    Diagnostics.inputFromWorkspace = workspacePath(input: nil) != nil
  }

  /// The workspace to read, or nil to read INPUT as usual.
  func workspacePath(input: String?) -> String? {
    if let db { return db }
    let fallback = environment("INTEGRITY_STATS_DB") ?? Workspace.defaultFileName
    if asOf != nil { return fallback }
    if input == nil && isatty(0) == 1 && access(fallback, F_OK) == 0 { return fallback }
    return nil
  }

  /// When a workspace is to be read (see `workspacePath`): standard input becomes the
  /// workspace's current figures as canonical CSV (`Workspace.figuresCSV`), and the
  /// command goes on to read standard input — exactly as `COMMAND - < figures.csv` would,
  /// through the same reader and the same computation as any file. The one line an
  /// analysis command's `run()` adds.
  func supplyStandardInput(input: String?) throws {
    guard let path = workspacePath(input: input) else { return }
    if input != nil { throw ValidationError("give either INPUT or --db/--as-of, not both") }
    let bytes = try Workspace(path: path, create: false).figuresCSV(asOf: asOf?.date)
    try StandardInput.replace(with: bytes)
  }
}

/// An environment variable, if set and not empty.
func environment(_ name: String) -> String? {
  guard let value = getenv(name) else { return nil }
  let text = String(cString: value)
  return text.isEmpty ? nil : text
}

/// `-o`, `--bom`, `--raw`, `-q` for the workspace commands that take no INPUT.
struct OutputOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "Output file (default standard output), written atomically.", completion: .file())
  var output: String?

  @Flag(help: "Start CSV output with a UTF-8 byte order mark (for Excel).")
  var bom = false

  @Flag(help: "Do not prefix text cells starting with = + - @ with ' (CSV-injection guard).")
  var raw = false

  @Flag(name: .shortAndLong, help: "Print no notes on standard error (errors and warnings still).")
  var quiet = false

  mutating func validate() throws {
    Diagnostics.quiet = quiet
  }

  /// Writes `table` as CSV or JSON, atomically (as `CommonOptions.write`).
  func write(_ table: Table, format: OutputFormat = .csv) throws {
    ProgressLine.shared?.enter(.writing)
    switch format {
    case .csv:
      try StreamingTableWriter(path: output, raw: raw, byteOrderMark: bom).writeCSV(table)
    case .json:
      try AtomicFile.write(table.jsonBytes(numberFormat: .shortest) + [UInt8(ascii: "\n")], to: output)
    }
  }
}

extension WorkspaceSourceOptions {
  /// The workspace's current figures as the `export` table (for `chart`).
  func exportTable(path: String, input: String?) throws -> Table {
    if input != nil { throw ValidationError("give either INPUT or --db/--as-of, not both") }
    return try Workspace(path: path, create: false).exportTable(asOf: asOf?.date)
  }
}
