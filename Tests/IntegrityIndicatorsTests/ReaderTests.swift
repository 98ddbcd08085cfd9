import Testing
import IntegrityTables
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

@Suite struct ReaderTests {
  func read(_ text: String, _ options: ObservationReadOptions = ObservationReadOptions()) throws -> ObservationSet {
    // As the commands read: office names by the plan's rule (`ProsecutorsOffice.canonicalName`).
    try ObservationReader.read(bytes: Array(text.utf8), source: "a.csv", options: options.officesCanonical)
  }

  /// The reader alone knows no plan: agency names stay as written (trimmed) unless
  /// `agencyName` says otherwise.
  @Test func agencyNamesAsWrittenWithoutARule() throws {
    let text = "機關,年度,實際值\n 北檢 ,112,1\n臺北地檢署,112,2\n"
    let bare = try ObservationReader.read(bytes: Array(text.utf8), source: "a.csv")
    #expect(bare.observations.map(\.agency) == ["北檢", "臺北地檢署"])
    let upper = try ObservationReader.read(
      bytes: Array(text.utf8), source: "a.csv", options: ObservationReadOptions(agencyName: { $0 + "!" }))
    #expect(upper.observations.map(\.agency) == ["北檢!", "臺北地檢署!"])
    #expect(try read(text).observations.map(\.agency) == ["臺灣臺北地方檢察署", "臺灣臺北地方檢察署"])
  }

  @Test func aliasesUnitsAndSymbols() throws {
    // 目標值(千元): 5 千元 = 5 × 10³ 元; the unit column says 件 for the value only.
    let set = try read("指標,機關,年度,季別,實際值,目標值(千元),單位\n查扣,北檢,112,第3季,\"1,234\",5,件\n查扣,北檢,112年,Q4,－,…,\n")
    #expect(set.observations.count == 2)
    let a = set.observations[0]
    #expect(a.indicator == "查扣")
    #expect(a.agency == "臺灣臺北地方檢察署")  // the office under its canonical name
    #expect(a.period == Period(year: 2023, quarter: 3))
    #expect(a.value == DecimalNumber(1234))
    #expect(a.target == DecimalNumber(5000))
    #expect(a.unit == "件")
    #expect(a.line == 2)
    #expect(set.observations[1].value == .zero)  // － = none = 0
    #expect(set.observations[1].target == nil)  // … = not available
    #expect(set.columnsPresent == [.indicator, .agency, .year, .quarter, .value, .target, .unit])
  }

  @Test func dashMissingOption() throws {
    let set = try read("年度,件數\n112,－\n", ObservationReadOptions(dashMeansMissing: true))
    #expect(set.observations[0].value == nil)
  }

  @Test func headerUnitScalesByExponent() throws {
    // 1,234.5 萬元 = 12345 × 10^(−1+4) = 12,345,000 元.
    let set = try read("年度,金額（萬元）\n112,\"1,234.5\"\n")
    #expect(set.observations[0].value == DecimalNumber(12_345_000))
    #expect(set.observations[0].unit == "元")
  }

  @Test func columnMap() throws {
    let options = ObservationReadOptions(columnMap: ["value": "起訴件數", "year": "年"])
    let set = try read("年,起訴件數\n111,7\n", options)
    #expect(set.observations[0].period.year == 2022)
    #expect(set.observations[0].value == DecimalNumber(7))
  }

