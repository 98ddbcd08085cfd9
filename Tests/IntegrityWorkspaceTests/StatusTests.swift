import Foundation
import IntegrityIndicators
import TestSupport
import Testing

@testable import IntegrityWorkspace

@Suite struct StatusTests {
  /// `Tests/Fixtures/workspace/roster.csv`, year 2025, judged on 2026-03-15.
  ///
  /// Due dates (§9 defaults unless the roster says): quarterly = quarter end + 20 days →
  /// Q1 2025-04-20, Q2 2025-07-20, Q3 2025-10-20, Q4 2026-01-20; yearly = year end + 2
  /// months → 2026-02-28; 調查局's own rule 90 days → 2026-03-31.
  ///
  /// Submissions (received):
  ///   2025-04-10  臺北 Q1 = 3                      → 臺北 Q1 on-time
  ///   2025-04-21  士林 Q1 = 1, 新竹 Q1 = 2          → 士林 Q1 late (1 day), 新竹 unexpected (not in roster)
  ///   2025-07-25  臺北 Q2 = 4                      → late
  ///   2025-08-01  臺北 Q1 = 5 (correction)         → Q1 stays on-time, revised
  ///   2025-10-10  士林 Q3 = 2                      → unexpected (士林 left on 2025-06-30)
  ///   2026-01-20  臺北 Q4 = 6                      → on-time (on the due date itself)
  ///   2026-02-27  廉政署 2-1 2025 = 40             → on-time
  ///   2026-04-01  調查局 受理檢舉件數 2025 = 900     → after the as-of date: not seen
  /// Nothing for 臺北 Q3 (due 2025-10-20, passed) → missing; 士林 Q2 → missing;
  /// 調查局 2025 (due 2026-03-31, not passed) → not-due; 士林 Q3, Q4 → not expected.
  ///
  /// By hand: on-time 3 (臺北 Q1, Q4, 廉政署), late 2 (臺北 Q2, 士林 Q1), missing 2
  /// (臺北 Q3, 士林 Q2), not-due 1, unexpected 2.
  ///   expected = 3 + 2 + 2 = 7; reporting rate = 5/7; timeliness = 3/7.
  ///   臺北: expected 4, received 3, on time 2 → 3/4 = 0.75, 2/4 = 0.5.
  ///   士林: expected 2, received 1, on time 0 → 0.5, 0 (its unexpected Q3 is not counted).
  ///   Strategy 8 (8-6-1): expected 6 (臺北 4 + 士林 2), received 4, on time 2 → 4/6, 2/6.
  @Test func rosterFixtureByHand() throws {
    let s = try Scratch()
    defer { s.remove() }
    let ws = try Workspace(path: s.db, create: true)
    let submissions: [(String, String)] = [
      ("2025-04-10", "指標,機關,年度,季別,件數\n8-6-1,臺北地檢署,114,1,3\n"),
      ("2025-04-21", "指標,機關,年度,季別,件數\n8-6-1,士林地檢署,114,1,1\n8-6-1,新竹地檢署,114,1,2\n"),
      ("2025-07-25", "指標,機關,年度,季別,件數\n8-6-1,臺北地檢署,114,2,4\n"),
      ("2025-08-01", "指標,機關,年度,季別,件數\n8-6-1,臺北地檢署,114,1,5\n"),
      ("2025-10-10", "指標,機關,年度,季別,件數\n8-6-1,士林地檢署,114,3,2\n"),
      ("2026-01-20", "指標,機關,年度,季別,件數\n8-6-1,臺北地檢署,114,4,6\n"),
      ("2026-02-27", "指標,機關,年度,件數\n2-1,法務部廉政署,114,40\n"),
      ("2026-04-01", "指標,機關,年度,件數\n受理檢舉件數,法務部調查局,114,900\n"),
    ]
    for (i, (received, text)) in submissions.enumerated() {
      let path = try s.file("s\(i).csv", text)
      _ = try ws.importFile(path: path, options: importOptions(received))
    }
    let roster = try Roster.read(path: fixturePath("workspace/roster.csv"))
    let asOf = date("2026-03-15")
    let report = StatusReport(roster: roster, history: try ws.history(asOf: asOf), year: 2025, asOf: asOf)
    let rows = report.rows.map { "\($0.agency) \($0.target) \($0.period) \($0.state.rawValue) \($0.due?.description ?? "-") \($0.received?.description ?? "-") \($0.revised)" }
    #expect(rows == [
      "臺灣臺北地方檢察署 8-6-1 2025Q1 on-time 2025-04-20 2025-04-10 true",
      "臺灣臺北地方檢察署 8-6-1 2025Q2 late 2025-07-20 2025-07-25 false",
      "臺灣臺北地方檢察署 8-6-1 2025Q3 missing 2025-10-20 - false",
      "臺灣臺北地方檢察署 8-6-1 2025Q4 on-time 2026-01-20 2026-01-20 false",
      "臺灣士林地方檢察署 8-6-1 2025Q1 late 2025-04-20 2025-04-21 false",
      "臺灣士林地方檢察署 8-6-1 2025Q2 missing 2025-07-20 - false",
      "法務部廉政署 2-1 2025 on-time 2026-02-28 2026-02-27 false",
      "法務部調查局 受理檢舉件數 2025 not-due 2026-03-31 - false",
      "臺灣士林地方檢察署 8-6-1 2025Q3 unexpected - 2025-10-10 false",
      "臺灣新竹地方檢察署 8-6-1 2025Q1 unexpected - 2025-04-21 false",
    ])
    let total = report.summaries(by: .total)[0]
    #expect((total.expected, total.received, total.onTime, total.notDue, total.unexpected) == (7, 5, 3, 1, 2))
    #expect(total.reportingRate == 5.0 / 7.0)
    #expect(total.timelinessRate == 3.0 / 7.0)
    let agencies = report.summaries(by: .agency)
    let taipei = agencies.first { $0.group == "臺灣臺北地方檢察署" }!
    #expect((taipei.reportingRate, taipei.timelinessRate) == (0.75, 0.5))
    let shilin = agencies.first { $0.group == "臺灣士林地方檢察署" }!
    #expect((shilin.expected, shilin.unexpected, shilin.reportingRate, shilin.timelinessRate) == (2, 1, 0.5, 0))
    let hsinchu = agencies.first { $0.group == "臺灣新竹地方檢察署" }!
    #expect(hsinchu.expected == 0 && hsinchu.reportingRate == nil)
    let strategy8 = report.summaries(by: .strategy).first { $0.group == "8" }!
    #expect((strategy8.expected, strategy8.received, strategy8.onTime) == (6, 4, 2))
    for summary in agencies + report.summaries(by: .strategy) {
      #expect((summary.reportingRate ?? 0) <= 1 && (summary.timelinessRate ?? 0) <= 1)
    }
    #expect(report.table.names == StatusReport.header)
    #expect(try ws.integrityCheck() == "ok")

    // Judged after 調查局's file arrived (and its due date): on-time? It came 2026-04-01,
    // after 2026-03-31 → late.
    let later = StatusReport(roster: roster, history: try ws.history(), year: 2025, asOf: date("2026-05-01"))
    #expect(later.rows.first { $0.agency == "法務部調查局" }?.state == .late)
    // Only Q2: 臺北 Q2 late, 士林 Q2 missing.
    let q2 = StatusReport(roster: roster, history: try ws.history(), year: 2025, quarter: 2, asOf: asOf)
    #expect(q2.rows.map(\.state) == [.late, .missing])
  }

  @Test func deadlinesFollowTheStatisticsRules() {
    let year = ReportingPeriod(year: 2024)
    #expect(ReportingFrequency.yearly.defaultDue.due(after: year.end) == date("2025-02-28"))
    #expect(ReportingFrequency.halfYearly.defaultDue.due(after: ReportingPeriod(year: 2024, half: 1).end) == date("2024-07-31"))
    #expect(ReportingFrequency.quarterly.defaultDue.due(after: ReportingPeriod(year: 2024, quarter: 1).end) == date("2024-04-20"))
    #expect(ReportingFrequency.monthly.defaultDue.due(after: ReportingPeriod(year: 2024, month: 1).end) == date("2024-02-15"))
    // A leap year's February.
    #expect(DueRule.months(2).due(after: date("2023-12-31")) == date("2024-02-29"))
    #expect(DueRule(parsing: "30d") == .days(30) && DueRule(parsing: "2個月") == .months(2))
  }

  @Test func datesInEverySpelling() {
    for text in ["2026-12-05", "2026/12/05", "20261205", "115/12/05", "115-12-05", "115.12.05", "115年12月5日", "民國115年12月5日", "１１５年１２月５日"] {
      #expect(CalendarDate(parsing: text) == CalendarDate(year: 2026, month: 12, day: 5), "\(text)")
    }
    for text in ["2026-13-01", "115/02/30", "12/05", "abc", ""] {
      #expect(CalendarDate(parsing: text) == nil, "\(text)")
    }
    #expect(CalendarDate(dayNumber: date("2024-02-28").dayNumber + 1) == date("2024-02-29"))
  }

  @Test func catalogRosterExpectsTheProsecutorsOffices() {
    let roster = Roster(catalog: .plan)
    let offices = roster.entries.filter { $0.target == "8-6-1" }
    #expect(offices.count >= 22)
    #expect(offices.allSatisfy { $0.frequency == .quarterly })
  }
}

@Suite struct CatalogAgencyTests {
  @Test func leadAgenciesAsAgenciesWriteThem() {
    #expect(Roster.expand("法務部(廉政署)") == ["法務部廉政署"])
    #expect(Roster.expand("行政院公共工程委員會") == ["行政院公共工程委員會"])
    #expect(Roster.expand("各機關") == [])
    let many = Roster.expand("法務部(臺灣高等檢察署、各地方檢察署、廉政署、調查局)")
    #expect(many.count == 25)
    #expect(many.first == "臺灣高等檢察署" && many.last == "法務部調查局")
    #expect(many.contains("臺灣臺北地方檢察署"))
  }
}
