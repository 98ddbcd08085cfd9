import Foundation
import Testing
import TestSupport
@testable import IntegrityTables

/// A sheet handed on in blocks (`Spreadsheet.stream(from:sheet:source:blockSize:mergesFirst:into:)`)
/// is the sheet converted whole: blocks that each end after a line feed and join to the
/// same bytes, with merged header cells found before the cells (.xlsx) or on them
/// (.ods), and the conversion's errors wherever in the sheet they are.
@Suite struct SpreadsheetStreamTests {
  func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: fixturePath("spreadsheets/\(relative)"))))
  }

  @Test(arguments: [
    "hand/long.xlsx", "hand/long.ods", "hand/merged_header.xlsx", "hand/merged_header.ods", "hand/values.xlsx",
    "hand/repeat_bomb.ods", "synthetic_target_cases_quarterly.xlsx", "synthetic_target_cases_quarterly.ods",
    "synthetic_indictments_seizures_wide.xlsx",
  ])
  func blocksJoinToTheWholeSheet(_ name: String) throws {
    let whole = try Spreadsheet.csv(from: bytes(name), source: name)
    var blocks: [[UInt8]] = []
    let sheet = try Spreadsheet.stream(from: bytes(name), source: name, blockSize: 4096) { blocks.append($0) }
    #expect(sheet.name == whole.sheetName)
    #expect(blocks.allSatisfy { $0.last == 0x0A }, "\(name): a block that does not end a line")
    #expect(Array(blocks.joined()) == whole.csv, "\(name)")
    // Held to the end, the merges known only then: the same bytes.
    var held: [UInt8] = []
    _ = try Spreadsheet.stream(from: bytes(name), source: name, blockSize: 4096, mergesFirst: false) { held += $0 }
    #expect(held == whole.csv, "\(name)")
  }

  @Test func mergedHeaderOverManyBlocks() throws {
    for name in ["hand/long.xlsx", "hand/long.ods"] {
      var first: [UInt8]? = nil
      var count = 0
      _ = try Spreadsheet.stream(from: bytes(name), source: name, blockSize: 4096) {
        if first == nil { first = $0 }
        count += 1
      }
      #expect(count > 10, "\(name)")
      // The first block, handed on long before the sheet's <mergeCells>, already has
      // the merged header spread.
      let rows = SpreadsheetTests.rows(first ?? [])
      #expect(rows[0] == ["", "", "起訴案件", "起訴案件"], "\(name)")
      #expect(rows[1] == ["地檢署", "年度", "實際值", "目標值"], "\(name)")
      #expect(rows[2] == ["臺灣臺北地方檢察署", "100", "1000", "1200"], "\(name)")
      let all = SpreadsheetTests.rows(try Spreadsheet.csv(from: bytes(name), source: name).csv)
      #expect(all.count == 3002, "\(name)")
      #expect(all.last == ["臺灣桃園地方檢察署", "107", "3993", "7189"], "\(name)")
    }
  }

  @Test func misledFirstPassIsReadAgain() throws {
    let name = "hand/fake_merge.xlsx"
    #expect(throws: Spreadsheet.HeadChanged.self) {
      _ = try Spreadsheet.stream(from: bytes(name), source: name, blockSize: 4096) { _ in }
    }
    let rows = SpreadsheetTests.rows(try Spreadsheet.csv(from: bytes(name), source: name).csv)
    #expect(rows[0] == ["機關", "年度", "實際值"])
    #expect(rows.count == 41)
  }

  @Test(arguments: [
    ("hand/late_malformed.xlsx", "hand/late_malformed.xlsx: xl/worksheets/sheet1.xml line 1: malformed XML: mismatched tag"),
    ("hand/late_formula.xlsx", "hand/late_formula.xlsx[Sheet1]!D2995: the formula =C2995+1 has no cached value"),
  ])
  func lateErrorsAfterBlocksWereHandedOn(_ c: (String, String)) throws {
    var handedOn = 0
    do {
      _ = try Spreadsheet.stream(from: bytes(c.0), source: c.0, blockSize: 4096) { handedOn += $0.count }
      Issue.record("\(c.0) must throw")
    } catch let error as DataError {
      #expect(error.description.hasPrefix(c.1), "\(error.description)")
    }
    #expect(handedOn > 4096 * 10)
  }
}

/// A sheet parsed in two parts on two cores (`XLSXSheetSplit`, here from any size) is the
/// sheet parsed in one: the same bytes, or the same error; a cut in the head rows, in a
/// sheet too small, or before an error, is read on from the cut in one part.
@Suite struct SpreadsheetSplitTests {
  func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: fixturePath("spreadsheets/\(relative)"))))
  }

  @Test(arguments: [
    "hand/long.xlsx", "hand/unnumbered.xlsx", "hand/fake_merge.xlsx", "hand/merged_header.xlsx", "hand/values.xlsx",
    "hand/date1904.xlsx",
    "hand/填報表.xlsx", "synthetic_target_cases_quarterly.xlsx", "synthetic_indictments_seizures_wide.xlsx",
    "synthetic_integrity_survey.xlsx", "synthetic_yearly_indicators.xlsx",
  ])
  func splitParseEqualsOneParse(_ name: String) throws {
    let whole = try Spreadsheet.csv(from: bytes(name), source: name).csv
    for blockSize in [4096, 1 << 20] {
      var split: [UInt8] = []
      do {
        _ = try Spreadsheet.stream(from: bytes(name), source: name, blockSize: blockSize, splitMinimum: 1) { split += $0 }
      } catch is Spreadsheet.HeadChanged {
        split = []
        _ = try Spreadsheet.stream(
          from: bytes(name), source: name, blockSize: blockSize, mergesFirst: false, splitMinimum: 1
        ) { split += $0 }
      }
      #expect(split == whole, "\(name) \(blockSize)")
    }
  }

  /// Which sheets the second part joins: cut past the head rows, rows numbered.
  @Test func secondPartIsJoinedOnlyWhenItCanBe() throws {
    for (name, joined) in [
      ("hand/long.xlsx", true), ("hand/unnumbered.xlsx", false), ("hand/merged_header.xlsx", false),
      ("synthetic_target_cases_quarterly.xlsx", true),
    ] {
      let sheet = try Spreadsheet.stream(from: bytes(name), source: name, splitMinimum: 1) { _ in }
      #expect(sheet.split == joined, "\(name)")
      // Below the minimum size, one part.
      #expect(!(try Spreadsheet.stream(from: bytes(name), source: name) { _ in }).split, "\(name)")
    }
  }

  @Test(arguments: [
    ("hand/late_malformed.xlsx", "hand/late_malformed.xlsx: xl/worksheets/sheet1.xml line 1: malformed XML: mismatched tag"),
    ("hand/late_formula.xlsx", "hand/late_formula.xlsx[Sheet1]!D2995: the formula =C2995+1 has no cached value"),
    ("hand/malformed.xlsx", "hand/malformed.xlsx: xl/worksheets/sheet1.xml line 1: malformed XML: no element found"),
    ("hand/formula_no_cache.xlsx", "hand/formula_no_cache.xlsx[Sheet1]!D3: the formula =D2+1 has no cached value"),
  ])
  func splitParseGivesOneParsesError(_ c: (String, String)) throws {
    do {
      _ = try Spreadsheet.stream(from: bytes(c.0), source: c.0, blockSize: 4096, splitMinimum: 1) { _ in }
      Issue.record("\(c.0) must throw")
    } catch let error as DataError {
      #expect(error.description.hasPrefix(c.1), "\(error.description)")
    }
  }
}
