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
    #expect(html.contains("<section id=\"survey\""))
    #expect(!html.contains("<section id=\"achievement\""))
    #expect(!html.lowercased().contains("<script"))
  }

  /// `-o -` is standard output, as no `-o` is: the same page (it crashed in Foundation's
  /// path functions, looking for the folder of a page named "-"), no attachment file.
  @Test("report -o - writes the page to standard output")
  func dashIsStandardOutput() throws {
    let input = "SampleData/synthetic_target_cases_quarterly.csv"
    let (status, html, err) = try runCLI(["report", input, "--date", "2026-12-07", "-o", "-"])
    #expect(status == 0, "\(err)")
    let (_, plain, _) = try runCLI(["report", input, "--date", "2026-12-07"])
    #expect(html.hasPrefix("<!DOCTYPE html>") && html == plain)
    #expect(!err.contains("wrote "))
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
      script, "\(dir)/report.html", "\(dir)/report.png", "--expect-svg", "6", "--expect-text", "績效目標達成情形",
    ])
    #expect(s2 == 0, "\(out2)")
  }

  /// Tests/browser/print_check.py: the demo report printed to PDF by headless Chromium has A4
  /// pages, every section title, every office of every year in the quarterly section (pace
  /// chart and table: 2 per year), the trend table's last column, and the appendix tables.
  @Test("the demo report prints on A4 with every section, office, year and the appendix",
        .enabled(if: ExternalTool.printTools.testsRun, "needs chromium and poppler-utils (scripts/setup.sh --test)"))
  func printsOnA4() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-print-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let (status, _, err) = try runCLI(["demo", "--out", dir, "--date", "2026-12-05"])
    #expect(status == 0, "\(err)")
    let html = try String(contentsOfFile: "\(dir)/report.html", encoding: .utf8)
    let titles = html.matches(of: /<h2 id="[a-z]+-h">([^<]+)<\/h2>/).map { String($0.1) }
    // Achievement, roll-up, quarterly, trend, survey, the workspace's reporting status, appendix.
    #expect(titles.count == 7, "\(titles)")
    var offices: [String] = [], years = Set<String>()
    for line in try String(contentsOfFile: "\(dir)/quarterly.csv", encoding: .utf8).split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      if !offices.contains(String(fields[0])) { offices.append(String(fields[0])) }
      years.insert(String(fields[1]))
    }
    #expect(offices.count == 22 && years.count == 2)
    func title(_ prefix: String) -> String { titles.first { $0.contains(prefix) } ?? prefix }
    let spec: [String: Any] = [
      "page_size": [595, 842], "max_pages": 40,
      "texts": titles + ["製表日期", "115年12月5日", "2026-12-05", "資料期間", "SHA-256"],
      "sections": [
        ["from": title("目標案件每季檢討"), "to": title("趨勢與推估"),
         "texts": years.map { "\(Int($0)! - 1911)年" }, "counts": Dictionary(uniqueKeysWithValues: offices.map { ($0, 2 * years.count) })],
        ["from": title("趨勢與推估"), "to": title("廉政民意調查"), "texts": ["推估區間", "起訴貪瀆案件數"]],
        ["from": title("附錄"), "texts": [
          "synthetic_yearly_indicators_big5.csv", "synthetic_target_cases_quarterly.csv",
          "synthetic_indictments_seizures_wide.csv", "synthetic_integrity_survey.csv",
          "3-3 民眾認為政府防治貪腐有成效的比例", "福建連江地方檢察署"]],
      ],
    ]
    let specPath = "\(dir)/print-spec.json"
    try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))
    let script = packageRoot.appendingPathComponent("Tests/browser/print_check.py").path
    let (s1, out1) = try python([script, "--self-test"])
    #expect(s1 == 0, "the print check cannot detect a problem: \(out1)")
    let (s2, out2) = try python([script, "\(dir)/report.html", "\(dir)/report.pdf", specPath])
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
