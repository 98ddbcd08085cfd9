import Foundation
import Testing
import TestSupport

@Suite("report command", .serialized)
struct ReportCommandTests {
  @Test("report on the survey file: survey section, and the reader's summary is the last stderr line")
  func surveyReport() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).html").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (status, _, err) = try runCLI(["report", "SampleData/synthetic_integrity_survey.csv", "--columns", "value=百分比", "-o", path])
    #expect(status == 0, "\(err)")
    #expect(err.hasSuffix("read 16 rows: used 16, rejected 0\n"))
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.contains("<section id=\"survey\">"))
    #expect(!html.contains("<section id=\"achievement\">"))
    #expect(!html.lowercased().contains("<script"))
  }

  @Test("report --lang en on the Big5 yearly file: achievement in English")
  func englishAchievement() throws {
    let (status, html, err) = try runCLI(["report", "SampleData/synthetic_yearly_indicators_big5.csv", "--lang", "en", "--roc"])
    #expect(status == 0, "\(err)")
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("Achievement of performance targets"))
    #expect(html.contains("ROC 113"))
  }

  /// Tests/browser/report_check.py: headless Chromium loads the demo's report.html, takes a
  /// screenshot, and fails on any console message or any request the page makes. Shown as
  /// skipped where Chromium is not installed; in CI it always runs (`ExternalTool`).
  @Test(
    "the demo report opens in headless Chromium with no console error and no network request",
    .enabled(if: ExternalTool.chromium.testsRun, "needs chromium (scripts/setup.sh --test)"))
  func browser() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-browser-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let (status, _, err) = try runCLI(["demo", "--out", dir])
    #expect(status == 0, "\(err)")
    let script = packageRoot.appendingPathComponent("Tests/browser/report_check.py").path
    let (s1, out1) = try python([script, "--self-test"])
    #expect(s1 != 3, "Chromium missing (CI must run scripts/setup.sh --test): \(out1)")
    #expect(s1 == 0, "the browser check cannot detect errors: \(out1)")
    let (s2, out2) = try python([
      script, "\(dir)/report.html", "\(dir)/report.png", "--expect-svg", "8", "--expect-text", "績效目標達成情形",
    ])
    #expect(s2 == 0, "\(out2)")
  }

  func python(_ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
