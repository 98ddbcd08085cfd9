import Foundation
import Testing
import TestSupport

/// `integrity-stats tidy` end to end: exact bytes, exit codes and messages (issue 4).
@Suite struct TidyTests {
  func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("tidy-\(UUID().uuidString)-\(name)").path
  }

  func lastLine(_ text: String) -> Substring? {
    text.split(separator: "\n").last
  }

  /// The error of a run that a data error stopped: stderr ends with it and then the
  /// account of the rows read up to it (`read N rows: used U, rejected R`).
  func errorLine(_ text: String) -> Substring? {
    let lines = text.split(separator: "\n")
    #expect(lines.last?.hasPrefix("read ") == true, "the counts line ends stderr: \(text)")
    return lines.dropLast().last
  }

  @Test func handWorkedFileExactOutput() throws {
    // 112 → 2023; 第3季 → 3; "1,234" → 1234; 目標值(千元) 5 → 5000 元; － → 0; … → empty;
    // 12.5% keeps 12.5 with unit %; 7r is revised; 北檢 and 中檢 are prosecutors offices,
    // written under their canonical names.
    let input = """
      指標,機關,年度,季別,實際值,目標值(千元)
      查扣,北檢,112,第3季,"1,234",5
      查扣,北檢,112年,Q4,－,…
      起訴,中檢,民國111年,1,12.5%,
      起訴,中檢,2023,第二季,7r,

      """
    let r = try runCLI(["tidy"], stdin: input)
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        indicator,agency,year,quarter,value,target,unit,revised,line
        查扣,臺灣臺北地方檢察署,2023,3,1234,5000,,false,2
        查扣,臺灣臺北地方檢察署,2023,4,0,,,false,3
        起訴,臺灣臺中地方檢察署,2022,1,12.5,,%,false,4
        起訴,臺灣臺中地方檢察署,2023,2,7,,,true,5

        """)
    #expect(lastLine(r.stderr) == "read 4 rows: used 4, rejected 0")
  }

  /// Our tidy output for each fixture against the table pandas read
  /// (Tests/Fixtures/reference/reader_fixtures.py).
  @Test(arguments: [
    ("big5_quarterly", [String](), "indicator,agency,year,quarter,value,target,revised,line"),
    ("utf8_bom_crlf", [], "agency,year,value,unit,revised,line"),
    ("wide_footnotes", ["--wide"], "indicator,year,value,unit,revised,line"),
    ("quoted_thousands", [], "year,value,target,revised,line"),
    ("periods", [], "year,quarter,month,value,revised,line"),
  ])
  func fixtureMatchesPandas(_ c: (String, [String], String)) throws {
    let r = try runCLI(["tidy", fixturePath("reader/\(c.0).csv")] + c.1)
    #expect(r.status == 0)
    let ours = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(ours.first?.joined(separator: ",") == c.2)
    let expected = try String(contentsOfFile: fixturePath("reader/\(c.0).pandas.csv"), encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(ours.count == expected.count)
    let header = ours[0]
    for (row, pandasRow) in expected.enumerated().dropFirst() where row < ours.count {
      for (k, name) in expected[0].enumerated() {
        guard let j = header.firstIndex(of: name) else {
          #expect(pandasRow[k].isEmpty, "\(c.0) row \(row): pandas has \(name) but tidy has no such column")
          continue
        }
        let a = ours[row][j], b = pandasRow[k]
        if name == "value" || name == "target" {
          #expect(isClose(Double(a), Double(b), relative: 1e-15), "\(c.0) row \(row) \(name): \(a) vs \(b)")
        } else {
          #expect(a == b, "\(c.0) row \(row) \(name)")
        }
      }
    }
  }

  @Test func badCellStopsWithExit65AndLocation() throws {
    let r = try runCLI(["tidy"], stdin: "年度,件數\n112,1\n113,abc\n")
    #expect(r.status == 65)
    #expect(r.stdout.isEmpty)
    #expect(
      errorLine(r.stderr)
        == "<stdin>:3:2: expected a number (such as 1,234, 12.5%, －, … or NA) in column \"件數\" (found \"abc\")")
  }

  @Test func badPeriodNamesColumn() throws {
    let r = try runCLI(["tidy"], stdin: "期間,數值\n112年第5季,1\n")
    #expect(r.status == 65)
    #expect(
      errorLine(r.stderr)
        == "<stdin>:2:1: expected a year or period (2023, 112, 112年, 民國112年, 2023Q3, 112年第3季 or 112年7月) in column \"期間\" (found \"112年第5季\")"
    )
  }

  @Test func skipBadRowsWritesRejectsAndAccounts() throws {
    let rejects = temporaryPath("rejects.csv")
    defer { try? FileManager.default.removeItem(atPath: rejects) }
    let r = try runCLI(
      ["tidy", "--skip-bad-rows", "--rejects", rejects], stdin: "年度,件數\n112,5\nxx,3\n113,\"4,0\"\n114,7\n")
    #expect(r.status == 0)
    #expect(r.stdout == "year,value,revised,line\n2023,5,false,2\n2025,7,false,5\n")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.last == "read 4 rows: used 2, rejected 2")
    #expect(lines.contains { $0.hasPrefix("rejected: <stdin>:3:1: expected a year or period") })
    #expect(lines.contains { $0.hasPrefix("rejected: <stdin>:4:2: expected a number") })
    let written = try String(contentsOfFile: rejects, encoding: .utf8)
    #expect(
      written == """
        年度,件數,reason
        xx,3,"<stdin>:3:1: expected a year or period (2023, 112, 112年, 民國112年, 2023Q3, 112年第3季 or 112年7月) in column ""年度"" (found ""xx"")"
        113,"4,0","<stdin>:4:2: expected a number (such as 1,234, 12.5%, －, … or NA) in column ""件數"" (found ""4,0"")"

        """)
  }

  @Test func unreadableInputIsExit66() throws {
    let r = try runCLI(["tidy", "/nonexistent/agency.csv"])
    #expect(r.status == 66)
    #expect(lastLine(r.stderr) == "/nonexistent/agency.csv: cannot read input: No such file or directory")
  }

  @Test func unwritableOutputIsExit73AndLeavesExistingFile() throws {
    let r = try runCLI(["tidy", "-o", "/nonexistent/dir/out.csv"], stdin: "年度,件數\n112,1\n")
    #expect(r.status == 73)
    #expect(lastLine(r.stderr) == "/nonexistent/dir/out.csv: cannot write output: No such file or directory")
    // An existing output is replaced only on success: a bad input leaves it as it was.
    let out = temporaryPath("out.csv")
    try "keep me\n".write(toFile: out, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let bad = try runCLI(["tidy", "-o", out], stdin: "年度,件數\n112,x\n")
    #expect(bad.status == 65)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me\n")
  }

  @Test func usageErrorsAreExit64() throws {
    #expect(try runCLI(["tidy", "--encoding", "latin1"], stdin: "").status == 64)
    #expect(try runCLI(["tidy", "--columns", "amount=金額"], stdin: "").status == 64)
    #expect(try runCLI(["tidy", "--dash", "none"], stdin: "").status == 64)
  }

  @Test func big5UndecodableByteIsExit65WithOffset() throws {
    let path = temporaryPath("bad.csv")
    // "年度,件數\n112,1\n" in Big5, then 0xFF (never valid in CP950) on line 3.
    var bytes: [UInt8] = [0xA6, 0x7E, 0xAB, 0xD7, 0x2C, 0xA5, 0xF3, 0xBC, 0xC6, 0x0A]
    bytes += Array("112,1\n".utf8) + [0x31, 0x31, 0x33, 0x2C, 0xFF, 0x0A]
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let r = try runCLI(["tidy", path])
    #expect(r.status == 65)
    #expect(errorLine(r.stderr) == "\(path):3:5: cannot decode byte 0xFF at byte offset 20 as UTF-8 or Big5 (CP950)")
  }

  @Test func dashMissingAndFootnoteWarning() throws {
    let input = "年度,件數\n112,－\n註：「－」表示無資料\n"
    let zero = try runCLI(["tidy"], stdin: input)
    #expect(zero.stdout == "year,value,revised,line\n2023,0,false,2\n")
    #expect(zero.stderr.contains("warning: <stdin>:3: a footnote defines \"－\" as no data, but dashes are read as zero; use --dash missing if it applies to this table"))
    let missing = try runCLI(["tidy", "--dash", "missing"], stdin: input)
    #expect(missing.stdout == "year,value,revised,line\n2023,,false,2\n")
    #expect(lastLine(missing.stderr) == "read 1 rows: used 1, rejected 0")
  }

  @Test func sameInputSameBytes() throws {
    let a = try runCLI(["tidy", fixturePath("reader/big5_quarterly.csv"), "--format", "json"])
    let b = try runCLI(["tidy", fixturePath("reader/big5_quarterly.csv"), "--format", "json"])
    #expect(a.status == 0)
    #expect(a.stdout == b.stdout)
    #expect(a.stdout.hasPrefix("[\n  {\n    \"indicator\": \"目標案件數\","))
  }

  @Test func unclosedQuoteIsExit65() throws {
    let r = try runCLI(["tidy"], stdin: "年度,件數\n112,\"5\n113,6\n")
    #expect(r.status == 65)
    #expect(errorLine(r.stderr) == "<stdin>:2:2: quoted field is never closed (a \" opened here has no closing \")")
  }

  @Test func extraCellIsExit65() throws {
    let r = try runCLI(["tidy"], stdin: "年度,件數\n112,5,7\n")
    #expect(r.status == 65)
    #expect(errorLine(r.stderr) == "<stdin>:2:3: row has 3 fields but the header has 2 (found \"7\")")
  }

  @Test func missingYearColumnIsExit65() throws {
    let r = try runCLI(["tidy"], stdin: "機關,件數\n北檢,5\n")
    #expect(r.status == 65)
    #expect(
      errorLine(r.stderr)
        == "<stdin>:1: expected a year or period column (年度, 年, 期間, …) (the header has: 機關, 件數); map one with --columns year=HEADER")
  }

  @Test func utf16FileThroughTidy() throws {
    let path = temporaryPath("u16.csv")
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "年度\t件數\r\n112\t5\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let r = try runCLI(["tidy", path])
    #expect(r.status == 0)
    #expect(r.stdout == "year,value,revised,line\n2023,5,false,2\n")
  }

  @Test func largeStandardInputIsReadWhole() throws {
    // 20,000 rows (about 200 KB) through a pipe: more than one read buffer.
    var input = "年度,機關,件數\n"
    for i in 0..<20_000 { input += "\(100 + i % 10),臺灣臺北地方檢察署,\(i)\n" }
    let r = try runCLI(["tidy"], stdin: input)
    #expect(r.status == 0)
    #expect(lastLine(r.stderr) == "read 20000 rows: used 20000, rejected 0")
    #expect(r.stdout.hasSuffix("臺灣臺北地方檢察署,2020,19999,false,20001\n"))  // 109 + 1911
  }
}