  @Test func titleLinesAndFootnotes() throws {
    let text = "機關別起訴件數統計表\n單位：件\n年度,機關,件數\n112,北檢,3\n113,北檢,4\n註：「－」表示無資料\n資料來源：法務部\n"
    let set = try read(text)
    #expect(set.rowsRead == 2)
    #expect(set.observations.map(\.line) == [4, 5])
    #expect(set.notes.contains("a.csv:6: footnote, not read as data: 註：「－」表示無資料"))
    #expect(set.notes.contains("a.csv:7: footnote, not read as data: 資料來源：法務部"))
    #expect(set.warnings == [
      Notice("a.csv:6: a footnote defines \"－\" as no data, but dashes are read as zero", remedy: .dashAsMissing)
    ])
    #expect(
      set.warnings[0].description
        == "a.csv:6: a footnote defines \"－\" as no data, but dashes are read as zero; set `ObservationReadOptions.dashMeansMissing` if it applies to this table")
    #expect(set.observations[0].unit == "件")
  }

  @Test func badCellStopsWithLocation() {
    #expect(
      throws: DataError(
        file: "a.csv", line: 3, column: 2, columnName: "件數",
        message: "expected a number (such as 1,234, 12.5%, －, … or NA)", found: "abc")
    ) {
      try read("年度,件數\n112,1\n113,abc\n")
    }
  }

  @Test func skipBadRowsAccountsForEveryRow() throws {
    let set = try read("年度,件數\n112,1\nxx,2\n113,abc\n114,4\n", ObservationReadOptions(skipBadRows: true))
    #expect(set.rowsRead == 4)
    #expect(set.rejected.map(\.line) == [3, 4])
    #expect(set.rejected[0].text == "xx,2")
    #expect(set.rowsUsed == 2)
    #expect(set.rowsRead == set.rowsUsed + set.rejected.count)
    #expect(set.summary == "read 4 rows: used 2, rejected 2")
  }

  @Test func wideTableMelts() throws {
    let set = try read("項目,107年,108年,109年\n起訴件數,\"1,200\",－,…\n", ObservationReadOptions(wide: true))
    #expect(set.observations.map(\.period.year) == [2018, 2019, 2020])
    #expect(set.observations.map(\.value) == [DecimalNumber(1200), .zero, nil])
    #expect(set.observations.allSatisfy { $0.indicator == "起訴件數" })
    #expect(set.rowsRead == 1)
  }

  @Test func missingYearColumnIsNamed() {
    #expect(throws: DataError.self) { try read("機關,件數\n北檢,1\n") }
  }
}

/// Count units with a Chinese multiplier are scaled like money units; units that cannot
/// be applied (a bare multiplier, an English multiplier word, an unknown money unit) are
/// errors at their cell or header, never passed through unscaled.
@Suite struct UnitMultiplierTests {
  func read(_ text: String) throws -> ObservationSet {
    try ObservationReader.read(bytes: Array(text.utf8), source: "u.csv")
  }

  @Test(arguments: [
    ("千件", "件", 1_500), ("萬人次", "人次", 15_000), ("百萬人", "人", 1_500_000), ("千 件", "件", 1_500),
    ("十萬件", "件", 150_000), ("億元", "元", 150_000_000),
  ] as [(String, String, Int)])
  func multipliedCountsAreScaled(unit: String, base: String, value: Int) throws {
    let set = try read("indicator,year,value,unit\nA,2020,1.5,\(unit)\n")
    #expect(set.observations[0].value == DecimalNumber(value))
    #expect(set.observations[0].unit == base)
  }

  @Test(arguments: ["件", "公斤", "%", "千分比", "萬分之一"])
  func otherUnitsAreKeptAsWritten(unit: String) throws {
    let set = try read("indicator,year,value,unit\nA,2020,1.5,\(unit)\n")
    #expect(set.observations[0].value == DecimalNumber(significand: 15, exponent: -1))
    #expect(set.observations[0].unit == unit)
  }

  @Test(arguments: ["千", "億", "thousand", "NT$ million", "千美元", "十億元"])
  func unreadableUnitsAreErrorsAtTheirCell(unit: String) throws {
    let error = try #require(throws: DataError.self) { try read("indicator,year,value,unit\nA,2020,1.5,\(unit)\n") }
    #expect(error.line == 2)
    #expect(error.column == 4)
    #expect(error.found == unit)
    #expect(error.message.hasPrefix("expected a unit"))
  }

  @Test func unreadableHeaderUnitNamesTheHeader() throws {
    let error = try #require(throws: DataError.self) { try read("indicator,year,value(千),target\nA,2020,1.5,1000\n") }
    #expect(error.line == 1)
    #expect(error.column == 3)
    #expect(error.columnName == "value(千)")
  }

  @Test func valueHeaderUnitWithoutTargetUnitIsAWarningNamingBoth() throws {
    let set = try read("indicator,year,value(千件),target\nA,2020,1.5,1000\n")
    #expect(set.observations[0].value == DecimalNumber(1_500))
    #expect(set.warnings.contains { $0.text.contains("\"value(千件)\" gives ×10^3 件") && $0.text.contains("\"target\" gives no unit") })
  }
}

