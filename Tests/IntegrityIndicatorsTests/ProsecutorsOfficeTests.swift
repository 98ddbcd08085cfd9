import Testing
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

@Suite struct ProsecutorsOfficeTests {
  @Test func twentyTwoOfficesInTheMinistrysOrder() {
    #expect(ProsecutorsOffice.all.count == 22)
    #expect(ProsecutorsOffice.all.map(\.place) == [
      "臺北", "新北", "士林", "桃園", "新竹", "苗栗", "臺中", "南投", "彰化", "雲林", "嘉義",
      "臺南", "橋頭", "高雄", "屏東", "臺東", "花蓮", "宜蘭", "基隆", "澎湖", "金門", "連江",
    ])
    #expect(Set(ProsecutorsOffice.all.map(\.name)).count == 22)
  }

  @Test(arguments: [
    "臺灣臺北地方檢察署", "台灣台北地方檢察署", "臺北地方檢察署", "臺北地檢署", "台北地檢署", "臺北地檢",
    "台北地檢", "臺北", "台北", " 臺北 ", "臺 北", "北檢", "臺灣臺北地方法院檢察署", "臺北檢察署",
  ])
  func taipeiSpellings(_ text: String) {
    #expect(ProsecutorsOffice(recognizing: text)?.name == "臺灣臺北地方檢察署")
  }

  @Test func islandsAreFujian() {
    #expect(ProsecutorsOffice(recognizing: "金門地檢署")?.name == "福建金門地方檢察署")
    #expect(ProsecutorsOffice(recognizing: "福建連江地方檢察署")?.name == "福建連江地方檢察署")
    #expect(ProsecutorsOffice(recognizing: "連江")?.shortName == "連江地檢署")
  }

  @Test func everyOfficeRoundTripsItsSpellings() {
    for office in ProsecutorsOffice.all {
      let taiPlace = String(office.place.map { $0 == "臺" ? "台" : $0 })
      for text in [office.name, office.shortName, office.place, taiPlace + "地檢", office.abbreviation] {
        #expect(ProsecutorsOffice(recognizing: text) == office, "\(text)")
      }
    }
  }

  @Test func notAnOffice() {
    #expect(ProsecutorsOffice(recognizing: "法務部") == nil)
    #expect(ProsecutorsOffice(recognizing: "臺灣高等檢察署") == nil)
    #expect(ProsecutorsOffice(recognizing: "") == nil)
    #expect(ProsecutorsOffice.canonicalName(" 法務部 ") == "法務部")
    // 板橋 was renamed 新北 in 2013.
    #expect(ProsecutorsOffice(recognizing: "臺灣板橋地方法院檢察署")?.place == "新北")
  }

  /// Agency codes (ASCII) are never offices: trimmed of the same white space as any name.
  @Test func asciiNamesAreTrimmedOnly() {
    #expect(ProsecutorsOffice.canonicalName("AG-0001") == "AG-0001")
    #expect(ProsecutorsOffice.canonicalName(" \tA01 B\r\n") == "A01 B")
    #expect(ProsecutorsOffice.canonicalName(" \t ") == "")
    #expect(ProsecutorsOffice.canonicalName("") == "")
    #expect(ProsecutorsOffice.canonicalName("\u{3000}A01\u{00A0}") == "A01")
    #expect(ProsecutorsOffice.canonicalName(" 台北 ") == "臺灣臺北地方檢察署")
  }
}
