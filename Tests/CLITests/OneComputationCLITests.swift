import Foundation
import Testing
import TestSupport

/// Every input goes through one computation per command: a month column, a direction
/// column, a sample-size column, offices in several spellings, `--duplicates`,
/// `--skip-bad-rows` give the same rows whether the file is small, large (read on two
/// cores) or on standard input. Before, files of 1 MiB or more by path took a second
/// computation that declined some of these rows.
@Suite struct OneComputationCLITests {
  /// Monthly rows (a month column), a direction column and a sample-size column.
  static let smallRows: [String] = {
    var rows: [String] = []
    for year in 110...113 {
      for month in 1...12 { rows.append("M月報,臺北地檢署,\(year),\(month),\(year - 109),12,正向,") }
    }
    for (year, value) in zip(2021...2024, [8, 6, 4, 2]) { rows.append("D負向,A機關,\(year),,\(value),5,負向,1000") }
    // Offices in four spellings: one office, one series.
    for (year, spelling) in zip(2021...2024, ["臺北地檢署", "台北", "臺灣臺北地方檢察署", "北檢"]) {
      rows.append("O件數,\(spelling),\(year),,\(10 + 2 * (year - 2021)),,,")
    }
    return rows
  }()

  static let header = "指標,機關,年度,月份,實際值,目標值,指標方向,樣本數"

  /// The small rows with about 1.2 MB of other agencies' rows before and after them.
  static func bigText(extra: [String] = []) -> String {
    var rows = [header]
    func filler(_ range: Range<Int>) {
      for k in range {
        for year in 2021...2024 { rows.append("填充,填充機關\(k),\(year),,\(k % 7 + year - 2020),3,正向,") }
      }
    }
    filler(0..<4000)
    rows += smallRows + extra
    filler(4000..<8000)
    return rows.joined(separator: "\n") + "\n"
  }

  static let smallText = ([header] + smallRows).joined(separator: "\n") + "\n"

