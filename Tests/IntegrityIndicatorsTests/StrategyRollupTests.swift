import Testing
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

@Suite("Roll-up by strategy and measure")
struct StrategyRollupTests {
  static func row(_ indicator: String?, _ agency: String?, _ year: Int, _ status: AchievementStatus, total: Bool = false) -> AchievementRatio {
    AchievementRatio(indicator: indicator, agency: agency, year: year, actual: nil, target: nil, direction: .increase,
                     ratio: nil, status: status, isTotal: total)
  }

  @Test("counts per year, strategy (subtotal) and measure, titles from the catalog, totals left out")
  func counts() {
    let report = AchievementReport(rows: [
      Self.row("8-5 起訴貪瀆案件數", "臺灣臺北地方檢察署", 2024, .achieved),
      Self.row("8-5 起訴貪瀆案件數", "臺灣臺中地方檢察署", 2024, .behind),
      Self.row("8-5 起訴貪瀆案件數", AchievementRatio.totalAgency, 2024, .behind, total: true),
      Self.row("八(三)定罪率", "法務部", 2024, .near),
      Self.row("2-1 宣導場次", "監察院", 2024, .noData),
      Self.row("2-1 宣導場次", "監察院", 2023, .noTarget),
      Self.row("自訂指標", "某機關", 2024, .achieved),
      Self.row(nil, "某機關", 2024, .behind),
      Self.row("8-99 不存在的措施", "某機關", 2024, .achieved),
    ])
    let rollup = StrategyRollup(report: report)
    let keys = rollup.rows.map { "\($0.year) \($0.strategy.map(String.init) ?? "-") \($0.measure.map(String.init) ?? "*")" }
    #expect(keys == ["2023 2 *", "2023 2 1", "2024 2 *", "2024 2 1", "2024 8 *", "2024 8 3", "2024 8 5", "2024 - *"])
    let s8 = rollup.rows[4]
    #expect((s8.targets, s8.achieved, s8.near, s8.behind) == (3, 1, 1, 1))
    #expect(s8.strategyTitle == ActionPlanCatalog.plan.strategy(8)?.name)
    #expect(rollup.rows[6].measureTitle == ActionPlanCatalog.plan.measures.first { $0.id == "8-5" }?.text)
    #expect(rollup.rows[6].measureTitle?.isEmpty == false)
    let other = rollup.rows[7]
    #expect((other.targets, other.achieved, other.behind) == (3, 2, 1))
    #expect(rollup.rows[1].noTarget == 1 && rollup.rows[3].noData == 1)
    // Every non-total row is counted exactly once among the subtotal rows.
    #expect(rollup.rows.filter { $0.measure == nil }.map(\.targets).reduce(0, +) == 8)
  }

  @Test("table header and cells")
  func table() {
    let rollup = StrategyRollup(entries: [StrategyRollup.Entry(indicator: "8-5-1", year: 2024, status: .achieved)])
    let table = rollup.table
    #expect(table.names == StrategyRollup.header)
    #expect(table.rowCount == 2)
    #expect(table.columns[3][1] == .text("8-5"))
    #expect(table.columns[3][0] == .empty)
    #expect(table.columns[6][1] == .integer(1))
  }
}
