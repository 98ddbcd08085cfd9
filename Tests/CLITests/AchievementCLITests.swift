import Foundation
import Testing
import TestSupport

/// Splits simple CSV output (no quoted fields with newlines) into rows of fields.
private func csvRows(_ text: String) -> [[String]] {
  text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
    var fields: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(line)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
        } else { field.append(c) }
      } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
      i += 1
    }
    fields.append(field)
    chars.removeAll()
    return fields
  }
}

/// Differences between two CSV outputs: text fields must be equal, numeric fields equal
/// as doubles (both sides round each figure once, so they agree exactly).
func indicatorsCSVDifferences(_ ours: String, _ expected: String) -> [String] {
  let a = csvRows(ours), b = csvRows(expected)
  var problems: [String] = []
  if a.count != b.count { problems.append("row count \(a.count) vs \(b.count)") }
  for (i, (x, y)) in zip(a, b).enumerated() where x != y {
    if x.count != y.count { problems.append("row \(i): \(x) vs \(y)"); continue }
    for (u, v) in zip(x, y) where u != v {
      if let p = Double(u), let q = Double(v), p == q { continue }
      problems.append("row \(i): \(u) vs \(v) in \(y)")
    }
    if problems.count > 10 { break }
  }
  return problems
}

@Suite struct AchievementCLITests {
  @Test func matchesThePandasReferenceOn10000Rows() throws {
    // Tests/Fixtures/reference/indicators.py computed the expected output in pandas
    // with exact integer hundredths (its header pins the versions).
    let result = try runCLI(["achievement", fixturePath("indicators/generated-achievement.csv"), "--total"])
    #expect(result.status == 0)
    let expected = try String(contentsOfFile: fixturePath("indicators/expected-achievement.csv"), encoding: .utf8)
    let differences = indicatorsCSVDifferences(result.stdout, expected)
    #expect(differences.isEmpty, "\(differences)")
    #expect(result.stderr.hasSuffix("read 10000 rows: used 10000, rejected 0\n"))
  }

  @Test func headerAndThresholdRows() throws {
    let result = try runCLI(["achievement", fixturePath("indicators/achievement-quarters.csv")])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "indicator,agency,year,actual,target,direction,ratio,status,partial")
    // 0.1 + 0.1 + 0.7 + 0.1 = 1 → achieved, ratio 1; 0.1 + 0.1 + 0.5 + 0.2 = 0.9 → near, 0.9.
    #expect(lines.contains("exact,A,2023,1,1,increase,1,achieved,false"))
    #expect(lines.contains("exact,B,2023,0.9,1,increase,0.9,near,false"))
    // 臺北地檢署 and 台北地檢 are one office: 10 + 12 + 11 + 12 = 45 of 50 = 0.9 → near.
    #expect(lines.contains("起訴件數,臺灣臺北地方檢察署,2023,45,50,increase,0.9,near,false"))
    // 士林: three quarters, 3 + 4 + 5 = 12 of 20 = 0.6, partial.
    #expect(lines.contains("起訴件數,臺灣士林地方檢察署,2023,12,20,increase,0.6,behind,true"))
  }

  @Test func totalIsRatioOfSums() throws {
    let csv = "indicator,agency,year,value,target\ni,A,2023,90,100\ni,B,2023,5,10\n"
    let result = try runCLI(["achievement", "--total"], stdin: csv)
    // (90 + 5)/(100 + 10) = 95/110; the mean of ratios (0.9 + 0.5)/2 = 0.7 would be wrong.
    #expect(result.stdout.contains("i,總計,2023,95,110,increase,\(95.0 / 110.0),behind,false"))
  }

  @Test func permutedRowsGiveTheSameBytes() throws {
    let text = try String(contentsOfFile: fixturePath("indicators/generated-achievement.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    let header = lines.removeFirst()
    let original = try runCLI(["achievement", "--total"], stdin: text)
    var generator = SystemRandomNumberGenerator()
    lines.shuffle(using: &generator)
    let shuffled = try runCLI(["achievement", "--total"], stdin: ([header] + lines).joined(separator: "\n") + "\n")
    #expect(original.status == 0)
    #expect(shuffled.stdout == original.stdout)
  }

  @Test func badInputIsLocated() throws {
    func run(_ csv: String, _ extra: [String] = []) throws -> (Int32, String) {
      let r = try runCLI(["achievement"] + extra, stdin: csv)
      return (r.status, r.stderr)
    }
    // A negative count: line 2, column 4 (value).
    let negative = try run("indicator,agency,year,value,target\ni,A,2023,-3,5\n")
    #expect(negative.0 == 65)
    #expect(negative.1.contains("<stdin>:2:4: expected a figure of 0 or more in column \"value\" (found \"-3\")"))
    // A duplicate (indicator, agency, period): the later line, naming the earlier.
    let duplicate = try run("indicator,agency,year,quarter,value\ni,A,2023,1,3\ni,B,2023,1,3\ni,A,2023,1,4\n")
    #expect(duplicate.0 == 65)
    #expect(duplicate.1.contains("<stdin>:4:5: duplicate row for i, A, 2023 period 2023Q1: line 2"))
    // … summed on request: 3 + 4 = 7.
    let summed = try runCLI(
      ["achievement", "--duplicates", "sum"], stdin: "indicator,agency,year,quarter,value\ni,A,2023,1,3\ni,A,2023,1,4\n")
    #expect(summed.stdout.contains("i,A,2023,7,,increase,,no-target,true"))
    // Disagreeing annual targets on quarter rows: both lines named.
    let targets = try run("agency,year,quarter,value,target\nA,2023,1,3,10\nA,2023,2,3,12\n")
    #expect(targets.0 == 65)
    #expect(targets.1.contains("<stdin>:3:5: annual target differs between lines 2 and 3"))
    // A quarter 5 and a year 0 are the reader's row errors (exit 65 with a location).
    let quarter = try run("agency,year,quarter,value\nA,2023,5,3\n")
    #expect(quarter.0 == 65)
    #expect(quarter.1.contains("<stdin>:2:3:"))
    let year = try run("agency,year,value\nA,0,3\n")
    #expect(year.0 == 65)
    #expect(year.1.contains("<stdin>:2:2:"))
    // Bad options are usage errors.
    #expect(try runCLI(["achievement", "--aggregate", "median"], stdin: "").status == 64)
    #expect(try runCLI(["achievement", "--near", "1.5"], stdin: "").status == 64)
  }

  @Test func rowsInEqualUsedPlusRejected() throws {
    let csv = "indicator,agency,year,value,target\ni,A,2023,3,5\ni,B,2023,x,5\ni,C,2023,4,5\n"
    let result = try runCLI(["achievement", "--skip-bad-rows"], stdin: csv)
    #expect(result.status == 0)
    #expect(result.stderr.hasSuffix("read 3 rows: used 2, rejected 1\n"))
    #expect(result.stdout.split(separator: "\n").count == 3)
  }

  @Test func directionFromTheCatalog() throws {
    // 8-8-1 is a zero-event target in the plan's catalog: 0 events → achieved, no ratio.
    let result = try runCLI(["achievement"], stdin: "indicator,agency,year,value\n8-8-1,A,2023,0\n")
    #expect(result.status == 0)
    let row = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(row == "8-8-1,A,2023,0,,zero,,achieved,false")
  }
}
