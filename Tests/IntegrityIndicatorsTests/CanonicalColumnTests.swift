import Testing
import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

@Suite struct CanonicalColumnTests {
  /// DESIGN.md §5 aliases, plus 百分比 (which also says the unit) and count.
  @Test(arguments: [
    ("實際值", CanonicalColumn.value, nil as String?), ("件數", .value, nil), ("金額(千元)", .value, "千元"),
    ("金額（萬元）", .value, "萬元"), ("百分比", .value, "%"), ("count", .value, nil), ("年度", .year, nil),
    ("季別", .quarter, nil), ("地檢署", .agency, nil), ("樣本數", .n, nil), ("指標方向", .direction, nil),
    // Open-data long tables (高雄市 各項稅捐徵課費用: 資料年度,統計項目,稅目別,資料單位,值).
    ("資料年度", .year, nil), ("統計項目", .indicator, nil), ("資料單位", .unit, nil), ("值", .value, nil),
    ("機關別", .agency, nil), ("統計期間", .period, nil), ("年月別", .period, nil),  // MOJ tables: 109年, 112年7月
    ("年 月 別", .period, nil), ("件 數", .value, nil), ("金 額(千元)", .value, "千元"),  // spaced-out heads
  ])
  func recognizesHeaders(header: String, column: CanonicalColumn, unit: String?) {
    let found = CanonicalColumn.recognizing(header)
    #expect(found?.column == column)
    #expect(found?.unit == unit)
  }

  /// The long open-data table reads with no option: the year, the item as indicator, the
  /// unit column's 千元 applied, the sub-item column noted as not used.
  @Test func openDataLongTableReadsAsIs() throws {
    let text = "資料年度,統計項目,稅目別,資料單位,值\n110,稅捐徵課費用,地價稅,千元,\"12,345\"\n"
    let set = try ObservationReader.read(bytes: Array(text.utf8), source: "kcg.csv")
    #expect(set.observations.first?.period.year == 2021)
    #expect(set.observations.first?.indicator == "稅捐徵課費用")
    #expect(set.observations.first?.value == DecimalNumber(12_345_000))
    #expect(set.observations.first?.unit == "元")
    #expect(set.notes.contains { $0.text.contains("columns not used: 稅目別") })
  }

  /// MOJ's spaced-out column heads match aliases and `--columns` names written without
  /// the spaces.
  @Test func spacedOutHeadsMatchColumnNames() throws {
    let text = "年 月 別,總 計,起 訴\n109年,\"4,865\",\"1,740\"\n"
    let set = try ObservationReader.read(
      bytes: Array(text.utf8), source: "moj.csv", options: ObservationReadOptions(columnMap: ["value": "起訴"]))
    #expect(set.observations.map(\.period.year) == [2020])
    #expect(set.observations.map(\.value) == [DecimalNumber(1_740)])
  }

  @Test func unknownHeaderIsNotRecognized() {
    #expect(CanonicalColumn.recognizing("備註") == nil)
  }
}
