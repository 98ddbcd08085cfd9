import Testing
import IntegrityTables

@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// `ObservationSet.rejectsCSV`: rows as written, except that formula-like cells get the
/// CSV-injection guard (re-quoted with the input's delimiter), plus the reason column.
@Suite struct RejectsFileTests {
  func set(header: String, delimiter: Character, rows: [String]) -> ObservationSet {
    let rejected = rows.enumerated().map { i, text in
      RejectedRow(
        line: i + 2, text: text,
        error: DataError(file: "in.csv", line: i + 2, column: 2, message: "expected a number", found: "x"))
    }
    return ObservationSet(
      rowsRead: rows.count, rejected: rejected, headerText: header, delimiter: UInt8(ascii: delimiter.unicodeScalars.first!))
  }

  @Test func guardsFormulaCellsAndKeepsTheRest() {
    let s = set(
      header: "a;=b", delimiter: ";",
      rows: [#""=1;2";"keep ""q""";-3.5e2;-;+x;@y"#, "\tTAB;plain"])
    let text = String(decoding: s.rejectsCSV(), as: UTF8.self)
    let expected = [
      "a;'=b;reason",
      #""'=1;2";"keep ""q""";-3.5e2;-;'+x;'@y;"in.csv:2:2: expected a number (found ""x"")""#,
      "'\tTAB;plain;\"in.csv:3:2: expected a number (found \"\"x\"\")\"",
    ]
    #expect(text == expected.joined(separator: "\n") + "\n")
  }

  @Test func rawKeepsEveryCellAndBomStartsTheFile() {
    let s = set(header: "a,b", delimiter: ",", rows: ["=1,@2"])
    #expect(String(decoding: s.rejectsCSV(raw: true), as: UTF8.self).hasPrefix("a,b,reason\n=1,@2,"))
    #expect(Array(s.rejectsCSV(byteOrderMark: true).prefix(4)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "a")])
  }
}
