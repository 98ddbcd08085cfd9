import Testing
import IntegrityTables
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// Hand-worked quarterly pace cases (DESIGN.md §4); the arithmetic is in each test.
@Suite struct QuarterlyPaceTests {
  static func office(_ name: String, _ counts: [Int?], target: Int?, year: Int = 2024, firstLine: Int = 2) -> [Observation] {
    counts.enumerated().compactMap { i, c in
      // nil = the quarter was not reported at all (no row).
      c.map {
        Observation(
          agency: name, period: Period(year: year, quarter: i + 1), value: DecimalNumber($0),
          target: target.map(DecimalNumber.init), line: firstLine + i)
      }
    }
  }

  static let source = AggregationSource(
    file: "q.csv", columns: ["agency": 1, "year": 2, "quarter": 3, "value": 4, "target": 5],
    headers: ["agency": "office", "year": "year", "quarter": "quarter", "value": "count", "target": "target"])

  @Test func paceOfOneOffice() throws {
    // Target 8; counts 1, 3, 2, 3 → cumulative 1, 4, 6, 9.
    // cumulative_rate = 1/8 = 0.125, 4/8 = 0.5, 6/8 = 0.75, 9/8 = 1.125;
    // expected_rate = 0.25, 0.5, 0.75, 1; pace = 0.125/0.25 = 0.5, 1, 1, 1.125;
    // status behind, on-track (4·4 = 16 ≥ 2·8 = 16), on-track, on-track.
    let rows = try QuarterlyPaceReport(observations: Self.office("臺北地檢署", [1, 3, 2, 3], target: 8)).rows
    #expect(rows.map(\.agency) == Array(repeating: "臺灣臺北地方檢察署", count: 4))
    #expect(rows.map { $0.cumulative?.double } == [1, 4, 6, 9])
    #expect(rows.map(\.cumulativeRate) == [0.125, 0.5, 0.75, 1.125])
    #expect(rows.map(\.expectedRate) == [0.25, 0.5, 0.75, 1])
    #expect(rows.map(\.pace) == [0.5, 1, 1, 1.125])
    #expect(rows.map(\.status) == [.behind, .onTrack, .onTrack, .onTrack])
    #expect(rows.allSatisfy { $0.target?.double == 8 })
  }

  @Test func paceIsDecidedExactly() throws {
    // Target 3, Q1 count 0.75 would be pace 4·0.75/(1·3) = 1 exactly → on-track; with
    // target 0.3 and counts 0.1, 0.1, 0.1 at Q3: 4·0.3 = 1.2 ≥ 3·0.3 = 0.9 → on-track, and
    // at Q4 4·0.3 = 1.2 ≥ 4·0.3 = 1.2 → on-track, pace 1 (floats: 0.30000000000000004).
    let obs = (1...4).map { q in
      Observation(agency: "士林", period: Period(year: 2024, quarter: q),
        value: q == 4 ? .zero : DecimalNumber(significand: 1, exponent: -1),
        target: DecimalNumber(significand: 3, exponent: -1), line: q + 1)
    }
    let rows = try QuarterlyPaceReport(observations: obs).rows
    #expect(rows[3].pace == 1)
    #expect(rows[3].cumulativeRate == 1)
    #expect(rows[3].status == .onTrack)
  }

  @Test func aMissingQuarterIsNotZero() throws {
    // Q2 not reported: Q1 cumulative 2; from Q2 on cumulative empty, status incomplete.
    let rows = try QuarterlyPaceReport(observations: Self.office("新北", [2, nil, 1], target: 8)).rows
    #expect(rows.map(\.quarter) == [1, 2, 3])
    #expect(rows.map { $0.count?.double } == [2, nil, 1])
    #expect(rows.map { $0.cumulative?.double } == [2, nil, nil])
    #expect(rows.map(\.status) == [.onTrack, .incomplete, .incomplete])
    #expect(rows[1].pace == nil)
    #expect(rows[1].cumulativeRate == nil)
  }

