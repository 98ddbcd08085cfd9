import Foundation
import IntegrityTables
import Testing

/// Issue 14: the library states what the caller can change as a typed `Remedy`, worded in
/// its own (Swift) terms; a caller words it for its interface with `described(remedy:)`.
@Suite struct RemedyTests {
  @Test func remedyEndsTheDescriptionAfterTheCell() {
    let error = DataError(
      file: "a.csv", line: 3, column: 2, columnName: "年度", message: "no row starts on that line", found: "x",
      remedy: .headerRow(3))
    #expect(error.description == "a.csv:3:2: no row starts on that line in column \"年度\" (found \"x\"); check `ReadOptions.headerRow` (3)")
    #expect(
      error.described(remedy: { _ in "check --header-row 3" })
        == "a.csv:3:2: no row starts on that line in column \"年度\" (found \"x\"); check --header-row 3")
    #expect((error as Error).localizedDescription == error.description)
    // Without a remedy, the shape is unchanged.
    var plain = error
    plain.remedy = nil
    #expect(plain.description == "a.csv:3:2: no row starts on that line in column \"年度\" (found \"x\")")
    // The remedy is part of what the error says.
    #expect(plain != error)
  }

  @Test func callerWordingIsEscapedToo() {
    let error = DataError(file: "a.csv", line: 1, column: 1, message: "m", remedy: .percent)
    #expect(error.described(remedy: { _ in "x\u{1B}y" }) == "a.csv:1:1: m; x\\u001By")
  }

  @Test func libraryWordingNamesSwiftOptionsNotFlags() {
    let all: [Remedy] = [
      .encoding(suggested: nil), .encoding(suggested: .big5), .headerRow(2), .mapColumn(canonical: "year"),
      .mapColumn(canonical: nil), .correctColumnMap(canonical: "value", header: "起訴件數"), .wideLayout, .dashAsMissing,
      .aggregateDuplicates, .targetPerQuarter, .direction(exampleTarget: "8-8-1"), .gradeMap, .minimumGrade(10),
      .percent, .segmentedModel, .overdispersion,
    ]
    for remedy in all {
      #expect(!remedy.description.contains("--"), "\(remedy)")
      #expect(remedy.description.contains("`"), "\(remedy)")
    }
    #expect(Remedy.encoding(suggested: .big5).description == "if the file is Big5, set `ReadOptions.encoding` to `.big5`")
  }

  @Test func decoderAndReaderErrorsCarryTheirRemedy() throws {
    let utf16 = #expect(throws: DataError.self) {
      try TextDecoder.decode(Array("年,1\n".utf8), encoding: .utf16, source: "a.csv")
    }
    #expect(utf16?.remedy == .encoding(suggested: nil))
    #expect(utf16?.description.contains("`ReadOptions.encoding`") == true)
    let header = #expect(throws: DataError.self) {
      try TableReader.read(bytes: Array("a,b\n1,2\n".utf8), source: "b.csv", options: ReadOptions(headerRow: 5))
    }
    #expect(header == DataError(file: "b.csv", line: 5, column: 0, message: "no row starts on that line", remedy: .headerRow(5)))
  }

  @Test func noticeReadsAsAStringAndKeepsItsRemedy() {
    let plain: Notice = "a.csv: 2 row(s) of only spaces skipped"
    #expect(plain.description == "a.csv: 2 row(s) of only spaces skipped")
    #expect(plain.remedy == nil)
    let note = Notice("a.csv:6: dashes are read as zero", remedy: .dashAsMissing)
    #expect(note.description == "a.csv:6: dashes are read as zero; " + Remedy.dashAsMissing.description)
    #expect(note.described(remedy: { _ in "use --dash missing" }) == "a.csv:6: dashes are read as zero; use --dash missing")
  }
}
