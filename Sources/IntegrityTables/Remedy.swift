/// What a caller can change so that an input reads, or a result comes out, as meant: the
/// typed end of a ``DataError`` or a ``Notice``.
///
/// The library states a remedy in its own terms, the option to set in Swift
/// (``description``: "set `ReadOptions.encoding` to `.big5`"); a caller with another
/// interface words it with its own controls (the command-line tool
/// names the flag instead) through ``DataError/described(remedy:)`` or
/// ``Notice/described(remedy:)``. Each case carries the values its wording needs.
///
/// Some remedies explain a decision instead of undoing a mistake (the option that made
/// the reader take row labels as the indicator, or forced quasi-Poisson standard
/// errors): the option is still what the caller would change.
public enum Remedy: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Read the input in another encoding (`ReadOptions.encoding`): `suggested`, when the
  /// bytes point to one, else whichever encoding the file is in.
  case encoding(suggested: TextEncoding?)
  /// Check the line given as the header row (`ReadOptions.headerRow`), here `line`.
  case headerRow(Int)
  /// Say which header holds a canonical column (`ObservationReadOptions.columnMap`):
  /// `canonical` is the column missing (`"year"`, `"value"` …), or nil when two columns
  /// give the same thing and disagree (drop one, or map the one meant).
  case mapColumn(canonical: String?)
  /// Correct the column map's entry `canonical` = `header`: the header has no such column.
  case correctColumnMap(canonical: String, header: String)
  /// The table is read wide, one column per period (`ObservationReadOptions.wide`).
  case wideLayout
  /// Read a dash (`－`) as missing instead of zero (`ObservationReadOptions.dashMeansMissing`),
  /// if that is what the table means.
  case dashAsMissing
  /// Add up duplicate rows or keep the later one: a duplicate policy of `.sum` or `.last`
  /// (`AchievementOptions.duplicates`, `QuarterlyPaceAccumulator`'s `duplicates`).
  case aggregateDuplicates
  /// Take the targets on quarterly rows as per-quarter targets
  /// (`AchievementOptions.targetPer` = `.quarter`), if they are.
  case targetPerQuarter
  /// Name the target (an identifier such as `exampleTarget`) or give the direction: a
  /// direction column, or `AchievementOptions.direction`.
  case direction(exampleTarget: String)
  /// Give titles without a grade (職等) the grade they count as (`TargetCaseRule.gradeMap`).
  case gradeMap
  /// The lowest grade that counts (`TargetCaseRule.minGrade`), here `grade`.
  case minimumGrade(Int)
  /// Read survey values as percentages (`SurveyAnalysis.percent`, or a `%` unit).
  case percent
  /// A break year (`TrendOptions.breakYear`) applies to the linear, log-linear and
  /// Poisson models, which have a segmented form.
  case segmentedModel
  /// Quasi-Poisson standard errors whatever the dispersion (`TrendOptions.overdispersion`).
  case overdispersion

  /// The remedy in the library's terms: the Swift option to set.
  public var description: String {
    switch self {
    case .encoding(let suggested?):
      "if the file is \(suggested.displayName), set `ReadOptions.encoding` to `.\(suggested.caseName)`"
    case .encoding(nil):
      "set `ReadOptions.encoding` to the file's encoding"
    case .headerRow(let line):
      "check `ReadOptions.headerRow` (\(line))"
    case .mapColumn(let canonical?):
      "map one with `ObservationReadOptions.columnMap[\"\(canonical)\"]`"
    case .mapColumn(nil):
      "drop one column or map one with `ObservationReadOptions.columnMap`"
    case .correctColumnMap(let canonical, let header):
      "correct `ObservationReadOptions.columnMap[\"\(canonical)\"]` (\"\(header)\")"
    case .wideLayout:
      "`ObservationReadOptions.wide` reads one column per period"
    case .dashAsMissing:
      "set `ObservationReadOptions.dashMeansMissing` if it applies to this table"
    case .aggregateDuplicates:
      "set `duplicates` (a `DuplicatePolicy`) to `.sum` or `.last`"
    case .targetPerQuarter:
      "set `AchievementOptions.targetPer` to `.quarter` if targets are per quarter"
    case .direction(let example):
      "name the target (e.g. \(example)) or give the direction (a direction column, or `AchievementOptions.direction`)"
    case .gradeMap:
      "give titles a grade in `TargetCaseRule.gradeMap`"
    case .minimumGrade(let grade):
      "or change `TargetCaseRule.minGrade` (\(grade))"
    case .percent:
      "set `SurveyAnalysis.percent`, or give a % unit, for percentages"
    case .segmentedModel:
      "`TrendOptions.breakYear` applies to the linear, loglinear and poisson models"
    case .overdispersion:
      "as `TrendOptions.overdispersion` asks"
    }
  }
}

fileprivate extension TextEncoding {
  // The encoding's name in prose: `UTF-8`, `Big5`, `UTF-16`.
  var displayName: String {
    switch self {
    case .auto: "auto"
    case .utf8: "UTF-8"
    case .big5: "Big5"
    case .utf16: "UTF-16"
    }
  }

  // The Swift case name: `utf8`, `big5`, `utf16`, `auto`.
  var caseName: String {
    switch self {
    case .auto: "auto"
    case .utf8: "utf8"
    case .big5: "big5"
    case .utf16: "utf16"
    }
  }
}
