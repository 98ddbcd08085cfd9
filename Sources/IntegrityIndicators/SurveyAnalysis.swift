import IntegrityModels
import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData
import IntegrityActionPlan

/// `survey` (and `trend --survey`): observations → per indicator (and agency, when the file
/// has one: one survey per agency), yearly proportions with sample sizes → Wilson intervals,
/// year-on-year z-tests, and optionally a WLS trend.
///
/// Percent or proportion is decided by the column, never guessed from magnitudes: values are
/// percent when `percent` is set (`--percent`) or the row's unit is `%` (a `12.5%` cell or a
/// unit column); otherwise they are proportions, and a value outside [0, 1] is a data error
/// naming the row and suggesting `--percent`. A row without n, or with an n that is not a
/// positive whole number, and a year given twice, are data errors at the row (rejects
/// under `skipBadRows` when the file is read with `read(path:readOptions:)`); a row
/// without a value is skipped with a warning. The rules are `SurveyAccumulator`'s.
public struct SurveyAnalysis: Sendable {
  /// Confidence level.
  public var level: Double
  /// Values are percentages (`--percent`).
  public var percent: Bool

  public init(level: Double = 0.95, percent: Bool = false) {
    self.level = level
    self.percent = percent
  }

  /// One indicator's (and agency's) yearly data.
  public struct Series: Sendable, Equatable {
    public var indicator: String?
    public var agency: String?
    public var survey: SurveySeries
    public var lines: [Int]
  }

  /// Reads a survey file (`nil` or `-`: standard input) and checks its rows
  /// (`SurveyAccumulator`'s rules): a bad row stops the read at its line and cell, or
  /// under `readOptions.skipBadRows` is rejected with its reason. Rows without a value
  /// are in the account's warnings.
  public func read(path: String?, readOptions: ObservationReadOptions = ObservationReadOptions()) throws
    -> (series: [Series], set: ObservationSet)
  {
    let (accumulator, set) = try ObservationReader.streamColumns(path: path, options: readOptions.officesCanonical) {
      SurveyAccumulator(percent: percent)
    }
    return Self.result(accumulator, set)
  }

  /// The same for bytes in memory; `source` names them in messages.
  public func read(bytes: [UInt8], source: String, readOptions: ObservationReadOptions = ObservationReadOptions())
    throws -> (series: [Series], set: ObservationSet)
  {
    let (accumulator, set) = try ObservationReader.streamColumns(
      bytes: bytes, source: source, options: readOptions.officesCanonical
    ) { SurveyAccumulator(percent: percent) }
    return Self.result(accumulator, set)
  }

  private static func result(_ accumulator: SurveyAccumulator, _ set: ObservationSet) -> (series: [Series], set: ObservationSet) {
    var set = set
    set.warnings += accumulator.warnings()
    return (accumulator.series(), set)
  }

  /// Every (indicator, agency) series of observations already read, sorted by indicator,
  /// then agency; the first row that breaks a rule throws.
  public func series(_ set: ObservationSet) throws -> (series: [Series], warnings: [String]) {
    var accumulator = SurveyAccumulator(percent: percent)
    try accumulator.consume(set.observations, source: set.aggregationSource)
    return (accumulator.series(), accumulator.warnings().map(\.text))
  }

  /// Yearly proportions with Wilson intervals and changes.
  public func run(_ set: ObservationSet) throws -> SurveyReport {
    let (all, warnings) = try series(set)
    return run(all, warnings: warnings)
  }

  /// Yearly proportions of series already read (`read(path:readOptions:)`).
  public func run(_ all: [Series], warnings: [String] = []) -> SurveyReport {
    var rows = [SurveyReport.Row]()
    for s in all {
      rows += s.survey.yearly(level: level).map {
        SurveyReport.Row(indicator: s.indicator, agency: s.agency, proportion: $0)
      }
    }
    return SurveyReport(rows: rows, warnings: warnings)
  }

  /// The WLS trend of each indicator (percentage points per year).
  public func trend(_ set: ObservationSet, projectTo: Int? = nil) throws -> TrendReport {
    let (all, warnings) = try series(set)
    return try trend(all, source: set.source, valueColumn: set.columnNumber(.value), projectTo: projectTo, warnings: warnings)
  }

  /// The WLS trend of series already read; a series that cannot be fitted is an error at
  /// its first line, in `valueColumn` of `source`.
  public func trend(
    _ all: [Series], source: String, valueColumn: Int, projectTo: Int? = nil, warnings: [String] = []
  ) throws -> TrendReport {
    var rows = [TrendReport.Row]()
    for s in all {
      do {
        rows.append(
          TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: try s.survey.trend(level: level, projectTo: projectTo)))
      } catch {
        let label = (s.indicator ?? "survey") + (s.agency.map { " / \($0)" } ?? "")
        throw DataError(
          file: source, line: s.lines.first ?? 0, column: valueColumn, columnName: "value", message: "\(label): \(error)")
      }
    }
    return TrendReport(rows: rows, options: TrendOptions(model: .linear, level: level, projectTo: projectTo), warnings: warnings)
  }
}
