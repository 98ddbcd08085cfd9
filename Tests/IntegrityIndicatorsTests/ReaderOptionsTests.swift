import Testing
import IntegrityTables
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// Options and conventions of DESIGN.md §5, one hand-worked case each.
@Suite struct ReaderOptionsTests {
  func read(_ text: String, _ options: ObservationReadOptions = ObservationReadOptions()) throws -> ObservationSet {
    // As the commands read: office names by the plan's rule (`ProsecutorsOffice.canonicalName`).
    try ObservationReader.read(bytes: Array(text.utf8), source: "o.csv", options: options.officesCanonical)
  }

  @Test func headerRowOption() throws {
    // Two title lines that name no columns; --header-row 3 points at the header.
    var options = ObservationReadOptions()
    options.table.headerRow = 3
    let set = try read("表一\n說明文字,x\n年,起訴件數\n112,9\n", ObservationReadOptions(
      table: options.table, columnMap: ["value": "起訴件數"]))
    #expect(set.observations.map(\.value) == [DecimalNumber(9)])
    #expect(set.observations[0].line == 4)
  }

  @Test func headerRowOnNoRowIsAnError() {
    var options = ObservationReadOptions()
    options.table.headerRow = 9
    #expect(
      throws: DataError(file: "o.csv", line: 9, column: 0, message: "no row starts on that line", remedy: .headerRow(9))
    ) {
      try read("年度,件數\n112,1\n", options)
    }
  }

  @Test func forcedDelimiter() throws {
    var options = ObservationReadOptions()
    options.table.delimiter = UInt8(ascii: ";")
    // With ';' forced, "1,5" is one cell of column 2, and a comma group of one digit is no number.
    #expect(
      throws: DataError(
        file: "o.csv", line: 2, column: 2, columnName: "件數",
        message: "expected a number (such as 1,234, 12.5%, －, … or NA)", found: "1,5")
    ) {
      try read("年度;件數\n112;1,5\n", options)
    }
    let tab = try read("年度\t件數\n112\t\"1,500\"\n")  // tab detected
    #expect(tab.observations[0].value == DecimalNumber(1500))
  }

  @Test func mappedHeaderWinsOverAlias() throws {
    // 件數 is an alias of value, but --columns value=起訴件數 names the column to use.
    let set = try read("年度,件數,起訴件數\n112,1,2\n", ObservationReadOptions(columnMap: ["value": "起訴件數"]))
    #expect(set.observations[0].value == DecimalNumber(2))
  }

  @Test(arguments: [
    ("金額(元)", "3", Int64(3), Int32(0)),
    ("金額(千元)", "3", 3, 3),  // 3 × 10³
    ("金額（萬元）", "3", 3, 4),  // 3 × 10⁴
    ("金額(百萬元)", "1.25", 125, 4),  // 1.25 × 10⁶ = 125 × 10⁴
    ("金額(億元)", "0.5", 5, 7),  // 0.5 × 10⁸ = 5 × 10⁷
    ("金額(新臺幣千元)", "\"1,234.5\"", 12345, 2),  // 1234.5 × 10³ = 12345 × 10²
  ])
  func headerUnits(_ c: (String, String, Int64, Int32)) throws {
    let set = try read("年度,\(c.0)\n112,\(c.1)\n")
    #expect(set.observations[0].value == DecimalNumber(significand: c.2, exponent: c.3))
    #expect(set.observations[0].unit == "元")
  }

  @Test func unitColumnScalesEachRow() throws {
    let set = try read("年度,數值,單位\n112,2,千元\n113,2,萬元\n114,2,件\n")
    #expect(set.observations.map(\.value) == [DecimalNumber(2000), DecimalNumber(20000), DecimalNumber(2)])
    #expect(set.observations.map(\.unit) == ["元", "元", "件"])
  }

  @Test func directionsAndMilestones() throws {
    let set = try read("年度,實際值,方向\n112,完成,里程碑\n113,未完成,milestone\n114,3,越低越好\n115,0,零發生\n116,5,↑\n")
    #expect(set.observations.map(\.direction) == [.milestone, .milestone, .decrease, .zero, .increase])
    #expect(set.observations.map(\.value) == [DecimalNumber(1), DecimalNumber(0), DecimalNumber(3), .zero, DecimalNumber(5)])
  }

  @Test func badDirectionIsNamed() {
    #expect(
      throws: DataError(
        file: "o.csv", line: 2, column: 3, columnName: "方向",
        message: "expected a direction (increase, decrease, zero, milestone, 正向, 負向, 零發生, 里程碑)", found: "sideways")
    ) {
      try read("年度,實際值,方向\n112,1,sideways\n")
    }
  }

  @Test func revisedAndAccountingFigures() throws {
    let set = try read("年度,實際值,目標值\n112,\"1,234r\",\"(1,000)\"\n")
    #expect(set.observations[0].value == DecimalNumber(1234))
    #expect(set.observations[0].revised)
    #expect(set.observations[0].target == DecimalNumber(-1000))
  }

  @Test func wideQuarterHeadersAndIdentifiers() throws {
    let set = try read(
      "機關,112年第1季,112年第2季\n北檢,3,4\n中檢,…,1\n", ObservationReadOptions(wide: true))
    #expect(set.observations.map(\.period) == [
      Period(year: 2023, quarter: 1), Period(year: 2023, quarter: 2),
      Period(year: 2023, quarter: 1), Period(year: 2023, quarter: 2),
    ])
    #expect(set.observations.map(\.agency) == ["臺灣臺北地方檢察署", "臺灣臺北地方檢察署", "臺灣臺中地方檢察署", "臺灣臺中地方檢察署"])
    #expect(set.observations.map(\.value) == [DecimalNumber(3), DecimalNumber(4), nil, DecimalNumber(1)])
    #expect(set.columnsPresent.contains(.quarter))
  }

  @Test func wideWithoutPeriodHeadersIsAnError() {
    #expect(throws: DataError.self) { try read("機關,件數\n北檢,3\n", ObservationReadOptions(wide: true)) }
  }

  @Test func unknownColumnMapHeaderIsNamed() {
    #expect(
      throws: DataError(
        file: "o.csv", line: 1, column: 0,
        message: "the header has no column \"起訴件數\" (it has: 年度, 件數)",
        remedy: .correctColumnMap(canonical: "value", header: "起訴件數"))
    ) {
      try read("年度,件數\n112,1\n", ObservationReadOptions(columnMap: ["value": "起訴件數"]))
    }
  }

  @Test func columnMapParsing() throws {
    #expect(try ObservationReadOptions.parseColumnMap(["value=起訴件數,year=年度", "n=樣本數"])
      == ["value": "起訴件數", "year": "年度", "n": "樣本數"])
    #expect(throws: ColumnMapError.missingEquals(entry: "value")) {
      try ObservationReadOptions.parseColumnMap(["value"])
    }
    #expect(throws: ColumnMapError.unknownColumn(name: "valu", allowed: CanonicalColumn.allCases.map(\.rawValue))) {
      try ObservationReadOptions.parseColumnMap(["valu=件數"])
    }
    // The library names no flag; the command line adds it.
    #expect(ColumnMapError.missingEquals(entry: "value").description == "expected CANONICAL=HEADER, found \"value\"")
  }
}

