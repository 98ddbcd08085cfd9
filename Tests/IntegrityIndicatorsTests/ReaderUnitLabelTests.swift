import Testing
import IntegrityIndicators
import IntegrityTables
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// Wide tables label their rows with the unit (`查扣不法所得金額(千元)`); the figures are then
/// scaled to base units (DESIGN.md §5: outputs carry values in 元) and the indicator is
/// named without the unit.
@Suite struct ReaderUnitLabelTests {
  func read(_ text: String, wide: Bool) throws -> ObservationSet {
    var options = ObservationReadOptions()
    options.wide = wide
    return try ObservationReader.read(bytes: Array(text.utf8), source: "t.csv", options: options)
  }

  /// 1,453 千元 = 1,453 × 10³ 元 = 1,453,000 元; 385 件 stays 385 with no unit.
  @Test func wideRowLabelCarriesTheUnit() throws {
    let set = try read("項目,103年,104年\n起訴貪瀆案件數,385,363\n查扣不法所得金額(千元),\"1,453\",732\n", wide: true)
    let seized = set.observations.filter { $0.indicator == "查扣不法所得金額" }
    #expect(seized.map(\.value) == [DecimalNumber(1_453_000), DecimalNumber(732_000)])
    #expect(seized.allSatisfy { $0.unit == "元" })
    let cases = set.observations.filter { $0.indicator == "起訴貪瀆案件數" }
    #expect(cases.map(\.value) == [DecimalNumber(385), DecimalNumber(363)])
    #expect(cases.allSatisfy { $0.unit == nil })
  }

  /// A unit column wins over the label: 2 萬元 = 20,000 元.
  @Test func unitColumnTakesPrecedence() throws {
    let set = try read("指標,年度,實際值,單位\n金額(千元),112,2,萬元\n", wide: false)
    #expect(set.observations.first?.value == DecimalNumber(20_000))
    #expect(set.observations.first?.indicator == "金額(千元)")
  }
}
