import Foundation
import Testing
import TestSupport

/// Runs the built executable with extra environment variables.
func runCLI(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executablePath)
  process.arguments = arguments
  process.currentDirectoryURL = packageRoot
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
  let out = Pipe(), err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

@Suite("report: date, calendar, roll-up and scale", .serialized)
struct ReportScaleTests {
  static let yearly = "SampleData/synthetic_yearly_indicators_big5.csv"

  @Test("achievement --by strategy: counts per year, strategy and measure with the catalog's titles (CSV and JSON)")
  func byStrategy() throws {
    let (status, csv, err) = try runCLI(["achievement", Self.yearly, "--by", "strategy"])
    #expect(status == 0, "\(err)")
    let lines = csv.split(separator: "\n").map(String.init)
    #expect(lines.first == "year,strategy,strategy_title,measure,measure_title,targets,achieved,near,behind,no_target,no_data")
    // The plain achievement rows of 2024, counted by hand per status, equal the roll-up's subtotals.
    let (_, plain, _) = try runCLI(["achievement", Self.yearly])
    let rows2024 = plain.split(separator: "\n").dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == "2024" }
    let subtotals = lines.dropFirst().filter { $0.hasPrefix("2024,") && $0.split(separator: ",", omittingEmptySubsequences: false)[3].isEmpty }
    let counted = subtotals.map { Int($0.split(separator: ",", omittingEmptySubsequences: false)[5])! }.reduce(0, +)
    #expect(counted == rows2024.count && counted > 0)
    let s8 = lines.first { $0.hasPrefix("2024,8,增修肅貪法令") && $0.split(separator: ",", omittingEmptySubsequences: false)[3].isEmpty }
    #expect(s8 != nil, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("2024,8,") && $0.contains(",8-5,") })
    let (s2, json, _) = try runCLI(["achievement", Self.yearly, "--by", "strategy", "--format", "json"])
    #expect(s2 == 0)
    let items = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
    #expect(items?.count == lines.count - 1)
    #expect(items?.first?["strategy_title"] is String)
    let (s3, _, e3) = try runCLI(["achievement", Self.yearly, "--by", "agency"])
    #expect(s3 == 64, "\(e3)")
  }

  @Test("the date of compilation comes from --date, else SOURCE_DATE_EPOCH; ROC years unless --gregorian")
  func dateAndCalendar() throws {
    let (s1, html1, e1) = try runCLI(["report", Self.yearly, "--date", "2026-12-05"])
    #expect(s1 == 0, "\(e1)")
    #expect(html1.contains("<dt>製表日期</dt><dd>115年12月5日（2026-12-05）</dd>"))
    #expect(html1.contains("<dt>資料期間</dt><dd>108年至113年（西元 2019–2024 年）</dd>"))
    #expect(html1.contains(">113年</th>"))
    #expect(html1.contains("<code>\(Self.yearly)</code> <span class=\"hash\">"))
    let bytes = FileManager.default.contents(atPath: packageRoot.appendingPathComponent(Self.yearly).path)!
    let sha = try runShell(["sha256sum", packageRoot.appendingPathComponent(Self.yearly).path]).prefix(64)
    #expect(bytes.count > 0 && html1.contains(String(sha)))
    let (s2, html2, _) = try runCLI(["report", Self.yearly], environment: ["SOURCE_DATE_EPOCH": "1796515199"])
    #expect(s2 == 0)
    #expect(html2 == html1)  // same date → same bytes
    let (_, html3, _) = try runCLI(["report", Self.yearly, "--date", "2026-12-05", "--gregorian"])
    #expect(html3.contains(">2024</th>") && !html3.contains(">113年</th>"))
    // Standard input cannot be read twice: no digest, said so (never the digest of nothing).
    let csv = try String(contentsOfFile: packageRoot.appendingPathComponent("SampleData/synthetic_target_cases_quarterly.csv").path, encoding: .utf8)
    let (s6, html6, _) = try runCLI(["report", "-", "--date", "2026-12-05"], stdin: csv)
    #expect(s6 == 0)
    #expect(html6.contains("未計算") && !html6.contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    let (s4, _, e4) = try runCLI(["report", Self.yearly, "--date", "2026-02-30"])
    #expect(s4 == 64, "\(e4)")
    let (s5, _, e5) = try runCLI(["report", Self.yearly], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
    #expect(s5 == 64, "\(e5)")
  }

  /// 100,000 generated rows (500 indicators over the plan's measures × 20 agencies × 10 years):
  /// the page stays under 2 MB, charts and tables are cut with notes, and the whole tables are
  /// written beside the page as CSV.
  @Test("a 100,000-row input gives a report under 2 MB with the full data beside it")
  func scale() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-scale-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let measures = ["2-1", "2-3", "5-1", "8-3", "8-5", "9-4", "1-1", "3-2", "4-1", "6-2", "7-1"]
    var csv = "indicator,agency,year,value,target,direction\n"
    var rng = SplitMix64(seed: 17)
    for i in 0..<500 {
      let indicator = "\(measures[i % measures.count]) 指標\(i)"
      for a in 0..<20 {
        for year in 2015..<2025 {
          csv += "\(indicator),機關\(a),\(year),\(rng.next() % 120),100,increase\n"
        }
      }
    }
    let input = dir.appendingPathComponent("big.csv").path
    try csv.write(toFile: input, atomically: true, encoding: .utf8)
    let output = dir.appendingPathComponent("big-report.html").path
    let (status, _, err) = try runCLI(["report", input, "-o", output, "--date", "2026-12-05"])
    #expect(status == 0, "\(err)")
    let size = (try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? .max
    #expect(size < 2_000_000, "report is \(size) bytes")
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(err.contains("read 100000 rows: used 100000, rejected 0"), "\(err)")
    #expect(html.contains("（共 10000 項）"))           // bars: lowest and highest 20 of 10,000
    #expect(html.contains("（共 100000 列）"))          // appendix cut
    let data = dir.appendingPathComponent("big-report-data-1.csv").path
    let lines = try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n").count
    #expect(lines == 100_001)
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("big-report-achievement.csv").path))
    #expect(html.contains("<a href=\"big-report-data-1.csv\">"))
  }

  @Test("chart --as svg draws at most --max-bars bars of a large achievement table (default 100), and says so in the title")
  func chartMaxBars() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chart-bars-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var csv = "indicator,agency,year,actual,target,direction,ratio,status,partial\n"
    for i in 0..<100 { csv += "8-5 指標\(i),法務部,2024,\(i),50,increase,\(Double(i) / 50),\(i >= 50 ? "achieved" : "behind"),false\n" }
    let input = dir.appendingPathComponent("achievement.csv").path
    try csv.write(toFile: input, atomically: true, encoding: .utf8)
    let (status, svg, err) = try runCLI(["chart", input, "--as", "svg", "--max-bars", "40"])
    #expect(status == 0, "\(err)")
    #expect(svg.components(separatedBy: "paint-order=\"stroke\"").count - 1 == 40)
    #expect(svg.contains("共 100 項"))
    #expect(svg.contains(">8-5 指標0 · 法務部<") && svg.contains(">8-5 指標99 · 法務部<") && !svg.contains(">8-5 指標50 · 法務部<"))
    let (_, all, _) = try runCLI(["chart", input, "--as", "svg", "--max-bars", "0"])
    #expect(all.components(separatedBy: "paint-order=\"stroke\"").count - 1 == 100)
  }

  @Test("chart --as svg draws at most --max-panels offices of a quarterly table (lowest and highest by latest rate)")
  func chartMaxPanels() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chart-panels-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var csv = "agency,year,quarter,count,cumulative,target,cumulative_rate,expected_rate,pace,status\n"
    for office in 0..<60 {
      for q in 1...4 {
        let rate = Double(office * q) / 100
        csv += "機關\(office),2024,\(q),1,1,10,\(rate),\(Double(q) / 4),\(rate * 4 / Double(q)),on-track\n"
      }
    }
    let input = dir.appendingPathComponent("quarterly.csv").path
    try csv.write(toFile: input, atomically: true, encoding: .utf8)
    let (status, svg, err) = try runCLI(["chart", input, "--as", "svg", "--max-panels", "10"])
    #expect(status == 0, "\(err)")
    #expect(svg.components(separatedBy: "<g class=\"panel\">").count - 1 == 10)
    #expect(svg.contains("共 60 個"))
    #expect(svg.contains(">機關0<") && svg.contains(">機關4<") && svg.contains(">機關59<") && svg.contains(">機關55<"))
    #expect(!svg.contains(">機關30<"))
  }

  func runShell(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
