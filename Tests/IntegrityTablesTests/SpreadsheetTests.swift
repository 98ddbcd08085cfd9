import Foundation
import Testing
import TestSupport
@testable import IntegrityTables

/// Spreadsheets as CSV (`Spreadsheet.csv(from:sheet:source:)`): grids against
/// python-calamine, the values calamine does not give as a sheet shows them, limits.
@Suite struct SpreadsheetTests {
  func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: fixturePath("spreadsheets/\(relative)"))))
  }

  func convert(_ relative: String, sheet: String? = nil) throws -> Spreadsheet.Conversion {
    try Spreadsheet.csv(from: bytes(relative), sheet: sheet, source: relative)
  }

  /// RFC 4180 rows of `csv` (fields unquoted), for comparing grids.
  static func rows(_ csv: [UInt8]) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var i = 0
    while i < csv.count {
      let b = csv[i]
      if quoted {
        if b == 0x22 {
          if i + 1 < csv.count && csv[i + 1] == 0x22 {
            field.append(0x22)
            i += 1
          } else {
            quoted = false
          }
        } else {
          field.append(b)
        }
      } else if b == 0x22 {
        quoted = true
      } else if b == 0x2C {
        row.append(String(decoding: field, as: UTF8.self))
        field = []
      } else if b == 0x0A {
        row.append(String(decoding: field, as: UTF8.self))
        field = []
        rows.append(row == [""] ? [] : row)
        row = []
      } else {
        field.append(b)
      }
      i += 1
    }
    return rows
  }

  static let calamine: [String: [[String]]] = {
    let data = try! Data(contentsOf: URL(fileURLWithPath: fixturePath("spreadsheets/calamine_grids.json")))
    let object = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    return object["grids"] as! [String: [[String]]]
  }()

  /// Where we deliberately differ from calamine: a percent-formatted cell reads as it
  /// shows (`35.4%`, calamine 0.354); an error cell keeps its text (`#DIV/0!`, calamine
  /// empty) so the reader rejects it; serial 60 is Excel's 1900-02-29 (calamine 02-28).
  static func agree(_ ours: String, _ theirs: String) -> Bool {
    if ours == theirs { return true }
    if ours.hasSuffix("%"), let p = Double(ours.dropLast()), let v = Double(theirs) {
      return abs(p / 100 - v) <= 1e-12 * max(1, abs(v))
    }
    if theirs.isEmpty && ours.hasPrefix("#") { return true }
    return ours == "1900-02-29" && theirs == "1900-02-28"
  }

  @Test(arguments: SpreadsheetTests.calamine.keys.sorted())
  func gridMatchesCalamine(_ name: String) throws {
    let ours = Self.rows(try convert(name).csv)
    let theirs = Self.calamine[name]!
    #expect(ours.count == theirs.count, "\(name): \(ours.count) rows, calamine \(theirs.count)")
    for (r, (a, b)) in zip(ours, theirs).enumerated() {
      // calamine trims an error cell at the end of a row like an empty one.
      let width = max(a.count, b.count)
      let a = a + Array(repeating: "", count: width - a.count)
      let b = b + Array(repeating: "", count: width - b.count)
      for (c, (x, y)) in zip(a, b).enumerated() where !Self.agree(x, y) {
        Issue.record("\(name)!\(CellReference.name(column: c + 1, row: r + 1)): ours \"\(x)\", calamine \"\(y)\"")
      }
    }
  }

  @Test func xlsxValuesAsStored() throws {
    let c = try convert("hand/values.xlsx")
    #expect(c.format == .xlsx)
    #expect(c.sheetName == "值")
    let rows = Self.rows(c.csv)
    // Rich-text runs joined, phonetic run (キソ) left out; quoting of a comma and quotes.
    #expect(rows[1] == ["起訴貪瀆案件", "number", "1234", "a, \"quoted\""])
    #expect(rows[3] == [])  // row 4 absent: an empty line keeps line N = row N
    #expect(rows[4][2] == "0.012345")
    #expect(rows[5][2...] == ["TRUE", "FALSE"])
    #expect(rows[6][2] == "#DIV/0!")
    #expect(rows[7][2...] == ["2468", "cached!"])
    #expect(rows[8][2...] == ["2023-09-01", "1900-02-29"])
    #expect(rows[9][2...] == ["2023-09-01", "2023-09-01"])  // ROC-year formats are dates
    #expect(rows[10][2...] == ["35.4%", "1234.5"])  // 0.00E+00 is not a date format
    #expect(rows[11].count == 16384 && rows[11].last == "7")
  }

  @Test func date1904System() throws {
    #expect(Self.rows(try convert("hand/date1904.xlsx").csv) == [["serial", "date"], ["1", "1904-01-02"], ["43708", "2023-09-01"]])
  }

  @Test func sheetSelectionByNameAndNumber() throws {
    #expect(try convert("hand/填報表.xlsx").sheetName == "工作表1")
    #expect(try convert("hand/填報表.xlsx", sheet: "2").sheetName == "工作表2")
    #expect(try convert("hand/填報表.xlsx", sheet: "工作表2").sheetName == "工作表2")
    #expect(try convert("synthetic_target_cases_quarterly.ods", sheet: "1").format == .ods)
    #expect(throws: DataError.self) { try convert("hand/填報表.xlsx", sheet: "3") }
    do {
      _ = try convert("hand/repeat_bomb.ods", sheet: "Sheet9")
      Issue.record("an unknown sheet must throw")
    } catch let error as DataError {
      #expect(error.description == "hand/repeat_bomb.ods: no sheet \"Sheet9\"; the sheets are \"Sheet1\", \"Sheet2\"")
    }
  }

  @Test func mergedTwoRowHeader() throws {
    for name in ["hand/merged_header.xlsx", "hand/merged_header.ods"] {
      let rows = Self.rows(try convert(name).csv)
      #expect(rows[0] == ["", "", "起訴案件", "起訴案件"], "\(name)")
      #expect(rows[1] == ["地檢署", "年度", "實際值", "目標值"], "\(name)")
    }
  }

  @Test func repeatedEmptyCellsCostNothing() throws {
    let csv = try convert("hand/repeat_bomb.ods").csv
    #expect(String(decoding: csv, as: UTF8.self) == "機關,年度,實際值\n北檢,112,8\n\n\n\n中檢,112,5\n")
  }

  @Test(arguments: [
    ("hand/formula_no_cache.xlsx", "hand/formula_no_cache.xlsx[Sheet1]!D3: the formula =D2+1 has no cached value"),
    ("hand/zip_bomb.xlsx", "hand/zip_bomb.xlsx: xl/worksheets/sheet1.xml inflates to more than"),
    ("hand/malformed.xlsx", "hand/malformed.xlsx: xl/worksheets/sheet1.xml line 1: malformed XML: no element found"),
    ("hand/malformed.ods", "hand/malformed.ods: content.xml line 1: malformed XML: mismatched tag"),
    ("hand/damaged.xlsx", "hand/damaged.xlsx: a damaged ZIP container (.xlsx/.ods): an entry whose local header lies outside the file"),
  ])
  func badSpreadsheetsAreDataErrors(_ c: (String, String)) throws {
    do {
      _ = try convert(c.0)
      Issue.record("\(c.0) must throw")
    } catch let error as DataError {
      #expect(error.description.hasPrefix(c.1), "\(error.description)")
    }
  }

  @Test func notAZipIsNotASpreadsheet() {
    #expect(!Spreadsheet.isCandidate(Array("a,b\n1,2\n".utf8)))
    #expect(throws: DataError.self) { try Spreadsheet.csv(from: [0x50, 0x4B, 0x03, 0x04, 0, 0], source: "x") }
  }

  @Test func sheetLocatedErrors() {
    var e = DataError(file: "填報表.xlsx", line: 7, column: 4, columnName: "實際值", message: "expected a number", found: "abc")
    #expect(e.description == "填報表.xlsx:7:4: expected a number in column \"實際值\" (found \"abc\")")
    e.sheet = "工作表1"
    #expect(e.description == "填報表.xlsx[工作表1]!D7: expected a number in column \"實際值\" (found \"abc\")")
    e.column = 0
    #expect(e.description.hasPrefix("填報表.xlsx[工作表1] row 7: "))
    #expect(CellReference.columnLetters(16384) == "XFD")
    #expect(CellReference.columnLetters(27) == "AA")
  }

  @Test func numbersDatesAndFormats() {
    func number(_ s: String) -> String? {
      var out: [UInt8] = []
      return SpreadsheetNumber.append(Array(s.utf8), to: &out) ? String(decoding: out, as: UTF8.self) : nil
    }
    #expect(number("1234") == "1234")
    #expect(number("-0") == "0")
    #expect(number("0.30000000000000004") == "0.30000000000000004")
    #expect(number("1.0") == "1")
    #expect(number("1E3") == "1000")
    #expect(number("abc") == nil)
    func percent(_ s: String) -> String? {
      var out: [UInt8] = []
      return SpreadsheetNumber.appendPercent(Array(s.utf8), to: &out) ? String(decoding: out, as: UTF8.self) : nil
    }
    #expect(percent("0.354") == "35.4%")
    #expect(percent("1") == "100%")
    #expect(percent("0.005") == "0.5%")
    #expect(percent("-0.125") == "-12.5%")
    #expect(SpreadsheetDate.isDateFormat("[$-404]e/m/d"))
    #expect(SpreadsheetDate.isDateFormat("\"民國\"e\"年\"m\"月\"d\"日\""))
    #expect(SpreadsheetDate.isDateFormat("yyyy-mm-dd"))
    #expect(!SpreadsheetDate.isDateFormat("General"))
    #expect(!SpreadsheetDate.isDateFormat("0.00E+00"))
    #expect(!SpreadsheetDate.isDateFormat("h:mm:ss"))
    #expect(!SpreadsheetDate.isDateFormat("#,##0\"件\""))
    #expect(SpreadsheetDate.isPercentFormat(id: 9, code: nil))
    #expect(!SpreadsheetDate.isPercentFormat(id: 164, code: "0\"%\""))
    #expect(SpreadsheetDate.iso(serial: 1, date1904: false) == "1900-01-01")
    #expect(SpreadsheetDate.iso(serial: 59, date1904: false) == "1900-02-28")
    #expect(SpreadsheetDate.iso(serial: 61, date1904: false) == "1900-03-01")
    #expect(SpreadsheetDate.iso(serial: 45170, date1904: false) == "2023-09-01")
    #expect(SpreadsheetDate.iso(serial: 0, date1904: true) == "1904-01-01")
  }
}
