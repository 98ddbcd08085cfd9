import Foundation
import Testing
import TestSupport

/// `.xlsx` and `.ods` inputs end to end: the same `tidy` as the CSV they were made
/// from (LibreOffice, scripts/make_spreadsheet_fixtures.sh), errors located as
/// `FILE[SHEET]!CELL`, `--sheet`, and the defences (exit 65, never a crash).
@Suite struct SpreadsheetCLITests {
  static let samples: [(csv: String, sheet: String, arguments: [String])] = [
    ("SampleData/synthetic_target_cases_quarterly.csv", "synthetic_target_cases_quarterly", []),
    ("SampleData/synthetic_integrity_survey.csv", "synthetic_integrity_survey", []),
    ("SampleData/synthetic_indictments_seizures_wide.csv", "synthetic_indictments_seizures_wide", ["--wide"]),
    ("SampleData/synthetic_yearly_indicators_big5.csv", "synthetic_yearly_indicators", []),
  ]

  @Test(arguments: samples.indices)
  func tidyOfSpreadsheetEqualsTidyOfCSV(_ i: Int) throws {
    let sample = Self.samples[i]
    let csv = try runCLI(["tidy", packageRoot.appendingPathComponent(sample.csv).path] + sample.arguments)
    #expect(csv.status == 0)
    for format in ["xlsx", "ods"] {
      let sheet = try runCLI(["tidy", fixturePath("spreadsheets/\(sample.sheet).\(format)")] + sample.arguments)
      #expect(sheet.status == 0, "\(sample.sheet).\(format): \(sheet.stderr)")
      #expect(sheet.stdout == csv.stdout, "\(sample.sheet).\(format)")
      #expect(sheet.stderr.split(separator: "\n").last == csv.stderr.split(separator: "\n").last)
    }
  }

