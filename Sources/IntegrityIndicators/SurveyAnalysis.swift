import IntegrityModels
import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

/// `survey` (and `trend --survey`): observations → per indicator (and agency, when the file
/// has one: one survey per agency), yearly proportions with sample sizes → Wilson intervals,
/// year-on-year z-tests, and optionally a WLS trend.
///
/// Percent or proportion is decided by the column, never guessed from magnitudes: values are
/// percent when `percent` is set (`--percent`) or the row's unit is `%` (a `12.5%` cell or a
/// unit column); otherwise they are proportions, and a value outside [0, 1] is a data error
/// naming the row and suggesting `--percent`. A row without n, or with an n that is not a
/// positive whole number, is a data error; a row without
/// a value is skipped with a warning.
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

  /// A series' key: indicator and agency.
  struct Key: Hashable {
    var indicator: String?
    var agency: String?

    /// `indicator`, or `indicator / agency`, for messages.
    var label: String { (indicator ?? "survey") + (agency.map { " / \($0)" } ?? "") }
  }

  /// Reads every (indicator, agency) series, sorted by indicator, then agency.
  public func series(_ set: ObservationSet) throws -> (series: [Series], warnings: [String]) {
    var groups = [Key: [(year: Int, p: Double, exact: DecimalNumber, n: Double, line: Int)]]()
    var warnings = [String]()
    for o in set.observations {
      func fail(_ message: String, _ column: String, _ found: String?, remedy: Remedy? = nil) -> DataError {
        DataError(
          file: set.source, line: o.line, column: CanonicalColumn(rawValue: column).map(set.columnNumber) ?? 0,
          columnName: column, message: message, found: found, remedy: remedy)
      }
      let key = Key(indicator: o.indicator, agency: o.agency)
      guard let value = o.value else {
        warnings.append("\(set.source):\(o.line): no value for \(key.label) \(o.period.year): row skipped")
        continue
      }
      guard let n = o.sampleSize else {
        throw fail("survey rows need a sample size (n, 樣本數)", "n", nil)
      }
      guard n.double > 0 else { throw fail("sample size must be positive", "n", n.description) }
      // A sample size counts respondents: a whole number (an exponent ≥ 0 once trailing zeros move out).
      guard n.normalized.exponent >= 0 else {
        throw fail("sample size must be a whole number of respondents", "n", n.description)
      }
      let isPercent = percent || o.unit == "%"
      // One rounding: the decimal is scaled exactly, then converted.
      let exact = isPercent ? value.scaled(byPowerOfTen: -2) : value
      let p = exact.double
      guard p >= 0, p <= 1 else {
        if isPercent { throw fail("a percentage must be between 0 and 100", "value", value.description) }
        throw fail("a proportion must be between 0 and 1", "value", value.description, remedy: .percent)
      }
      if let previous = groups[key]?.first(where: { $0.year == o.period.year }) {
        throw fail("\(key.label) \(o.period.year) appears twice (also on line \(previous.line))", "year", "\(o.period)")
      }
      groups[key, default: []].append((o.period.year, p, exact, n.double, o.line))
    }
    let keys = groups.keys.sorted { ($0.indicator ?? "", $0.agency ?? "") < ($1.indicator ?? "", $1.agency ?? "") }
    let series = keys.map { key in
      let rows = groups[key]!.sorted { $0.year < $1.year }
      return Series(
        indicator: key.indicator,
        agency: key.agency,
        survey: SurveySeries(
          years: rows.map(\.year), proportions: rows.map(\.p), sizes: rows.map(\.n),
          exactProportions: rows.map(\.exact)),
        lines: rows.map(\.line))
    }
    return (series, warnings)
  }

  /// Yearly proportions with Wilson intervals and changes.
  public func run(_ set: ObservationSet) throws -> SurveyReport {
    let (all, warnings) = try series(set)
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
    var rows = [TrendReport.Row]()
    for s in all {
      do {
        rows.append(
          TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: try s.survey.trend(level: level, projectTo: projectTo)))
      } catch {
        throw DataError(
          file: set.source, line: s.lines.first ?? 0, column: set.columnNumber(.value), columnName: "value",
          message: "\(Key(indicator: s.indicator, agency: s.agency).label): \(error)")
      }
    }
    return TrendReport(rows: rows, options: TrendOptions(model: .linear, level: level, projectTo: projectTo), warnings: warnings)
  }
}