/// The header search counts distinct canonical columns: a data row whose cells spell the
/// same column twice (NHI's open data writes `n` for "no" in two columns) is not taken for
/// the header, and the error about a header without a period column names line 1.
@Suite struct HeaderSearchTests {
  @Test func aRepeatedColumnNameInADataRowIsNotAHeader() throws {
    let rows = (2...6).map { "100Q1,350111\($0),診所,44.00,\($0 == 5 ? "n,n" : "n,")" }
    let text = "YEARYY,HOSPID,SPECIALNAME,CODE2,CODE10,CODE11\n" + rows.joined(separator: "\n") + "\n"
    let error = try #require(throws: DataError.self) {
      try ObservationReader.read(bytes: Array(text.utf8), source: "nhi.csv")
    }
    #expect(error.line == 1)
    #expect(error.message.hasPrefix("expected a year or period column"))
    #expect(error.message.contains("YEARYY"))
  }

  /// Taipei's tax table: a title line with its unit, then a header of columns we do not
  /// know: the error shows that header (line 2), not the title.
  @Test func withoutAKnownHeaderTheErrorShowsTheRowMostLikeOne() throws {
    let text = "101年度綜稅所得總額統計分析表-縣市別：臺北市,單位：金額(千元),,,\n鄉鎮市區,村里,納稅單位,綜合所得總額,平均數\n"
      + "松山區,中崙里,1427,1782134,1249\n松山區,自強里,3106,3928427,1265\n"
    let error = try #require(throws: DataError.self) {
      try ObservationReader.read(bytes: Array(text.utf8), source: "tax.csv")
    }
    #expect(error.line == 2)
    #expect(error.message.contains("鄉鎮市區, 村里, 納稅單位"))
  }

  @Test func twoDistinctColumnsStillMakeTheHeader() throws {
    let set = try ObservationReader.read(bytes: Array("表一\n年度,件數,件數\n112,3,4\n".utf8), source: "t.csv")
    #expect(set.observations.first?.period.year == 2023)
    #expect(set.notes.contains { $0.text.contains("title line before the header") })
  }
}

/// A title's unit (單位：千元) scales the table's amounts, not its rates: a row named as a
/// rate or share keeps its figure as written, without a unit, and a note says so once.
@Suite struct TitleUnitRateTests {
  @Test func ratesAreNotScaledByTheTitleUnit() throws {
    let text = "預算執行表\n單位:千元\n項目,111,112\n預算數,\"1,000\",\"1,200\"\n執行率,95.3,97.1\n效率獎金,5,6\n"
    let set = try ObservationReader.read(bytes: Array(text.utf8), source: "r.csv", options: ObservationReadOptions(wide: true))
    let byName = Dictionary(grouping: set.observations, by: { $0.indicator ?? "" })
    #expect(byName["預算數"]?.map(\.value) == [DecimalNumber(1_000_000), DecimalNumber(1_200_000)])
    #expect(byName["執行率"]?.map(\.value) == [DecimalNumber(significand: 953, exponent: -1), DecimalNumber(significand: 971, exponent: -1)])
    #expect(byName["執行率"]?.allSatisfy { $0.unit == nil } == true)
    #expect(byName["效率獎金"]?.map(\.value) == [DecimalNumber(5_000), DecimalNumber(6_000)])  // a bonus, not a rate
    #expect(set.notes.filter { $0.text.contains("\"執行率\" is a rate") }.count == 1)
  }

  /// A title whose unit is itself a rate's (單位：%) applies to rate rows as to any row.
  @Test func aPercentTitleStillAppliesToRates() throws {
    let text = "定罪率統計\n單位:%\n項目,111,112\n定罪率,95.3,97.1\n"
    let set = try ObservationReader.read(bytes: Array(text.utf8), source: "p.csv", options: ObservationReadOptions(wide: true))
    #expect(set.observations.map(\.unit) == ["%", "%"])
    #expect(!set.notes.contains { $0.text.contains("is a rate") })
  }

  @Test(arguments: [
    ("犯罪率", true), ("終結比率", true), ("女性比例", true), ("百分比", true), ("執行率(%)", true), ("達成％", true),
    ("效率獎金", false), ("起訴件數", false), ("率先", false),
  ])
  func rateNames(name: String, isRate: Bool) {
    #expect(ObservationBlockParser.isRate(name) == isRate)
  }
}