  @Test func badCellIsNamedByItsSheetAndCell() throws {
    let path = fixturePath("spreadsheets/hand/填報表.xlsx")
    let r = try runCLI(["tidy", path])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "\(path)[工作表1]!D7: expected a number (such as 1,234, 12.5%, －, … or NA) in column \"實際值\" (found \"abc\")"))
    let skip = try runCLI(["tidy", path, "--skip-bad-rows"])
    #expect(skip.status == 0)
    #expect(skip.stderr.contains("rejected: \(path)[工作表1]!D7: expected a number"))
    #expect(skip.stderr.hasSuffix("read 4 rows: used 3, rejected 1\n"))
    #expect(skip.stdout.hasSuffix("臺灣新北地方檢察署,2023,7,8,false,6\n"))  // line = the sheet's row
  }

  @Test func sheetOption() throws {
    let path = fixturePath("spreadsheets/hand/填報表.xlsx")
    for choice in ["2", "工作表2"] {
      let r = try runCLI(["tidy", path, "--sheet", choice])
      #expect(r.status == 0)
      #expect(r.stdout == "agency,year,value,revised,line\n臺灣臺北地方檢察署,2024,5,false,2\n")
    }
    let unknown = try runCLI(["tidy", path, "--sheet", "3"])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("no sheet \"3\"; the sheets are \"工作表1\", \"工作表2\""))
    let notSheet = try runCLI(["tidy", packageRoot.appendingPathComponent("SampleData/synthetic_integrity_survey.csv").path, "--sheet", "1"])
    #expect(notSheet.status == 65)
  }

  @Test func mergedTwoRowHeaderReadsAsOneHeader() throws {
    for format in ["xlsx", "ods"] {
      let r = try runCLI(["tidy", fixturePath("spreadsheets/hand/merged_header.\(format)")])
      #expect(r.status == 0)
      #expect(
        r.stdout == """
          agency,year,value,target,revised,line
          臺灣臺北地方檢察署,2023,30,28,false,3
          臺灣士林地方檢察署,2023,12,15,false,4

          """)
    }
  }

  @Test func repeatedEmptyRowsAndColumnsCostNothing() throws {
    let start = Date()
    let r = try runCLI(["tidy", fixturePath("spreadsheets/hand/repeat_bomb.ods")])
    #expect(r.status == 0)
    #expect(r.stdout == "agency,year,value,revised,line\n臺灣臺北地方檢察署,2023,8,false,2\n臺灣臺中地方檢察署,2023,5,false,6\n")
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test(arguments: ["zip_bomb.xlsx", "malformed.xlsx", "malformed.ods", "formula_no_cache.xlsx", "damaged.xlsx"])
  func defencesEndWithExit65(_ name: String) throws {
    let r = try runCLI(["tidy", fixturePath("spreadsheets/hand/\(name)")])
    #expect(r.status == 65, "\(name): \(r.stderr)")
    #expect(r.stderr.contains(fixturePath("spreadsheets/hand/\(name)")))
  }

  @Test func lateConversionErrorsWinOverTheReader() throws {
    // late_malformed.xlsx: "abc" in C10 (the reader's error), XML broken at row 2990.
    let malformed = fixturePath("spreadsheets/hand/late_malformed.xlsx")
    for extra in [[], ["--skip-bad-rows"]] {
      let r = try runCLI(["tidy", malformed] + extra)
      #expect(r.status == 65)
      #expect(r.stderr.contains("\(malformed): xl/worksheets/sheet1.xml line 1: malformed XML: mismatched tag"), "\(r.stderr)")
      #expect(!r.stderr.contains("abc"))
    }
    let formula = fixturePath("spreadsheets/hand/late_formula.xlsx")
    let f = try runCLI(["tidy", formula])
    #expect(f.status == 65)
    #expect(f.stderr.contains("\(formula)[Sheet1]!D2995: the formula =C2995+1 has no cached value"), "\(f.stderr)")
  }

  @Test func longSheetsReadAlike() throws {
    let x = try runCLI(["tidy", fixturePath("spreadsheets/hand/long.xlsx")])
    let o = try runCLI(["tidy", fixturePath("spreadsheets/hand/long.ods")])
    #expect(x.status == 0, "\(x.stderr)")
    #expect(x.stdout == o.stdout)
    #expect(x.stdout.split(separator: "\n").count == 3001)
    #expect(x.stdout.hasPrefix("agency,year,value,target,revised,line\n臺灣臺北地方檢察署,2011,1000,1200,false,3\n"))
    // A comment that looks like <mergeCells> misleads the first pass: read again.
    let fake = try runCLI(["tidy", fixturePath("spreadsheets/hand/fake_merge.xlsx")])
    #expect(fake.status == 0, "\(fake.stderr)")
    #expect(fake.stdout.hasPrefix("agency,year,value,revised,line\n"))
    #expect(fake.stdout.split(separator: "\n").count == 41)
  }

  @Test func spreadsheetOnStandardInput() throws {
    let path = fixturePath("spreadsheets/synthetic_target_cases_quarterly.xlsx")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executablePath)
    process.arguments = ["tidy", "-"]
    process.standardInput = FileHandle(forReadingAtPath: path)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let bytes = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let csv = try runCLI(["tidy", packageRoot.appendingPathComponent("SampleData/synthetic_target_cases_quarterly.csv").path])
    #expect(String(decoding: bytes, as: UTF8.self) == csv.stdout)
  }

  @Test func badCellOnStandardInputIsNamedByItsSheetAndCell() throws {
    let path = fixturePath("spreadsheets/hand/填報表.xlsx")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executablePath)
    process.arguments = ["tidy"]
    process.standardInput = FileHandle(forReadingAtPath: path)
    process.standardOutput = Pipe()
    let err = Pipe()
    process.standardError = err
    try process.run()
    let bytes = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 65)
    #expect(String(decoding: bytes, as: UTF8.self).contains("<stdin>[工作表1]!D7: expected a number"))
  }

  @Test func sheetOfACSVFileIsRefused() throws {
    let r = try runCLI(["achievement", "SampleData/synthetic_yearly_indicators_big5.csv", "--sheet", "2"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("sheet \"2\" asked for, but the input is not a spreadsheet"))
  }
}
