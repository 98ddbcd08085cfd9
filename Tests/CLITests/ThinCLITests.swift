import Foundation
import Testing
import TestSupport

/// The command line's own pieces: closed choices listed and checked by the parser (old
/// spellings still accepted), `-q/--quiet`, and no progress line when standard error is
/// not a terminal.
@Suite struct ThinCLITests {
  static let quarters = """
    indicator,agency,year,quarter,actual,target
    x,a,2023,Q1,5,40
    x,a,2023,Q2,7,40
    x,a,2023,Q3,9,40
    x,a,2023,Q4,11,40

    """

  @Test(arguments: [
    ("--aggregate", "sum', 'mean', 'last' or 'max"),
    ("--direction", "increase', 'decrease', 'zero' or 'milestone"),
    ("--duplicates", "error', 'sum' or 'last"),
    ("--target-per", "year' and 'quarter"),
    ("--encoding", "auto', 'utf-8', 'big5' or 'utf-16"),
    ("--delimiter", "comma', 'semicolon', 'tab' or 'pipe"),
  ])
  func anUnknownChoiceIsAUsageErrorListingTheValues(_ option: String, _ allowed: String) throws {
    let result = try runCLI(["achievement", "-", option, "bogus"], stdin: Self.quarters)
    #expect(result.status == 64)
    #expect(result.stderr.contains("'\(allowed)'"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func classifyRuleIsAClosedChoice() throws {
    let result = try runCLI(["classify", "-", "--rule", "some"], stdin: "case_id,grade\n1,10\n")
    #expect(result.status == 64)
    #expect(result.stderr.contains("'any' and 'all'"), "\(result.stderr)")
    let help = try runCLI(["classify", "--help"])
    #expect(help.stdout.contains("values: any, all"), "\(help.stdout)")
  }

  @Test func helpListsTheValues() throws {
    // The help wraps lines: compare with runs of white space as one space.
    let help = try runCLI(["achievement", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for values in [
      "values: sum, mean, last, max", "values: error, sum, last", "values: year, quarter",
      "values: increase, decrease, zero, milestone", "values: auto, utf-8, big5, utf-16",
    ] {
      #expect(help.contains(values), "\(values)")
    }
  }

  @Test func oldSpellingsAreStillAccepted() throws {
    let canonical = try runCLI(
      ["achievement", "-", "--direction", "decrease", "--encoding", "utf-8", "--delimiter", ","], stdin: Self.quarters)
    #expect(canonical.status == 0, "\(canonical.stderr)")
    let spelled = try runCLI(
      ["achievement", "-", "--direction", "負向", "--encoding", "utf8", "--delimiter", "comma"], stdin: Self.quarters)
    #expect(spelled.status == 0, "\(spelled.stderr)")
    #expect(spelled.stdout == canonical.stdout)
    #expect(canonical.stdout.contains(",decrease,"), "\(canonical.stdout)")
  }

  @Test func quietDropsTheCountsLineButNotErrors() throws {
    let loud = try runCLI(["achievement", "-"], stdin: Self.quarters)
    #expect(loud.status == 0)
    #expect(loud.stderr.contains("read 4 rows: used 4, rejected 0"), "\(loud.stderr)")
    for flag in ["-q", "--quiet"] {
      let quiet = try runCLI(["achievement", "-", flag], stdin: Self.quarters)
      #expect(quiet.status == 0)
      #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
      #expect(quiet.stdout == loud.stdout)
    }
    let bad = try runCLI(["achievement", "-", "-q"], stdin: "indicator,agency,year,actual,target\nx,a,2023,many,4\n")
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("<stdin>:2:"), "\(bad.stderr)")
  }

  /// A run that lasts over a second, with standard error a file: no progress line, no `\r`.
  @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executablePath)
    process.arguments = ["achievement", "-"]
    let input = Pipe(), output = Pipe()
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let err = try FileHandle(forWritingTo: errURL)
    process.standardInput = input
    process.standardOutput = output
    process.standardError = err
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    let lines = Self.quarters.split(separator: "\n")
    try input.fileHandleForWriting.write(contentsOf: Data((lines[0] + "\n" + lines[1] + "\n").utf8))
    Thread.sleep(forTimeInterval: 1.6)  // past the second after which a terminal sees progress
    try input.fileHandleForWriting.write(contentsOf: Data((lines[2...].joined(separator: "\n") + "\n").utf8))
    try input.fileHandleForWriting.close()
    let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try err.close()
    let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    #expect(process.terminationStatus == 0)
    #expect(stdout.hasPrefix("indicator,agency,year"))
    #expect(stderr == "read 4 rows: used 4, rejected 0\n", "\(stderr.debugDescription)")
    #expect(!stderr.contains("\r"))
  }
}

/// Every command's help ends its discussion with EXAMPLES that run as written.
@Suite struct HelpExamplesTests {
  @Test(arguments: [
    "demo", "tidy", "achievement", "quarterly", "classify", "catalog", "trend", "survey", "regress", "chart", "report",
    "import", "status", "history", "export",
  ])
  func examplesRunAsWritten(_ command: String) throws {
    let help = try runCLI([command, "--help"]).stdout
    guard let start = help.range(of: "EXAMPLES:\n"), let end = help.range(of: "\nUSAGE:", range: start.upperBound..<help.endIndex)
    else {
      Issue.record("\(command) --help has no EXAMPLES block")
      return
    }
    let examples = help[start.upperBound..<end.lowerBound].replacingOccurrences(of: " \\\n", with: " ")
      .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    #expect(!examples.isEmpty)
    // In a scratch folder holding SampleData, with the built tool first on PATH.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("examples-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("SampleData"), withDestinationURL: packageRoot.appendingPathComponent("SampleData"))
    let bin = URL(fileURLWithPath: executablePath).deletingLastPathComponent().path
    for example in examples {
      #expect(example.hasPrefix("integrity-stats "), "\(example)")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "set -e; " + example + " > /dev/null 2>&1"]
      process.currentDirectoryURL = folder
      var environment = ProcessInfo.processInfo.environment
      environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
      process.environment = environment
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(command): \(example)")
    }
  }
}
