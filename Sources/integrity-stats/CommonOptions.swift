import ArgumentParser
import IntegrityStats

/// Output format of table commands.
enum OutputFormat: String, ClosedChoice {
  case csv, json
}

/// Options every table command shares: input, output, format and how numbers and text print.
/// Options only some commands honour live in their own groups (`LevelOption`), so a command
/// offers only what it uses.
struct CommonOptions: ParsableArguments {
  @Argument(help: "Input file (`-` or absent for standard input).", completion: .file())
  var input: String?

  @Option(
    name: .shortAndLong,
    help: "Output file (default standard output): a file is replaced atomically, a device or FIFO written in place.",
    completion: .file())
  var output: String?

  @Option(help: "Output format.")
  var format: OutputFormat = .csv

  @Option(help: "Print numbers with at most this many significant digits (default: shortest round-trip).")
  var digits: Int?

  @Flag(help: "Start CSV output with a UTF-8 byte order mark (for Excel).")
  var bom = false

  @Flag(help: "Do not prefix text cells starting with = + - @ with ' (CSV-injection guard).")
  var raw = false

  @Flag(name: .shortAndLong, help: "Print no counts line and no notes on standard error (errors and warnings still).")
  var quiet = false

  mutating func validate() throws {
    // Parsing is the first thing a run does: the setting holds before any message.
    Diagnostics.quiet = quiet
    Diagnostics.promptIfReadingTerminal(inputPath: inputPath)
    if let digits, digits < 1 || digits > 17 {
      throw ValidationError("--digits must be between 1 and 17 (found \(digits))")
    }
  }

  /// The input path as given (nil for standard input).
  var inputPath: String? { input == "-" ? nil : input }

  /// The input's name in messages.
  var inputName: String { inputPath ?? "<stdin>" }

  var numberFormat: NumberFormat { digits.map(NumberFormat.significant) ?? .shortest }

  /// Writes a table as CSV or JSON to `-o` or standard output, atomically.
  func write(_ table: Table) throws {
    ProgressLine.shared?.enter(.writing)
    switch format {
    case .csv:
      try streamingWriter.writeCSV(table)
    case .json:
      try AtomicFile.write(table.jsonBytes(numberFormat: numberFormat) + [UInt8(ascii: "\n")], to: output)
    }
  }

  /// Writes a JSON document (indented, newline-terminated).
  func write(_ json: JSONValue) throws {
    try AtomicFile.write(json.serialized(numberFormat: numberFormat, indent: 2) + "\n", to: output)
  }
}
