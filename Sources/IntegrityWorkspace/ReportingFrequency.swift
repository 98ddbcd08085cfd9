import IntegrityIndicators

/// How often an agency reports a target: the periods it owes in a year, and the default
/// deadline after each period ends.
///
/// Default deadlines are those of 統計法施行細則 (Enforcement Rules of the Statistics Act) §9
/// for compiling statistics after a period ends: annual 2 months, half-year 1 month,
/// quarterly 20 days, monthly 15 days. A roster can override them per target (`DueRule`).
public enum ReportingFrequency: String, Sendable, Hashable, CaseIterable, Codable {
  case yearly
  case halfYearly = "half-yearly"
  case quarterly
  case monthly

  /// Parses `yearly`/`annual`/`年`/`每年`, `half-yearly`/`半年`, `quarterly`/`季`/`每季`,
  /// `monthly`/`月`/`每月` (case-insensitive).
  public init?(parsing text: String) {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "yearly", "annual", "annually", "year", "年", "每年", "年報": self = .yearly
    case "half-yearly", "halfyearly", "semiannual", "semi-annual", "half-year", "半年", "每半年", "半年報": self = .halfYearly
    case "quarterly", "quarter", "季", "每季", "季報": self = .quarterly
    case "monthly", "month", "月", "每月", "月報": self = .monthly
    default: return nil
    }
  }

  /// The §9 default deadline after the period's last day.
  public var defaultDue: DueRule {
    switch self {
    case .yearly: .months(2)
    case .halfYearly: .months(1)
    case .quarterly: .days(20)
    case .monthly: .days(15)
    }
  }

  /// The periods of `year`; with `quarter`, those whose last month falls in that quarter
  /// (quarter 4 also gives the year and the second half-year).
  public func periods(year: Int, quarter: Int? = nil) -> [ReportingPeriod] {
    let all: [ReportingPeriod]
    switch self {
    case .yearly: all = [ReportingPeriod(year: year)]
    case .halfYearly: all = (1...2).map { ReportingPeriod(year: year, half: $0) }
    case .quarterly: all = (1...4).map { ReportingPeriod(year: year, quarter: $0) }
    case .monthly: all = (1...12).map { ReportingPeriod(year: year, month: $0) }
    }
    guard let quarter else { return all }
    return all.filter { (quarter * 3 - 2...quarter * 3).contains($0.lastMonth) }
  }
}

/// When a period's figures are due: a number of days or months after the period's last day.
public enum DueRule: Sendable, Hashable, CustomStringConvertible {
  case days(Int)
  case months(Int)

  /// Parses `20d`, `20 days`, `20天`, `20日`, `2m`, `2 months`, `2個月`, `2月`.
  public init?(parsing text: String) {
    let s = text.trimmingCharacters(in: .whitespaces).lowercased()
    let digits = s.prefix { $0.isASCII && $0.isNumber }
    guard let n = Int(digits), n >= 0 else { return nil }
    switch s.dropFirst(digits.count).trimmingCharacters(in: .whitespaces) {
    case "d", "day", "days", "天", "日": self = .days(n)
    case "m", "month", "months", "個月", "月", "个月": self = .months(n)
    default: return nil
    }
  }

  /// The due date for a period ending on `end`.
  public func due(after end: CalendarDate) -> CalendarDate {
    switch self {
    case .days(let n): end.adding(days: n)
    case .months(let n): end.adding(months: n)
    }
  }

  public var description: String {
    switch self {
    case .days(let n): "\(n)d"
    case .months(let n): "\(n)m"
    }
  }
}
