import Foundation
import IntegrityTables

/// A day of the Gregorian calendar, as the workspace records dates received and due.
///
/// Parsing accepts what Taiwanese agencies write: `2026-12-05`, `2026/12/05`, `20261205`,
/// and ROC dates `115/12/05`, `115-12-05`, `115.12.05`, `115年12月5日`, `民國115年12月5日`
/// (1–3 digit years are ROC: Gregorian = ROC + 1911), full-width digits included.
/// Arithmetic uses the proleptic Gregorian day count of Hinnant's `days_from_civil`
/// (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", 2013).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// A valid date, or nil (month 1–12, day within the month).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(year: year, month: month) else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses the spellings listed on the type; nil for anything else.
  public init?(parsing text: String) {
    var s = TextFolding.halfWidth(text).trimmingCharacters(in: .whitespaces)
    if s.hasPrefix("民國") { s.removeFirst(2) }
    var parts: [Int] = []
    if s.count == 8, s.allSatisfy(\.isASCII), let whole = Int(s) {
      parts = [whole / 10000, whole / 100 % 100, whole % 100]
    } else {
      let separators: Set<Character> = ["-", "/", ".", "年", "月", "日"]
      var fields: [Substring] = []
      var current = s.startIndex
      for i in s.indices where separators.contains(s[i]) {
        fields.append(s[current..<i])
        current = s.index(after: i)
      }
      fields.append(s[current...])
      if s.hasSuffix("日"), fields.last == "" { fields.removeLast() }
      guard fields.count == 3 else { return nil }
      for field in fields {
        guard !field.isEmpty, field.count <= 4, field.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(field)
        else { return nil }
        parts.append(n)
      }
      if fields[0].count <= 3 { parts[0] += 1911 }
    }
    self.init(year: parts[0], month: parts[1], day: parts[2])
  }

  /// Today in the local time zone.
  public static func today() -> CalendarDate {
    let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  /// Days in `month` of `year`.
  public static func daysIn(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The last day of `month` of `year`.
  public static func endOfMonth(year: Int, month: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: daysIn(year: year, month: month))!
  }

  /// Days since 1970-01-01 (Hinnant's `days_from_civil`).
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The date `dayNumber` days after 1970-01-01 (Hinnant's `civil_from_days`).
  public init(dayNumber z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  /// `days` days later.
  public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

  /// `months` months later; a day past the end of the target month becomes its last day,
  /// and the last day of a month stays the last day (Dec 31 + 2 months = Feb 28 or 29).
  public func adding(months: Int) -> CalendarDate {
    let index = year * 12 + (month - 1) + months
    let y = index / 12, m = index % 12 + 1
    let last = CalendarDate.daysIn(year: y, month: m)
    let isLastDay = day == CalendarDate.daysIn(year: year, month: month)
    return CalendarDate(year: y, month: m, day: isLastDay ? last : min(day, last))!
  }
}
