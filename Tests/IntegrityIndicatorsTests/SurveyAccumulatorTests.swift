import Foundation
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityIndicators
@testable import IntegrityAgencyData

/// `SurveyAccumulator` on two cores: a year repeated across the cut is found at its row
/// (the file is read again on one core), and the parts' series are the whole file's.
@Suite struct SurveyAccumulatorTests {
  func read(_ text: String, parallelMinimum: Int, skip: Bool = false) -> Result<([SurveyAnalysis.Series], ObservationSet), ErrorText> {
    do {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("survey-\(UUID().uuidString).csv").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(atPath: path) }
      let (accumulator, set) = try ObservationReader.streamColumns(
        path: path, options: ObservationReadOptions(skipBadRows: skip), blockSize: 64, parallelMinimum: parallelMinimum
      ) { SurveyAccumulator(percent: false) }
      return .success((accumulator.series(), set))
    } catch {
      return .failure(ErrorText(error))
    }
  }

  func lines(agencies: [String], years: ClosedRange<Int>) -> [String] {
    agencies.flatMap { a in years.map { "A,\(a),\($0),0.\($0 % 90 + 10),\(1000 + $0)" } }
  }

  @Test func partsGiveTheWholeFilesSeries() throws {
    let text = "indicator,agency,year,value,n\n" + lines(agencies: ["甲", "乙", "丙"], years: 2001...2040).joined(separator: "\n") + "\n"
    let one = try read(text, parallelMinimum: .max).get()
    let two = try read(text, parallelMinimum: 0).get()
    #expect(one.0 == two.0)
    #expect(one.0.map(\.agency) == ["丙", "乙", "甲"])  // sorted by name (code points), not by first appearance
    #expect(one.0[0].survey.years == Array(2001...2040))
    #expect(one.1.rowsRead == 120)
  }

  @Test func yearRepeatedAcrossTheCutIsFoundAtItsRow() throws {
    var rows = lines(agencies: ["甲"], years: 2001...2060)
    rows.append("A,甲,2005,0.5,900")  // repeats line 6's year near the end
    let text = "indicator,agency,year,value,n\n" + rows.joined(separator: "\n") + "\n"
    let one = read(text, parallelMinimum: .max)
    let two = read(text, parallelMinimum: 0)
    guard case .failure(let error) = two else { Issue.record("read on two cores did not fail"); return }
    #expect(error.text.hasSuffix(".csv:62:3: A / 甲 2005 appears twice (also on line 6) in column \"year\" (found \"2005\")"))
    // The same message on one core (the file names differ: one temporary file per read).
    #expect(one.failureText?.split(separator: ":").dropFirst() == error.text.split(separator: ":").dropFirst())
    let skipped = try read(text, parallelMinimum: 0, skip: true).get()
    #expect(skipped.1.rejected.map(\.line) == [62])
    #expect(skipped.0[0].survey.years.count == 60)
  }
}

extension Result where Failure == ErrorText {
  var failureText: String? {
    if case .failure(let e) = self { return e.text }
    return nil
  }
}
