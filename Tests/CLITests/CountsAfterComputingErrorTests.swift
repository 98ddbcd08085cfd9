import Foundation
import Testing
import TestSupport

/// An error found after a complete read — a series `trend` cannot fit, a report section
/// that cannot be computed — stops the run with exit 65, and standard error still ends
/// with the read's counts line (every row was read and used; none rejected).
@Suite struct CountsAfterComputingErrorTests {
  func file(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("counts-\(UUID().uuidString).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func trendSeriesTooShort() throws {
    let path = try file("indicator,year,value\nA,2020,1\nA,2021,2\nB,2020,1\nB,2021,2\nB,2022,4\n")
    let result = try runCLI(["trend", path])
    #expect(result.status == 65)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == "\(path):2:3: A: a trend needs at least 3 years with values (found 2) in column \"value\"")
    #expect(lines.last == "read 5 rows: used 5, rejected 0")
    #expect(result.stdout.isEmpty)
  }

  @Test func logLinearNonPositive() throws {
    let path = try file("indicator,year,value\nA,2020,1\nA,2021,-2\nA,2022,4\n")
    let result = try runCLI(["trend", path, "--model", "loglinear"])
    #expect(result.status == 65)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("\(path):3:3: A: log-linear trend needs values > 0") == true)
    #expect(lines.last == "read 3 rows: used 3, rejected 0")
  }
}
