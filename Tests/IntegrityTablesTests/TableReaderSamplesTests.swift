import Testing
import TestSupport
@testable import IntegrityTables
@testable import IntegrityDecimal

/// The real government files in Tests/Fixtures/reference/agency-csv-samples (copied from the shared reference folder), read as text
/// tables. Each expected cell is what a person reads in the file (checked by eye
/// against `iconv -f cp950 -t utf-8` / a text editor).
@Suite struct TableReaderSamplesTests {
  func sample(_ name: String) -> String { referencePath("agency-csv-samples/\(name)") }

  @Test func utf16LittleEndianWithBOM() throws {
    let t = try TableReader.read(path: sample("dgpa_orglist-100_utf16le_bom_head30.csv"))
    #expect(t.encoding == .utf16)
    #expect(t.header.first == "機關代碼")
    #expect(t.header.count == 17)
    #expect(t.field(row: 0, column: 1) == "國民大會")
    #expect(t.field(row: 0, column: 3) == "台北市中華路一段五三號")
    #expect(t.field(row: 1, column: 9) == "0930909")  // ROC date 93-09-09, kept as text
    #expect(t.field(row: 1, column: 11) == "是")
  }

  @Test func utf8WithBOMAndEmptyCells() throws {
    let t = try TableReader.read(path: sample("taitung_shelters_636485953864564217_utf8bom_head30.csv"))
    #expect(t.encoding == .utf8)
    #expect(t.header.first == "主管機關")  // no U+FEFF left in the first header
    #expect(t.field(row: 0, column: 2) == "臺東市公所")
    #expect(t.number(row: 0, column: 8) == .number(DecimalNumber(34), revised: false))
    #expect(t.field(row: 4, column: 9) == "")  // X坐標 empty for 新園社區活動中心
    #expect(t.field(row: 0, column: 12) == "20171024")
  }

  @Test func big5Catalogue() throws {
    let t = try TableReader.read(path: sample("yilan_opendata_catalog_big5_head30.csv"))
    #expect(t.encoding == .big5)
    #expect(t.header == ["資料集名稱", "資料來源", "聯絡人", "聯絡電話", "資料說明"])
    #expect(t.field(row: 0, column: 0) == "宜蘭縣殯葬設施一覽表")
    #expect(t.field(row: 0, column: 3) == "(03)925-1000")
  }

  @Test func big5PaddedNamesAndTrailingEmptyColumns() throws {
    // Header "…,CODE11,," ends in two empty cells, rows in ",,"; both are dropped/allowed.
    let t = try TableReader.read(path: sample("nhi_DataGov25511_big5_head30.csv"))
    #expect(t.header.count == 11)
    #expect(t.field(row: 0, column: 0) == "100Q1")
    #expect(TextTable.trim(t.field(row: 0, column: 2)) == "三軍總醫院松山分院附設民眾診療服務處")
    #expect(t.number(row: 0, column: 4) == .number(DecimalNumber(significand: 4500, exponent: -2), revised: false))
    #expect(t.rowCount == 30)  // 31 lines; pandas read_csv(encoding="cp950") gives 30 rows too
  }

  @Test func big5RealPriceRegister() throws {
    let t = try TableReader.read(path: sample("moi_lvr_A_LVR_LAND_A_big5_head30.csv"))
    #expect(t.rowCount == 19)  // pandas read_csv(encoding="cp950") also gives 19 rows
    #expect(t.field(row: 0, column: 7) == "10407")
    #expect(t.number(row: 0, column: 21) == .number(DecimalNumber(9_600_000), revised: false))
  }

  @Test func titleLineThenHeader() throws {
    let t = try TableReader.read(
      path: sample("taipei_tax_101_utf8_head30.csv"), options: ReadOptions(headerRow: 2))
    #expect(t.header.first == "鄉鎮市區")
    #expect(t.preamble.first?.fields[1] == "單位：金額(千元)")
    #expect(t.field(row: 0, column: 1) == "中崙里")
    #expect(t.number(row: 0, column: 8) == .number(DecimalNumber(significand: 160_998, exponent: -2), revised: false))
  }

  @Test func dgbasExportWithOneCellTitleIsRaggedByDefault() {
    // Line 1 is a one-cell title; read with the title as header, line 3 has three cells.
    #expect(
      throws: DataError(
        file: sample("dgbas_NA8103A1Ac_big5_full.csv"), line: 3, column: 2,
        message: "row has 3 fields but the header has 1", found: " ")
    ) {
      try TableReader.read(path: sample("dgbas_NA8103A1Ac_big5_full.csv"))
    }
  }
}
