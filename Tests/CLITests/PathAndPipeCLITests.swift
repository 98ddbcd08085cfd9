import Foundation
import IntegrityStats
import Testing
import TestSupport

/// End to end: a file of more than 1 MiB by path and the same bytes on a pipe (spooled
/// to memory, then read like the file) give byte-identical output and row account,
/// through each command's options. (Cutting a file or a spooled pipe in two parts is
/// checked in the reader's tests, with a small `parallelMinimum`.)
@Suite struct PathAndPipeCLITests {
  /// About 2 MB: 20 indicators × 30 offices × 12 years × 4 quarters, with decimals,
  /// quoted thousands, missing figures and a few partial years.
  static let text = makeText(zeroTargets: false)
  /// The same with some annual targets of 0 (`quarterly` reports them as no-target;
  /// `achievement` refuses them for direction increase).
  static let quarterlyText = makeText(zeroTargets: true)

  static func makeText(zeroTargets: Bool) -> String {
    // Names that need quoting or the CSV-injection guard in the output, too.
    let offices = ["臺北", "新北地檢署", "臺灣士林地方檢察署", "桃園", "台中", "高雄", "\"機關, 甲\"", "=機關乙", "-丙"]
      + (0..<21).map { "機關\($0)" }
    var lines = ["指標,機關,年度,季別,實際值,目標值"]
    var state: UInt64 = 7
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    for i in 0..<20 {
      for office in offices {
        for year in 101...112 {
          // Mostly an annual target; sometimes none, sometimes 0 (no-target rows).
          let target =
            switch next() % 12 {
            case 0: ""
            case 1: zeroTargets ? "0" : "7"
            default: "\"\(1 + next() % 3),\(100 + next() % 900).\(next() % 10)\""
            }
          for quarter in 1...4 {
            let value: String
            switch next() % 50 {
            case 0: value = "…"
            case 1: value = "－"
            default: value = "\(next() % 900).\(next() % 100)"
            }
            lines.append("I\(i),\(office),\(year),第\(quarter)季,\(value),\(target)")
          }
        }
      }
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  static func write(_ text: String, _ name: String) -> String {
    let path = NSTemporaryDirectory() + "path-and-pipe-\(ProcessInfo.processInfo.processIdentifier)-\(name).csv"
    try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  static let path = write(text, "a")
  static let quarterlyPath = write(quarterlyText, "q")

  @Test(arguments: [
    ["achievement"], ["achievement", "--total"], ["achievement", "--aggregate", "mean"], ["achievement", "--raw"],
    ["achievement", "--aggregate", "last"], ["achievement", "--aggregate", "max", "--total"],
    ["achievement", "--format", "json"], ["achievement", "--format", "json", "--total", "--digits", "3"],
    ["quarterly"], ["quarterly", "--total"], ["quarterly", "--raw", "--digits", "4"], ["quarterly", "--format", "json"],
    ["quarterly", "--format", "json", "--total"], ["trend", "--model", "linear"],
  ])
  func pipeGivesTheBytesOfThePath(_ command: [String]) throws {
    let (text, path) = command[0] == "quarterly" ? (Self.quarterlyText, Self.quarterlyPath) : (Self.text, Self.path)
    #expect(text.utf8.count > 1 << 20)
    let byPath = try runCLI(command + [path])
    let piped = try runCLI(command + ["-"], stdin: text)
    #expect(byPath.status == 0, "\(byPath.stderr)")
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(byPath.stdout == piped.stdout)
    #expect(byPath.stdout.count > 10_000)
    #expect(byPath.stderr.split(separator: "\n").last == piped.stderr.split(separator: "\n").last)
  }
}
