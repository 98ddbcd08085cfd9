import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// Our reader against what pandas reads from the same files.
/// Fixtures and expected tables: Tests/Fixtures/reference/reader_fixtures.py (pandas 3.1.1).
@Suite struct ReaderFixtureTests {
  static let fixtures: [(String, ObservationReadOptions)] = [
    ("big5_quarterly", ObservationReadOptions()),
    ("utf8_bom_crlf", ObservationReadOptions()),
    ("wide_footnotes", ObservationReadOptions(wide: true)),
    ("periods", ObservationReadOptions()),
    ("quoted_thousands", ObservationReadOptions()),
  ]

  @Test(arguments: fixtures)
  func matchesPandas(_ fixture: (String, ObservationReadOptions)) throws {
    let set = try ObservationReader.read(path: fixturePath("reader/\(fixture.0).csv"), options: fixture.1)
    let expected = try TableReader.read(path: fixturePath("reader/\(fixture.0).pandas.csv"))
    #expect(set.observations.count == expected.rowCount)
    #expect(set.rejected.isEmpty)
    for (row, o) in set.observations.enumerated() where row < expected.rowCount {
      func cell(_ name: String) -> String { expected.field(row: row, column: expected.header.firstIndex(of: name)!) }
      func number(_ name: String) -> Double? { NumberParser.parse(cell(name)).value(dashMeansZero: false)?.double }
      #expect(o.indicator == (cell("indicator").isEmpty ? nil : cell("indicator")), "row \(row)")
      #expect(o.agency == (cell("agency").isEmpty ? nil : cell("agency")), "row \(row)")
      #expect(o.period.year == Int(cell("year")), "row \(row)")
      #expect(o.period.quarter == Int(cell("quarter")), "row \(row)")
      #expect(o.period.month == Int(cell("month")), "row \(row)")
      #expect(isClose(o.value?.double, number("value"), relative: 1e-15), "row \(row) value")
      #expect(isClose(o.target?.double, number("target"), relative: 1e-15), "row \(row) target")
      #expect(o.line == Int(cell("line")), "row \(row) line")
    }
  }

  @Test func big5FixtureIsDecodedAsBig5() throws {
    let table = try TableReader.read(path: fixturePath("reader/big5_quarterly.csv"))
    #expect(table.encoding == .big5)
    #expect(table.field(row: 4, column: 1) == "碁恒機關")  // 碁 is CP950's F9D6
  }

  @Test func wideFixtureReportsFootnotesAndTitle() throws {
    let set = try ObservationReader.read(
      path: fixturePath("reader/wide_footnotes.csv"), options: ObservationReadOptions(wide: true))
    #expect(set.rowsRead == 3)
    #expect(set.notes.contains { $0.text.hasSuffix(":7: footnote, not read as data: 註：「－」表示無資料") })
    #expect(set.notes.contains { $0.text.hasSuffix(":8: footnote, not read as data: 資料來源：法務部統計處") })
    #expect(set.notes.contains { $0.text.hasSuffix(":1: title line before the header: 各地方檢察署檢察官結案情形概況表") })
    #expect(set.warnings.count == 1)
    #expect(set.observations.allSatisfy { $0.unit == "件" })  // from the title line 單位:件
  }
}
