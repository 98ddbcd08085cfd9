import Testing
import IntegrityTables
@testable import IntegrityIndicators
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// `AchievementReport(observations:)` takes the Action Plan's directions by default, as
/// the command line does: target 1-1-1 is a milestone in the plan's text (承諾 to pass a
/// bill), so 0 of 1 is "not done", not a count ratio of 0; measure 8-8 mixes directions,
/// and a name that does not single one target out is an error at its row.
@Suite struct CatalogDirectionDefaultTests {
  @Test func planDirectionIsTheDefault() throws {
    let rows = try AchievementReport(observations: [
      Observation(indicator: "1-1-1", agency: "法務部", period: Period(year: 2023), value: DecimalNumber(0), target: DecimalNumber(1), line: 2)
    ]).rows
    #expect(rows.count == 1)
    #expect(rows.first?.direction == .milestone)
    #expect(rows.first?.ratio == nil)
    #expect(rows.first?.status == .behind)
    // Without the catalog (the caller says so), the count rule.
    let plain = try AchievementReport(
      observations: [Observation(indicator: "1-1-1", agency: "法務部", period: Period(year: 2023), value: DecimalNumber(0), target: DecimalNumber(1), line: 2)],
      catalogDirection: { _ in nil }
    ).rows
    #expect(plain.first?.direction == .increase)
    #expect(plain.first?.ratio == 0)
  }

  @Test func ambiguousMeasureIsAnErrorAtItsRow() {
    #expect {
      _ = try AchievementReport(
        observations: [Observation(indicator: "8-8 檢舉", agency: "法務部", period: Period(year: 2023), value: DecimalNumber(0), target: DecimalNumber(0), line: 7)],
        source: AggregationSource(file: "a.csv"))
    } throws: { error in
      guard let error = error as? DataError else { return false }
      return error.file == "a.csv" && error.line == 7 && error.message.contains("8-8-1") && error.message.contains("8-8-2")
    }
  }
}
