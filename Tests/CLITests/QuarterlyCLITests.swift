import Foundation
import Testing
import TestSupport

@Suite struct QuarterlyCLITests {
  @Test func matchesThePandasReference() throws {
    // 22 offices × 6 years with gaps, rows shuffled, offices spelled four ways;
    // expected output from Tests/Fixtures/reference/indicators.py (pandas).
    let result = try runCLI(["quarterly", fixturePath("indicators/generated-quarterly.csv"), "--total"])
    #expect(result.status == 0)
    let expected = try String(contentsOfFile: fixturePath("indicators/expected-quarterly.csv"), encoding: .utf8)
    let differences = indicatorsCSVDifferences(result.stdout, expected)
    #expect(differences.isEmpty, "\(differences)")
  }

  @Test func handWorkedReview() throws {
    let result = try runCLI(["quarterly", fixturePath("indicators/quarterly-offices.csv"), "--total"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "agency,year,quarter,count,cumulative,target,cumulative_rate,expected_rate,pace,status")
    // 臺北, target 8: Q1 1 → 1/8 = 0.125, pace 0.125/0.25 = 0.5 behind; Q2 1 + 3 = 4 → 0.5,
    // pace 1 on-track; Q4 (written 台北地檢) 4 + 2 + 3 = 9 → 1.125, pace 1.125.
    #expect(lines[1] == "臺灣臺北地方檢察署,2024,1,1,1,8,0.125,0.25,0.5,behind")
    #expect(lines[2] == "臺灣臺北地方檢察署,2024,2,3,4,8,0.5,0.5,1,on-track")
    #expect(lines[4] == "臺灣臺北地方檢察署,2024,4,3,9,8,1.125,1,1.125,on-track")
    // 新北 did not report Q2: Q2 and after have no cumulative, incomplete.
    #expect(lines[6] == "臺灣新北地方檢察署,2024,2,,,8,,0.5,,incomplete")
    #expect(lines[7] == "臺灣新北地方檢察署,2024,3,1,,8,,0.75,,incomplete")
    // National Q1: 1 + 2 + 0 = 3 of 8 + 8 + 4 = 20: 0.15, pace 0.15/0.25 = 0.6.
    #expect(lines[13] == "全國,2024,1,3,3,20,0.15,0.25,0.6,behind")
  }

  @Test func targetsFromAFile() throws {
    let csv = "office,year,quarter,value\n臺北地檢署,113,1,1\n臺北地檢署,113,2,3\n"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("q-\(UUID().uuidString).csv").path
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try runCLI(["quarterly", path, "--targets", fixturePath("indicators/quarterly-targets.csv")])
    #expect(result.status == 0)
    // Target 8 from the file (臺北,2024,8): Q2 cumulative 4 → 0.5, pace 1.
    #expect(result.stdout.contains("臺灣臺北地方檢察署,2024,2,3,4,8,0.5,0.5,1,on-track"))
  }

  @Test func badInputIsLocated() throws {
    // The same office and quarter twice, spelled differently: exit 65 at the later line.
    let dup = try runCLI(["quarterly"], stdin: "office,year,quarter,value,target\n臺北,113,1,1,4\n台北地檢署,113,1,2,4\n")
    #expect(dup.status == 65)
    #expect(dup.stderr.contains("<stdin>:3:4: duplicate row for 臺灣臺北地方檢察署 2024Q1: line 2"))
    // A negative count.
    let negative = try runCLI(["quarterly"], stdin: "office,year,quarter,value,target\n臺北,113,1,-1,4\n")
    #expect(negative.status == 65)
    #expect(negative.stderr.contains("<stdin>:2:4: expected a count of 0 or more"))
    // An annual row has no quarter.
    let annual = try runCLI(["quarterly"], stdin: "office,year,value,target\n臺北,113,1,4\n")
    #expect(annual.status == 65)
    #expect(annual.stderr.contains("<stdin>:2:"))
  }

  @Test func permutedRowsGiveTheSameBytes() throws {
    let text = try String(contentsOfFile: fixturePath("indicators/generated-quarterly.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    let header = lines.removeFirst()
    let original = try runCLI(["quarterly", "--total"], stdin: text)
    lines.reverse()
    let reversed = try runCLI(["quarterly", "--total"], stdin: ([header] + lines).joined(separator: "\n") + "\n")
    #expect(original.status == 0)
    #expect(reversed.stdout == original.stdout)
  }
}