@Suite struct ReaderRaggedRowTests {
  @Test func extraNonEmptyCellIsRejectedNotDropped() throws {
    let text = "年度,件數\n112,1,\n113,2,extra\n"
    // A trailing empty cell (Excel's "1,") is fine; a non-empty one beyond the header is not.
    #expect(
      throws: DataError(file: "r.csv", line: 3, column: 3, message: "row has 3 fields but the header has 2", found: "extra")
    ) {
      try ObservationReader.read(bytes: Array(text.utf8), source: "r.csv")
    }
    let set = try ObservationReader.read(
      bytes: Array(text.utf8), source: "r.csv", options: ObservationReadOptions(skipBadRows: true))
    #expect(set.rowsRead == 2)
    #expect(set.rejected.map(\.line) == [3])
  }
}

@Suite struct ReaderBlankRowTests {
  @Test func rowsOfOnlySpacesAreSkippedAndNoted() throws {
    // DGBAS exports end with `" "` lines; they are neither data nor footnotes.
    let set = try ObservationReader.read(
      bytes: Array("年度,件數\n112,1\n\" \",\" \"\n113,2\n".utf8), source: "b.csv")
    #expect(set.rowsRead == 2)
    #expect(set.observations.map(\.line) == [2, 4])
    #expect(set.notes.contains("b.csv: 1 row(s) of only spaces skipped"))
  }
}
