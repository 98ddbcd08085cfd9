import Foundation
import Testing
import TestSupport

/// The survey's row rules (n present, positive and whole; a proportion in [0, 1]; one row
/// per year) are row-level problems like a cell the reader cannot read: without
/// `--skip-bad-rows` the first stops the run at its line and column and standard error
/// still ends with the counts line; with it each is a reject with its reason, in the
/// `--rejects` file too, and N = U + R.
@Suite struct SurveyRejectsTests {
  /// Line 3: a proportion above 1; line 5: 2023 again; line 6: no n; line 7: no value.
  static let text = "year,value,n\n110,0.5,1000\n111,1.5,1000\n112,0.6,1000\n112,0.6,1000\n113,0.6,\n114,…,1000\n"

  func file(_ name: String, _ text: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("survey-rejects-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test(arguments: [["survey"], ["survey", "--trend"], ["trend", "--survey"]])
  func firstBadRowStopsWithCounts(command: [String]) throws {
    let path = try file("s.csv", Self.text)
    let result = try runCLI(command + [path])
    #expect(result.status == 65)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == "\(path):3:2: a proportion must be between 0 and 1 in column \"value\" (found \"1.5\"); use --percent, or a % unit, for percentages")
    #expect(lines.last == "read 2 rows: used 1, rejected 1")
  }

  @Test func skipBadRowsRejectsEveryRuleWithItsReason() throws {
    let path = try file("s.csv", Self.text)
    let rejects = (path as NSString).deletingLastPathComponent + "/rejects.csv"
    let result = try runCLI(["survey", path, "--skip-bad-rows", "--rejects", rejects])
    #expect(result.status == 0, "\(result.stderr)")
    let years = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] }
    #expect(years == ["2021", "2023"])
    let stderr = result.stderr.split(separator: "\n").map(String.init)
    #expect(stderr.contains("warning: \(path):7: no value for survey 2025: row skipped"))
    #expect(stderr.contains { $0.hasPrefix("rejected: \(path):5:1: survey 2023 appears twice (also on line 4)") })
    #expect(stderr.contains("rejected: \(path):6:3: survey rows need a sample size (n, 樣本數) in column \"n\""))
    #expect(stderr.last == "read 6 rows: used 3, rejected 3")
    let file = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
    #expect(file.count == 4)  // reasons hold quotes and commas: quoted, quotes doubled
    #expect(file[0] == "year,value,n,reason")
    #expect(file[1].hasPrefix("111,1.5,1000,\"\(path):3:2: a proportion must be between 0 and 1"))
    #expect(file[2].hasPrefix("112,0.6,1000,\"\(path):5:1: "))
    #expect(file[3].hasPrefix("113,0.6,,\"\(path):6:3: "))
  }

  @Test func percentRulesAndWholeRespondents() throws {
    let path = try file("p.csv", "year,value,n\n110,45,1000\n111,101,1000\n112,50,0\n113,50,10.5\n114,50,1.05e3\n")
    let result = try runCLI(["survey", path, "--percent", "--skip-bad-rows"])
    #expect(result.status == 0, "\(result.stderr)")
    let stderr = result.stderr.split(separator: "\n").map(String.init)
    #expect(stderr.contains { $0.hasPrefix("rejected: \(path):3:2: a percentage must be between 0 and 100") })
    #expect(stderr.contains { $0.hasPrefix("rejected: \(path):4:3: sample size must be positive") })
    #expect(stderr.contains { $0.hasPrefix("rejected: \(path):5:3: sample size must be a whole number of respondents") })
    #expect(stderr.last == "read 5 rows: used 2, rejected 3")
    #expect(result.stdout.contains("\n,2025,1050,0.5,"))
  }
}