/// `--wide` with the periods down a column (MOJ's statistics tables, one column per
/// series): each other column is an indicator named by its header; its header unit, else
/// the title's (not for a rate), scales it. The header is found although data rows hold
/// numbers that read as ROC years (181 → 2092).
@Suite struct PeriodsDownAColumnTests {
  static let text = """
    地方檢察署辦理案件偵查終結人數
    ,,,,單位:人
    年月別,起訴,緩起訴處分,查扣金額(千元),起訴率
    109年,"1,740",181,"1,200",35.8
    110年,"1,748",148,-,36.9
    說明:(1)性侵害犯罪係指觸犯刑法妨害性自主罪
    """ + "\n"

  func read(_ text: String) throws -> ObservationSet {
    try ObservationReader.read(bytes: Array(text.utf8), source: "moj.csv", options: ObservationReadOptions(wide: true))
  }

  @Test func eachColumnIsAnIndicator() throws {
    let set = try read(Self.text)
    #expect(set.rowsRead == 2)
    #expect(set.observations.count == 8)
    let first = set.observations.prefix(4)
    #expect(first.map(\.indicator) == ["起訴", "緩起訴處分", "查扣金額", "起訴率"])
    #expect(first.map(\.period.year) == [2020, 2020, 2020, 2020])
    #expect(first.map(\.value) == [DecimalNumber(1_740), DecimalNumber(181), DecimalNumber(1_200_000), DecimalNumber(significand: 358, exponent: -1)])
    #expect(first.map(\.unit) == ["人", "人", "元", nil])
    #expect(set.observations[6].value == DecimalNumber(0))  // "-" is none
    #expect(set.columnsPresent.contains(.indicator))
    #expect(set.notes.contains { $0.text.contains("periods run down column \"年月別\"") })
    #expect(set.notes.contains { $0.text.contains("\"起訴率\" is a rate") })
    #expect(set.notes.contains { $0.text.contains("footnote, not read as data") })
  }

  @Test func withoutAPeriodColumnItIsStillRefused() throws {
    let error = try #require(throws: DataError.self) { try read("機關,件數\n北檢,3\n") }
    #expect(error.message.hasPrefix("expected period headers"))
  }

  @Test func anUnreadableColumnUnitIsAnErrorAtItsHeader() throws {
    let error = try #require(throws: DataError.self) { try read("年度,起訴(千),不起訴\n109,1,2\n") }
    #expect(error.line == 1)
    #expect(error.column == 2)
    #expect(error.columnName == "起訴(千)")
  }
}

/// Footnote marks in headers and row labels (`(註1)`, `（註）`, `(*)`) are not units and
/// not part of names; a wide table's corner header can state the table's unit.
@Suite struct HeaderMarksAndCornerUnitTests {
  @Test(arguments: [
    ("數值(註)", "數值", nil as String?), ("金額(千元)(註2)", "金額", "千元"), ("件數(*)", "件數", nil),
    ("件數(人)", "件數", "人"), ("起訴件數（註1）", "起訴件數", nil), ("人數(note 3)", "人數", nil),
  ])
  func footnoteMarksAreDropped(header: String, base: String, unit: String?) {
    let split = CanonicalColumn.splitUnitSuffix(header)
    #expect(split.base == base)
    #expect(split.unit == unit)
  }

  @Test func rowLabelsLoseTheirMarks() throws {
    let text = "項目,111年度,112年度\n起訴件數(註1),10,20\n起訴件數（註2）,1,2\n"
    let set = try ObservationReader.read(bytes: Array(text.utf8), source: "w.csv", options: ObservationReadOptions(wide: true))
    #expect(Set(set.observations.map(\.indicator)) == ["起訴件數"])
  }

  @Test func theCornerHeaderStatesTheTableUnit() throws {
    let text = "項目／年度(千元),111,112\n預算數,5,6\n執行率,95.1,96\n"
    let set = try ObservationReader.read(bytes: Array(text.utf8), source: "w.csv", options: ObservationReadOptions(wide: true))
    #expect(set.observations.map(\.value) == [
      DecimalNumber(5_000), DecimalNumber(6_000), DecimalNumber(significand: 951, exponent: -1), DecimalNumber(96),
    ])
    #expect(set.observations.map(\.unit) == ["元", "元", nil, nil])
    #expect(set.notes.contains { $0.text.contains("from the corner header applies to the figures") })
  }
}
