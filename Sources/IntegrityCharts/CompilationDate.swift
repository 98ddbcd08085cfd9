import Foundation

/// The date of compilation (製表日期) printed on the report, in the ROC and Gregorian calendars:
/// `115年12月5日 (2026-12-05)`.
///
/// The report is deterministic only if this date is fixed, so it is injected: from `--date
/// YYYY-MM-DD`, else from `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC, the
/// reproducible-builds.org convention), else today's date in UTC. ROC year = Gregorian − 1911.
public struct CompilationDate: Sendable, Equatable, Comparable {
  public var year: Int
  public var month: Int
  public var day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard year >= 1912, (1...12).contains(month), (1...Self.days(year, month)).contains(day) else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` (a valid Gregorian date from 1912 on); nil otherwise.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The UTC date of `seconds` since 1970-01-01T00:00:00Z (days from civil, H. Hinnant's algorithm).
  public init?(epochSeconds seconds: Int64) {
    guard seconds >= 0 else { return nil }
    let z = seconds / 86_400 + 719_468
    let era = z / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), month: Int(m), day: Int(d))
  }

  /// `SOURCE_DATE_EPOCH` from `environment` when set (nil when unset; throws when it is not a
  /// whole number of seconds), else today in UTC.
  public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<CompilationDate, CompilationDateError> {
    if let text = environment["SOURCE_DATE_EPOCH"] {
      guard let seconds = Int64(text), let date = CompilationDate(epochSeconds: seconds) else {
        return .failure(.badEpoch(text))
      }
      return .success(date)
    }
    return .success(CompilationDate(epochSeconds: Int64(Date().timeIntervalSince1970))!)
  }

  /// `2026-12-05`.
  public var iso: String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  /// `115年12月5日`.
  public var roc: String { "\(year - 1911)年\(month)月\(day)日" }

  public static func < (a: CompilationDate, b: CompilationDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  static func days(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

/// A `SOURCE_DATE_EPOCH` that is not a whole number of seconds from 1970 on.
public enum CompilationDateError: Error, Equatable, CustomStringConvertible {
  case badEpoch(String)

  public var description: String {
    switch self {
    case .badEpoch(let text): "SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC (found \(text))"
    }
  }
}
