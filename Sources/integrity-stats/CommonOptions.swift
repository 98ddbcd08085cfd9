import ArgumentParser
import IntegrityStats

/// Output format of table commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, json
}

/// Options every table command shares: input, output, format and how numbers and text print.
/// Options only some commands honour live in their own groups (`LevelOption`), so a command
/// offers only what it uses.
struct CommonOptions: ParsableArguments {
  @Argument(help: "Input file (`-` or absent for standard input).")
  var input: String?

  @Option(name: .shortAndLong, help: "Output file (default standard output), written atomically.")
  var output: String?

  @Option(help: "Output format: csv or json.")
  var format: OutputFormat = .csv

  @Option(help: "Print numbers with at most this many significant digits (default: shortest round-trip).")
  var digits: Int?

  @Flag(help: "Start CSV output with a UTF-8 byte order mark (for Excel).")
  var bom = false

  @Flag(help: "Do not prefix text cells starting with = + - @ with ' (CSV-injection guard).")
  var raw = false

  mutating func validate() throws {
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
    switch format {
    case .csv:
      let writer = CSVWriter(numberFormat: numberFormat, raw: raw, byteOrderMark: bom)
      try AtomicFile.write(writer.bytes(table), to: output)
    case .json:
      try AtomicFile.write(table.jsonBytes(numberFormat: numberFormat) + [UInt8(ascii: "\n")], to: output)
    }
  }

  /// Writes a JSON document (indented, newline-terminated).
  func write(_ json: JSONValue) throws {
    try AtomicFile.write(json.serialized(numberFormat: numberFormat, indent: 2) + "\n", to: output)
  }
}

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
  @Argument(help: "Input file (`-` or absent for standard input).")
  var input: String?

  @Option(name: .shortAndLong, help: "Output file (default standard output), written atomically.")
  var output: String?

  /// The input path as given (nil for standard input).
  var inputPath: String? { input == "-" ? nil : input }
}

/// A year on the command line, as in the files (DESIGN.md §5): 1–3 digits are an ROC year
/// (`115` = 2026), 4 digits Gregorian; `115年` and `民國115年` are read too.
struct YearArgument: ExpressibleByArgument, Equatable {
  /// The Gregorian year.
  var year: Int

  init(year: Int) { self.year = year }

  init?(argument: String) {
    var text = Substring(argument)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    if text.hasPrefix("民國") { text = text.dropFirst(2) }
    if text.hasSuffix("年") { text = text.dropLast() }
    guard (1...4).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
      value > 0
    else { return nil }
    year = text.count == 4 ? value : value + 1911
  }

  var defaultValueDescription: String { "\(year)" }
}

extension YearArgument {
  /// The latest year `--to` projects to: a line carried further is no forecast.
  static let latestProjection = 2200

  /// `--to` (named `option` in messages) up to `latestProjection`.
  static func validateProjection(_ to: YearArgument?, option: String = "--to") throws {
    if let to, to.year > latestProjection {
      throw ValidationError("\(option) must be a year up to \(latestProjection) (found \(to.year))")
    }
  }

  /// `--to` is not before the last year of the data (`years`: every year the series hold).
  static func checkProjection(_ to: YearArgument?, years: [Int]) throws {
    guard let to, let last = years.max(), to.year < last else { return }
    throw UsageError("--to \(to.year) is before the data's last year \(last): give a year from \(last) on")
  }

  /// `--break` lies inside the data: after its first year and not after its last.
  static func checkBreak(_ breakYear: YearArgument?, years: [Int]) throws {
    guard let breakYear, let first = years.min(), let last = years.max() else { return }
    guard breakYear.year <= first || breakYear.year > last else { return }
    throw UsageError(
      "--break \(breakYear.year) is outside the data's years \(first)–\(last): give a year from \(first + 1) to \(last)")
  }
}
