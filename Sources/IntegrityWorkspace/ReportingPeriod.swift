import IntegrityIndicators
import IntegrityAgencyData

/// A period an agency owes a report for: a year, a half-year, a quarter or a month.
///
/// `Period` (the reader's) has no half-years; a half-year is received by the figures of
/// any quarter or month inside it. The other kinds match a figure of exactly that period.
public struct ReportingPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    case year
    case half(Int)
    case quarter(Int)
    case month(Int)
  }

  public var year: Int
  public var kind: Kind

  public init(year: Int) { self.year = year; kind = .year }
  public init(year: Int, half: Int) { self.year = year; kind = .half(half) }
  public init(year: Int, quarter: Int) { self.year = year; kind = .quarter(quarter) }
  public init(year: Int, month: Int) { self.year = year; kind = .month(month) }

  /// First and last month covered (1–12).
  public var firstMonth: Int {
    switch kind {
    case .year: 1
    case .half(let h): h * 6 - 5
    case .quarter(let q): q * 3 - 2
    case .month(let m): m
    }
  }

  public var lastMonth: Int {
    switch kind {
    case .year: 12
    case .half(let h): h * 6
    case .quarter(let q): q * 3
    case .month(let m): m
    }
  }

  /// The first and last day of the period.
  public var start: CalendarDate { CalendarDate(year: year, month: firstMonth, day: 1)! }
  public var end: CalendarDate { CalendarDate.endOfMonth(year: year, month: lastMonth) }

  /// True when a figure of `period` is a report for this period (see the type's note).
  public func isReported(by period: Period) -> Bool {
    guard period.year == year else { return false }
    switch kind {
    case .year: return period.quarter == nil && period.month == nil
    case .quarter(let q): return period.quarter == q && period.month == nil
    case .month(let m): return period.month == m
    case .half:
      if let q = period.quarter { return q * 3 >= firstMonth && q * 3 <= lastMonth }
      if let m = period.month { return m >= firstMonth && m <= lastMonth }
      return false
    }
  }

  /// `2026`, `2026H1`, `2026Q3`, `2026-07` (as `Period` prints).
  public var description: String {
    switch kind {
    case .year: "\(year)"
    case .half(let h): "\(year)H\(h)"
    case .quarter(let q): "\(year)Q\(q)"
    case .month(let m): m < 10 ? "\(year)-0\(m)" : "\(year)-\(m)"
    }
  }

  public static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool {
    (a.year, a.lastMonth, a.firstMonth) < (b.year, b.lastMonth, b.firstMonth)
  }
}
