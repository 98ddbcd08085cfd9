import Foundation
import Testing
import TestSupport

/// Standard input as users give it: redirected from a file (`- < FILE`, read like the
/// path) and from a pipe that delivers its first line on its own (a slow producer: the
/// title line must not be taken for the header).
@Suite struct StandardInputCLITests {
  /// Runs `script` with `sh -c`, `$BIN` the built tool; returns status, stdout, stderr.
  static func shell(_ script: String) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    var environment = ProcessInfo.processInfo.environment
    environment["BIN"] = executablePath
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // The outputs here are small: read one after the other.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }

  static let table = """
    表1 各機關辦理情形
    指標,機關,年度,實際值,目標值
    A,甲,2020,"1,200",1000
    A,甲,2021,900,1000
    B,乙,2021,3,5

    """

  static func write(_ text: String) -> String {
    let path = NSTemporaryDirectory() + "stdin-cli-\(UUID().uuidString).csv"
    try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func titleLineArrivingAloneIsNotTheHeader() throws {
    let lines = Self.table.split(separator: "\n", omittingEmptySubsequences: false)
    let rest = Self.write(lines.dropFirst().joined(separator: "\n"))
    let slow = try Self.shell("(printf '%s\\n' '\(lines[0])'; sleep 0.3; cat '\(rest)') | \"$BIN\" tidy -")
    let whole = try runCLI(["tidy", "-"], stdin: Self.table)
    #expect(slow.status == 0, "\(slow.stderr)")
    #expect(whole.status == 0, "\(whole.stderr)")
    #expect(slow.stdout == whole.stdout)
    #expect(slow.stdout.contains("1200"))
    #expect(slow.stderr == whole.stderr)
    #expect(slow.stderr.contains("title line before the header: 表1 各機關辦理情形"))
  }

  @Test(arguments: ["tidy", "achievement"])
  func redirectedFileReadsLikeThePath(_ command: String) throws {
    let path = Self.write(Self.table)
    let byPath = try runCLI([command, path])
    let redirected = try Self.shell("\"$BIN\" \(command) - < '\(path)'")
    #expect(byPath.status == 0, "\(byPath.stderr)")
    #expect(redirected.stdout == byPath.stdout)
    #expect(redirected.stderr == byPath.stderr.replacingOccurrences(of: path, with: "<stdin>"))
  }
}
