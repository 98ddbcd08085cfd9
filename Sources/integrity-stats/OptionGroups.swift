import ArgumentParser

/// `--level`: for the commands that compute intervals (trend, survey, regress, report).
struct LevelOption: ParsableArguments {
  @Option(help: "Confidence level for intervals, in (0, 1).")
  var level: Double = 0.95

  mutating func validate() throws {
    guard level > 0, level < 1 else {
      throw ValidationError("--level must be between 0 and 1 (found \(level))")
    }
  }
}

/// INPUT and -o alone: for a command that writes one document, not a table (`report`), so
/// it offers no --format, --digits, --bom or --raw it would not honour.
struct DocumentOptions: ParsableArguments {
  @Argument(help: "Input file (`-` or absent for standard input).", completion: .file())
  var input: String?

  @Option(name: .shortAndLong, help: "Output file (default standard output), written atomically.", completion: .file())
  var output: String?

  @Flag(name: .shortAndLong, help: "Print no counts line and no notes on standard error (errors and warnings still).")
  var quiet = false

  mutating func validate() throws {
    // Parsing is the first thing a run does: the setting holds before any message.
    Diagnostics.quiet = quiet
    Diagnostics.promptIfReadingTerminal(inputPath: inputPath)
  }

  /// The input path as given (nil for standard input).
  var inputPath: String? { input == "-" ? nil : input }
}
