/// What a chart shows, decided from the header of the table it is drawn from.
///
/// Each result command has its own exact header; `recognise(header:)`
/// looks for the columns that identify it (names are matched after trimming, case-insensitively):
///
/// | kind           | identifying columns                                   |
/// |----------------|-------------------------------------------------------|
/// | `achievement`  | actual, target, ratio, status, year                   |
/// | `quarterly`    | quarter, cumulative_rate, expected_rate, pace         |
/// | `trend`        | model, intercept, slope, first_year, last_year        |
/// | `survey`       | year, proportion, ci_low, ci_high                     |
/// | `tidy`         | series, x, y, kind (our own chart data, re-read)      |
/// | `observations` | year, value (the canonical columns `tidy` prints)     |
public enum ChartKind: String, Sendable, Hashable, CaseIterable, Codable {
  case achievement
  case quarterly
  case trend
  case survey
  case tidy
  case observations

  /// The columns each kind requires, in canonical (lower-case) spelling.
  public var requiredColumns: [String] {
    switch self {
    case .achievement: ["year", "actual", "target", "ratio", "status"]
    case .quarterly: ["agency", "year", "quarter", "cumulative_rate", "expected_rate", "pace"]
    case .trend: ["model", "first_year", "last_year", "intercept", "slope"]
    case .survey: ["year", "proportion", "ci_low", "ci_high"]
    case .tidy: ["series", "x", "y", "kind"]
    case .observations: ["year", "value"]
    }
  }

  /// The first kind (in declaration order) whose required columns are all in `header`,
  /// or nil when none is.
  public static func recognise(header: [String]) -> ChartKind? {
    let names = Set(header.map { $0.trimmingWhitespace().lowercased() })
    return allCases.first { kind in kind.requiredColumns.allSatisfy(names.contains) }
  }
}

extension String {
  /// The string without leading and trailing white space (including U+3000).
  func trimmingWhitespace() -> String {
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
