import Testing
@testable import IntegrityTables
@testable import IntegrityDecimal

@Suite struct TableReaderTests {
  func read(_ text: String, _ options: ReadOptions = ReadOptions()) throws -> TextTable {
    try TableReader.read(bytes: Array(text.utf8), source: "t.csv", options: options)
  }

  @Test func rfc4180QuotingAndLineEnds() throws {
    // Line 1 header; line 2 a row with a quoted comma and a doubled quote; the quoted
    // field on line 3 holds a newline, so the row after it starts on line 5.
    let t = try read("a,b,c\r\n1,\"x,y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\r\n3,,\n")
    #expect(t.header == ["a", "b", "c"])
    #expect(t.rowCount == 3)
    #expect(t.field(row: 0, column: 1) == "x,y")
    #expect(t.field(row: 0, column: 2) == "say \"hi\"")
    #expect(t.field(row: 1, column: 1) == "two\nlines")
    #expect(t.line(row: 0) == 2)
    #expect(t.line(row: 1) == 3)
    #expect(t.line(row: 2) == 5)
    #expect(t.field(row: 2, column: 2) == "")
  }

  @Test func lastLineWithoutNewlineAndShortRows() throws {
    let t = try read("a,b,c\n1\n2,3,4")
    #expect(t.rowCount == 2)
    #expect(t.fieldCount(row: 0) == 1)
    #expect(t.field(row: 0, column: 2) == "")
    #expect(t.field(row: 1, column: 2) == "4")
  }

  @Test func utf8ByteOrderMarkIsDropped() throws {
    let t = try TableReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("年度,件數\n112,5\n".utf8), source: "b.csv")
    #expect(t.header == ["年度", "件數"])
    #expect(t.encoding == .utf8)
  }

  @Test func detectsTabAndSemicolon() throws {
    #expect(try read("a\tb\n1\t2\n").header == ["a", "b"])
    #expect(try read("a;b\n1,5;2\n").field(row: 0, column: 0) == "1,5")
  }

  @Test func raggedRowIsADataError() {
    #expect(throws: DataError(
      file: "t.csv", line: 3, column: 3, message: "row has 3 fields but the header has 2", found: "9")
    ) {
      try read("a,b\n1,2\n3,4,9\n")
    }
  }

  @Test func unclosedQuoteIsADataError() {
    #expect(throws: DataError(
      file: "t.csv", line: 2, column: 2, message: "quoted field is never closed (a \" opened here has no closing \")")
    ) {
      try read("a,b\n1,\"open\n2,3\n")
    }
  }

  @Test func missingFileIsAnInputError() {
    #expect(throws: InputError(path: "/nonexistent/x.csv", reason: "No such file or directory")) {
      try TableReader.read(path: "/nonexistent/x.csv")
    }
  }

  @Test func numbersFromCells() throws {
    let t = try read("x,y\n\"1,234\",…\n")
    #expect(t.number(row: 0, column: 0) == .number(DecimalNumber(1234), revised: false))
    #expect(t.number(row: 0, column: 1) == .missing)
  }
}
