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
  ])
  func recognizesHeaders(header: String, column: CanonicalColumn, unit: String?) {
    let found = CanonicalColumn.recognizing(header)
    #expect(found?.column == column)
    #expect(found?.unit == unit)
  }

  @Test func unknownHeaderIsNotRecognized() {
    #expect(CanonicalColumn.recognizing("備註") == nil)
  }
}
