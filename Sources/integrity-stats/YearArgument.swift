import ArgumentParser
import IntegrityStats

/// A year on the command line, as in the files: 1–3 digits are an ROC year
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
