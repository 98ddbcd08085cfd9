import Foundation
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// A spreadsheet read on two cores (converted on one thread, its CSV read block by
/// block on the other) against its CSV converted whole and read as a CSV: the same
/// rows, notes and row account, in blocks of any size; and the conversion's error
/// over the reader's.
@Suite struct SpreadsheetReaderTests {
  static let sheets = [
    "hand/long.xlsx", "hand/long.ods", "hand/fake_merge.xlsx", "hand/merged_header.xlsx", "hand/merged_header.ods",
    "synthetic_target_cases_quarterly.xlsx", "synthetic_target_cases_quarterly.ods", "synthetic_integrity_survey.xlsx",
    "synthetic_yearly_indicators.ods",
  ]

  @Test(arguments: sheets)
  func pipelinedReadEqualsTheWholeSheetsCSV(_ name: String) throws {
    let path = fixturePath("spreadsheets/\(name)")
    let conversion = try Spreadsheet.csv(from: Array(try Data(contentsOf: URL(fileURLWithPath: path))), source: path)
    let whole = try ObservationReader.read(bytes: conversion.csv, source: path)
    for blockSize in [4096, 1 << 20] {
      let (columns, keys, parts) = try ObservationReader.readColumns(path: path, blockSize: blockSize)
      let set = ObservationReader.observations(columns, keys: keys, set: parts)
      #expect(set.rowsRead == whole.rowsRead, "\(name) \(blockSize)")
      #expect(set.notes == whole.notes, "\(name) \(blockSize)")
      #expect(set.warnings == whole.warnings, "\(name) \(blockSize)")
      #expect(set.headerText == whole.headerText, "\(name) \(blockSize)")
      #expect(set.observations == whole.observations, "\(name) \(blockSize)")
    }
    if name == "hand/long.xlsx" { #expect(whole.observations.count == 3000) }
  }

  @Test func conversionErrorWinsOverAnEarlierBadCell() throws {
    // C10 holds "abc" (a reader error, row 10), the XML breaks at row 2990.
    let path = fixturePath("spreadsheets/hand/late_malformed.xlsx")
    for skip in [false, true] {
      do {
        _ = try ObservationReader.readColumns(
          path: path, options: ObservationReadOptions(skipBadRows: skip), blockSize: 4096)
        Issue.record("must throw")
      } catch let error as DataError {
        #expect(error.description.hasPrefix("\(path): xl/worksheets/sheet1.xml line 1: malformed XML: mismatched tag"))
      }
    }
  }
}
