/// A reporting period: a Gregorian year, optionally narrowed to a quarter or a month.
///
/// Agencies write periods in ROC years (民國112年 = 2023 = 112 + 1911); parsing
/// (`Period+Parsing.swift`) accepts every spelling of DESIGN.md §5 and stores the
/// Gregorian year. Ordering is chronological: a year sorts before its quarters.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The Gregorian year.
  public var year: Int
  /// The quarter 1…4, if the period is a quarter.
  public var quarter: Int?
  /// The month 1…12, if the period is a month.
  public var month: Int?

  public init(year: Int, quarter: Int? = nil, month: Int? = nil) {
    self.year = year
    self.quarter = quarter
    self.month = month
  }

  /// The offset between ROC and Gregorian years: Gregorian = ROC + 1911.
  public static let rocOffset = 1911

  /// The ROC (民國) year.
  public var rocYear: Int { year - Period.rocOffset }

  /// `2023`, `2023Q3` or `2023-07`.
  public var description: String {
    if let quarter { return "\(year)Q\(quarter)" }
    if let month { return month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)" }
    return "\(year)"
  }

  public static func < (a: Period, b: Period) -> Bool {
    if a.year != b.year { return a.year < b.year }
    let qa = a.quarter ?? a.month.map { ($0 + 2) / 3 } ?? 0
    let qb = b.quarter ?? b.month.map { ($0 + 2) / 3 } ?? 0
    if qa != qb { return qa < qb }
    return (a.month ?? 0) < (b.month ?? 0)
  }
}