  static func write(_ text: String, _ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "one-computation-\(ProcessInfo.processInfo.processIdentifier)-\(name).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  static let smallPath = try! write(smallText, "small")
  static let bigPath = try! write(bigText(), "big")

  /// The output lines that are not about the filler rows.
  static func ownLines(_ output: String) -> [Substring] {
    output.split(separator: "\n").filter { !$0.contains("填充") }
  }

  @Test(arguments: [
    ["achievement"], ["achievement", "--total"], ["achievement", "--aggregate", "mean"],
    ["achievement", "--aggregate", "last", "--format", "json"], ["trend"], ["trend", "--model", "sen"],
    ["trend", "--auto"],
  ])
  func smallLargeAndStdinGiveTheSameRows(_ command: [String]) throws {
    #expect(Self.bigText().utf8.count > 1 << 20)
    let small = try runCLI(command + [Self.smallPath])
    let big = try runCLI(command + [Self.bigPath])
    let stdin = try runCLI(command + ["-"], stdin: Self.bigText())
    #expect(small.status == 0, "\(small.stderr)")
    #expect(big.status == 0, "\(big.stderr)")
    #expect(big.stdout == stdin.stdout)
    #expect(big.stderr == stdin.stderr.replacingOccurrences(of: "<stdin>", with: Self.bigPath))
    if command.contains("json") { return }
    #expect(Self.ownLines(big.stdout) == Self.ownLines(small.stdout), "\(command)")
  }

  @Test func monthsDirectionsAndSampleSizesAreRead() throws {
    // Worked by hand: 12 months of (year − 2020) against a target of 12; decrease with
    // target 5: ratio 5/actual; the office in four spellings is one office.
    for path in [Self.smallPath, Self.bigPath] {
      let result = try runCLI(["achievement", path])
      #expect(result.status == 0, "\(result.stderr)")
      let out = result.stdout
      #expect(out.contains("\nM月報,臺灣臺北地方檢察署,2021,12,12,increase,1,achieved,false\n"))
      #expect(out.contains("\nM月報,臺灣臺北地方檢察署,2024,48,12,increase,4,achieved,false\n"))
      #expect(out.contains("\nD負向,A機關,2021,8,5,decrease,0.625,behind,false\n"))
      #expect(out.contains("\nD負向,A機關,2024,2,5,decrease,2.5,achieved,false\n"))
      // O件數 has no target: no-target, one row per year, all under the canonical name.
      #expect(out.components(separatedBy: "\nO件數,臺灣臺北地方檢察署,").count == 5)
      let trend = try runCLI(["trend", path])
      #expect(trend.status == 0, "\(trend.stderr)")
      // One series of 4 years, 10 → 16: slope 2; monthly sums 12·(year − 2020): slope 12.
      let office = trend.stdout.split(separator: "\n").filter { $0.hasPrefix("O件數,") }
      #expect(office.count == 1)
      #expect(office.first?.hasPrefix("O件數,臺灣臺北地方檢察署,linear,4,2021,2024,") == true)
      #expect(office.first.map { $0.split(separator: ",")[7].hasPrefix("2") || $0.split(separator: ",")[7].hasPrefix("1.99999") } == true)
      let monthly = trend.stdout.split(separator: "\n").first { $0.hasPrefix("M月報,") }
      #expect(monthly?.hasPrefix("M月報,臺灣臺北地方檢察署,linear,4,2021,2024,") == true)
    }
  }

  @Test func skipBadRowsOnALargeFile() throws {
    let bad = ["D負向,B機關,2022,,-3,5,負向,", "D負向,B機關,2023,,abc,5,負向,"]
    let text = Self.bigText(extra: bad)
    let path = try Self.write(text, "bad")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let rejects = NSTemporaryDirectory() + "one-computation-\(ProcessInfo.processInfo.processIdentifier)-rejects.csv"
    defer { try? FileManager.default.removeItem(atPath: rejects) }
    let rows = text.split(separator: "\n").count - 1
    for command in [["achievement"], ["achievement", "--total"]] {
      let skipped = try runCLI(command + [path, "--skip-bad-rows", "--rejects", rejects])
      #expect(skipped.status == 0, "\(skipped.stderr)")
      #expect(skipped.stderr.hasSuffix("read \(rows) rows: used \(rows - 2), rejected 2\n"), "\(skipped.stderr)")
      let rejected = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
      #expect(rejected.count == 3)
      #expect(rejected.dropFirst().map { $0.hasPrefix(bad[0]) || $0.hasPrefix(bad[1]) } == [true, true])
      // The same output as the file without the bad rows; and without the option, exit 65.
      let clean = try runCLI(command + [Self.bigPath])
      #expect(skipped.stdout == clean.stdout)
      let stopped = try runCLI(command + [path])
      #expect(stopped.status == 65)
      #expect(stopped.stderr.contains(":\(8000 * 2 + Self.smallRows.count + 2):5: expected a figure of 0 or more"), "\(stopped.stderr)")
    }
  }

  @Test func quarterlyDuplicatesAndOfficesOnEveryInput() throws {
    let small = [
      "office,year,quarter,count,target", "臺北地檢署,2023,1,2,12", "台北,2023,2,3,12", "臺灣臺北地方檢察署,2023,3,4,",
      "北檢,2023,4,1,12", "士林地檢署,2023,1,1,8", "士林地檢署,2023,1,2,8",
    ]
    var big = small
    for k in 0..<16_000 {
      for q in 1...4 { big.append("填充機關\(k),2023,\(q),\(k % 5),9") }
    }
    let smallPath = try Self.write(small.joined(separator: "\n") + "\n", "q-small")
    let bigText = big.joined(separator: "\n") + "\n"
    let bigPath = try Self.write(bigText, "q-big")
    defer {
      try? FileManager.default.removeItem(atPath: smallPath)
      try? FileManager.default.removeItem(atPath: bigPath)
    }
    #expect(bigText.utf8.count > 1 << 20)
    for options in [["--duplicates", "sum"], ["--duplicates", "last", "--total"]] {
      let a = try runCLI(["quarterly", smallPath] + options)
      let b = try runCLI(["quarterly", bigPath] + options)
      let c = try runCLI(["quarterly", "-"] + options, stdin: bigText)
      #expect(a.status == 0 && b.status == 0 && c.status == 0, "\(a.stderr) \(b.stderr)")
      #expect(b.stdout == c.stdout)
      if !options.contains("--total") { #expect(Self.ownLines(b.stdout) == Self.ownLines(a.stdout)) }
      // 臺北 in four spellings: counts 2, 3, 4, 1 → cumulative 10 of 12 by Q4: pace 10/12.
      #expect(a.stdout.contains("\n臺灣臺北地方檢察署,2023,4,1,10,12,0.8333333333333334,1,0.8333333333333334,behind\n"))
    }
    let sum = try runCLI(["quarterly", bigPath, "--duplicates", "sum"])
    #expect(sum.stdout.contains("\n臺灣士林地方檢察署,2023,1,3,3,8,0.375,0.25,1.5,on-track\n"))
    let last = try runCLI(["quarterly", bigPath, "--duplicates", "last"])
    #expect(last.stdout.contains("\n臺灣士林地方檢察署,2023,1,2,2,8,0.25,0.25,1,on-track\n"))
    let error = try runCLI(["quarterly", bigPath])
    #expect(error.status == 65)
    #expect(error.stderr.contains(":7:4: duplicate row for 臺灣士林地方檢察署 2023Q1: line 6 has the same office and quarter"), "\(error.stderr)")
  }
}
