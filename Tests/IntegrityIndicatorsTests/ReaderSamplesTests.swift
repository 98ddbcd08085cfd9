import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// Real agency files read as observations with the options a user would give; the
/// expected figures are the cells as written in each file (ROC year + 1911).
@Suite struct ReaderSamplesTests {
  func sample(_ name: String) -> String { referencePath("agency-csv-samples/\(name)") }

  @Test func prosecutionSeriesWithMissingSymbolAndCommaRows() throws {
    // visualjusticetw 貪污罪: 民國 column, 缺 for missing, trailing ",,,," rows.
    let set = try ObservationReader.read(
      path: sample("visualjusticetw_prosecution_貪污罪_utf8.csv"),
      options: ObservationReadOptions(columnMap: ["value": "緩刑人數"]))
    #expect(set.observations[0].period.year == 1986)  // 民國75
    #expect(set.observations[0].value == nil)  // 缺
    #expect(set.observations[1].period.year == 1987)
    #expect(set.observations[1].value == DecimalNumber(167))
    #expect(set.rowsRead == set.observations.count)
    #expect(set.notes.contains { $0.text.hasSuffix("row(s) of empty cells skipped") })
  }

  @Test func policeSeriesWithEmptyCells() throws {
    let set = try ObservationReader.read(
      path: sample("visualjusticetw_police_竊盜案件_utf8_head8.csv"),
      options: ObservationReadOptions(columnMap: ["value": "合計發生件數"]))
    #expect(set.observations.map(\.period.year) == Array(1998...2004))
    #expect(set.observations[0].value == nil)
    #expect(set.observations[1].value == DecimalNumber(272_355))  // 民國88
  }

  @Test func nhiRocQuartersAndPaddedNames() throws {
    let set = try ObservationReader.read(
      path: sample("nhi_DataGov25511_big5_head30.csv"),
      options: ObservationReadOptions(columnMap: ["year": "YEARYY", "value": "CODE2", "agency": "HOSPNAME"]))
    #expect(set.observations.count == 30)
    #expect(set.observations[0].period == Period(year: 2011, quarter: 1))  // 100Q1
    #expect(set.observations[0].agency == "三軍總醫院松山分院附設民眾診療服務處")  // trailing spaces trimmed
    #expect(set.observations[0].value == DecimalNumber(45))
  }

  @Test func moiRocYearMonths() throws {
    let set = try ObservationReader.read(
      path: sample("moi_lvr_A_LVR_LAND_A_big5_head30.csv"),
      options: ObservationReadOptions(columnMap: ["year": "交易年月", "value": "總價元", "agency": "鄉鎮市區"]))
    #expect(set.observations[0].period == Period(year: 2015, month: 7))  // 10407
    #expect(set.observations[1].period == Period(year: 2015, month: 6))  // 10406
    #expect(set.observations[0].value == DecimalNumber(9_600_000))
    #expect(set.observations[0].agency == "文山區")
  }

  @Test func taipeiTaxHasNoYearColumn() {
    // The year (101) is only in the title; the reader says so instead of guessing.
    let path = sample("taipei_tax_101_utf8_head30.csv")
    #expect(
      throws: DataError(
        file: path, line: 2, column: 0,
        message: "expected a year or period column (年度, 年, 期間, …) (the header has: 鄉鎮市區, 村里, 納稅單位, 綜合所得總額, 平均數, 中位數, 第一分位數, 第三分位數, 標準差, 變異係數)",
        remedy: .mapColumn(canonical: "year"))
    ) {
      try ObservationReader.read(path: path, options: ObservationReadOptions(columnMap: ["value": "綜合所得總額"]))
    }
  }

  @Test(arguments: [false, true])
  func dgbasPeriodGroupRowsAreNamedAtTheirLine(wide: Bool) {
    // Title, blank line, a 3-row header, then each year as a row of its own ("2007" at
    // line 5) above its figures: neither a period column nor period headers. The error
    // names the group row, not "no period column" at the title (which no --columns fixes).
    let path = sample("dgbas_NA8103A1Ac_big5_full.csv")
    #expect(
      throws: DataError(
        file: path, line: 5, column: 1,
        message: "this row holds only the period \"2007\": the table gives each period as a row of its own above "
          + "its figures (as DGBAS's PX-Web exports do), which is not read; give the periods a column of their own "
          + "(one row per label and period) or a header of their own (--wide)")
    ) {
      try ObservationReader.read(path: path, options: ObservationReadOptions(wide: wide))
    }
  }

  /// The same shape, small: a header with no period column, then group rows.
  @Test func periodGroupRowUnderAHeader() {
    let text = "項目,金額\n112年\n甲,5\n乙,6\n113年\n甲,7\n"
    #expect(
      throws: DataError(
        file: "<memory>", line: 2, column: 1,
        message: "this row holds only the period \"112年\": the table gives each period as a row of its own above "
          + "its figures (as DGBAS's PX-Web exports do), which is not read; give the periods a column of their own "
          + "(one row per label and period) or a header of their own (--wide)")
    ) {
      try ObservationReader.read(bytes: Array(text.utf8), source: "<memory>")
    }
    // A header without periods and no group rows keeps the usual error.
    #expect(throws: DataError.self) {
      try ObservationReader.read(bytes: Array("項目,金額\n甲,5\n".utf8), source: "<memory>")
    }
  }
}