  @Test func everyOfficeRunsToTheYearsLastQuarter() throws {
    // 臺北 reported Q1–Q3, 高雄 Q1 only: 高雄 gets Q2 and Q3 rows, incomplete.
    let obs = Self.office("臺北", [1, 1, 1], target: 4) + Self.office("高雄地檢署", [1], target: 4, firstLine: 10)
    let rows = try QuarterlyPaceReport(observations: obs, total: true).rows
    #expect(rows.map(\.agency) == [
      "臺灣臺北地方檢察署", "臺灣臺北地方檢察署", "臺灣臺北地方檢察署",
      "臺灣高雄地方檢察署", "臺灣高雄地方檢察署", "臺灣高雄地方檢察署",
      "全國", "全國", "全國",
    ])
    #expect(rows[4].status == .incomplete)
    // National: Q1 1 + 1 = 2 of target 4 + 4 = 8: rate 0.25, pace 1 → on-track;
    // Q2: 高雄 missing → count and cumulative empty, incomplete.
    #expect(rows[6].count?.double == 2)
    #expect(rows[6].target?.double == 8)
    #expect(rows[6].pace == 1)
    #expect(rows[6].status == .onTrack)
    #expect(rows[7].count == nil)
    #expect(rows[7].status == .incomplete)
  }

  @Test func nationalTotalIsTheSumOverOffices() throws {
    // 臺北 target 8: 2, 2; 臺中 target 4: 0, 1. National target 12;
    // Q1 cumulative 2 + 0 = 2, rate 2/12, pace 4·2/(1·12) = 0.666… → behind;
    // Q2 cumulative 2 + 2 + 0 + 1 = 5, rate 5/12, pace 4·5/(2·12) = 0.8333… → behind.
    let obs = Self.office("臺北", [2, 2], target: 8) + Self.office("台中地檢", [0, 1], target: 4, firstLine: 10)
    let rows = try QuarterlyPaceReport(observations: obs, total: true).rows
    let national = rows.filter(\.isTotal)
    #expect(national.map { $0.cumulative?.double } == [2, 5])
    #expect(national.map(\.cumulativeRate) == [2.0 / 12.0, 5.0 / 12.0])
    #expect(national.map(\.pace) == [8.0 / 12.0, 20.0 / 24.0])
    #expect(national.map(\.status) == [.behind, .behind])
    // Offices in the Ministry's order: 臺北 (1st) before 臺中 (7th).
    #expect(rows.first?.agency == "臺灣臺北地方檢察署")
    #expect(rows[2].agency == "臺灣臺中地方檢察署")
  }

  @Test func targetsFromAFile() throws {
    let obs = Self.office("嘉義", [1, 2], target: nil)
    let targets = [AnnualTarget(agency: "臺灣嘉義地方檢察署", year: 2024, target: DecimalNumber(6), line: 2)]
    let rows = try QuarterlyPaceReport(observations: obs, targets: targets).rows
    // Q2: cumulative 3 of 6 = 0.5; pace 0.5/0.5 = 1 → on-track.
    #expect(rows[1].cumulativeRate == 0.5)
    #expect(rows[1].status == .onTrack)
    // Without any target: no-target, rates empty.
    let none = try QuarterlyPaceReport(observations: obs).rows
    #expect(none.map(\.status) == [.noTarget, .noTarget])
    // A file target contradicting the rows' target is an error.
    let conflicting = Self.office("嘉義", [1, 2], target: 5)
    #expect(throws: DataError.self) { try QuarterlyPaceReport(observations: conflicting, targets: targets) }
  }

  @Test func badInputIsLocated() throws {
    func error(_ obs: [Observation]) -> String? {
      do {
        _ = try QuarterlyPaceReport(observations: obs, source: Self.source)
        return nil
      } catch {
        return "\(error)"
      }
    }
    #expect(error([Observation(agency: "臺北", period: Period(year: 2024, quarter: 5), value: DecimalNumber(1), line: 4)])
      == "q.csv:4:3: expected a quarter 1 to 4 in column \"quarter\" (found \"5\")")
    #expect(error([Observation(agency: "臺北", period: Period(year: 2024, quarter: 1), value: DecimalNumber(-1), line: 5)])
      == "q.csv:5:4: expected a count of 0 or more in column \"count\" (found \"-1\")")
    #expect(error([Observation(agency: "臺北", period: Period(year: 2024), value: DecimalNumber(1), line: 6)])?
      .hasPrefix("q.csv:6:3: expected a quarter") == true)
    // The same office and quarter twice, spelled differently.
    let dup = Self.office("臺北", [1], target: 4) + Self.office("台北地檢署", [2], target: 4, firstLine: 9)
    #expect(error(dup)?.hasPrefix("q.csv:9:4: duplicate row for 臺灣臺北地方檢察署 2024Q1: line 2") == true)
    // Disagreeing annual targets name both lines.
    var targets = Self.office("臺北", [1, 1], target: 4)
    targets[1].target = DecimalNumber(5)
    #expect(error(targets)?.hasPrefix("q.csv:3:5: annual target differs between lines 2 and 3") == true)
  }

  @Test func tableHeaderIsTheContract() throws {
    let table = try QuarterlyPaceReport(observations: Self.office("臺北", [1], target: 4)).table
    #expect(table.names == [
      "agency", "year", "quarter", "count", "cumulative", "target", "cumulative_rate", "expected_rate", "pace", "status",
    ])
    #expect(table.names == QuarterlyPaceReport.header)
  }
}
