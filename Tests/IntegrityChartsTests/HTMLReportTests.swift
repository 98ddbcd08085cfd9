import Foundation
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityCharts

@Suite("HTML report")
struct HTMLReportTests {
  static func fixtureTable(_ name: String) throws -> Table {
    ChartSource(try TableReader.read(path: fixturePath("charts/\(name)"), options: ReadOptions())).table
  }

  static func content(indicator: String = "8-5 起訴貪瀆案件數") throws -> HTMLReport.Content {
    let achievement = Table(columns: [
      Column("indicator", text: [indicator, indicator]),
      Column("agency", text: ["臺灣臺北地方檢察署", "臺灣臺北地方檢察署"]),
      Column("year", integers: [2023, 2024]),
      Column("actual", numbers: [30, 37]),
      Column("target", numbers: [34, 34]),
      Column("direction", text: ["increase", "increase"]),
      Column("ratio", numbers: [30.0 / 34.0, 37.0 / 34.0]),
      Column("status", text: ["behind", "achieved"]),
    ])
    return HTMLReport.Content(
      sources: ["a&b.csv"], achievement: achievement, quarterly: try fixtureTable("quarterly.csv"),
      trend: try fixtureTable("trend.csv"), survey: try fixtureTable("survey.csv"),
      appendix: [("obs <1>", try fixtureTable("observations.csv"))])
  }

  @Test("one self-contained page: CSP forbids script and network, no script element, no external reference")
  func selfContained() throws {
    let html = try HTMLReport(try Self.content()).html()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-TW\">"))
    #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
    #expect(!html.contains("https://"))
    #expect(!html.contains("<link"))
    // achievement; quarterly (1 year: the ranked pace bars); 2 trend series; survey
    #expect(html.components(separatedBy: "<svg ").count - 1 == 5)
  }

  @Test("every text from the data is escaped")
  func escaping() throws {
    let html = try HTMLReport(try Self.content(indicator: "<script>alert(\"x\")</script> & 8-5")).html()
    #expect(!html.lowercased().contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 8-5"))
    #expect(html.contains("<code>a&amp;b.csv</code>"))
    #expect(html.contains("obs &lt;1&gt;"))
  }

  @Test("achievement grouped by the plan's strategy, with status badges and ratios in the table")
  func achievementSection() throws {
    let html = try HTMLReport(try Self.content()).html()
    #expect(html.contains("<h3>策略八："))  // 8-5 belongs to strategy 8
    #expect(html.contains("<span class=\"badge s-behind\">落後</span><br>88.2%"))  // 30/34 = 0.88235…
    #expect(html.contains("<span class=\"badge s-achieved\">達成</span><br>108.8%"))  // 37/34 = 1.08823…
  }

  @Test("quarterly pace bars: each office's latest quarter, pace and status (fixture: 臺北 Q4 pace 0.9167 behind)")
  func paceBars() throws {
    let html = try HTMLReport(try Self.content()).html()
    // 臺北: Q4 cumulative 11 of 12 → rate 11/12 = 0.9167, expected 4/4 → pace 0.9167 → 91.7% behind
    #expect(html.contains("<title>臺灣臺北地方檢察署 2024: 91.7% (落後)</title>"))
    // 南投: Q4 incomplete (Q2 missing) → no pace, a status marker only
    #expect(html.contains("<title>臺灣南投地方檢察署 2024: 無資料 (資料不全)</title>"))
    #expect(html.contains("各地檢署進度比排序（2024，最新一季：第4季）"))
  }

  @Test("English report, ROC years")
  func english() throws {
    let html = try HTMLReport(try Self.content(), options: ChartOptions(language: .en, rocYears: true)).html()
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("Strategy 8:"))
    #expect(html.contains("ROC 113"))
  }

  @Test("same content → same bytes")
  func deterministic() throws {
    #expect(try HTMLReport(try Self.content()).html() == HTMLReport(try Self.content()).html())
  }

  @Test("the header states the date of compilation (ROC and Gregorian), the data period and each input's SHA-256")
  func facts() throws {
    var content = try Self.content()
    content.sources = [SourceFile(name: "a.csv", sha256: String(repeating: "ab", count: 32)), SourceFile(name: "-")]
    let html = try HTMLReport(content, options: ChartOptions(rocYears: true), date: CompilationDate(iso: "2026-12-05")).html()
    #expect(html.contains("<dt>製表日期</dt><dd>115年12月5日（2026-12-05）</dd>"))
    // achievement 2023–2024, quarterly 2024, trend and survey fixtures: the widest span.
    #expect(html.contains("<dt>資料期間</dt><dd>"))
    #expect(html.contains("<code>a.csv</code> <span class=\"hash\">\(String(repeating: "ab", count: 32))</span>"))
    #expect(html.contains("<code>-</code> <span class=\"hash\">（非一般檔案〔如標準輸入〕，未計算）</span>"))
    let gregorian = try HTMLReport(content, date: CompilationDate(iso: "2026-12-05")).html()
    #expect(gregorian.contains(">2023</th>") && !gregorian.contains(">112年</th>"))
    #expect(html.contains(">112年</th>"))
    #expect(!(try HTMLReport(content).html()).contains("製表日期"))
  }

  @Test("prints on A4: @page, page breaks, repeated headers, no scroll boxes, nothing collapsed")
  func printCSS() throws {
    let html = try HTMLReport(try Self.content()).html()
    #expect(!html.contains("<details"))
    let css = HTMLReport.css
    #expect(css.contains("@page { size: A4;"))
    #expect(css.contains("section { break-before: page; }"))
    #expect(css.contains("thead { display: table-header-group; }"))
    #expect(css.contains(".scroll, figure { overflow: visible; }"))
  }

  @Test("roll-up section: per strategy and measure, counts by status, from the achievement rows")
  func rollup() throws {
    let html = try HTMLReport(try Self.content()).html()
    #expect(html.contains("<section id=\"rollup\""))
    // 2024: one achieved target of measure 8-5; 2023: one behind.
    let s2024 = html.components(separatedBy: "<h3>2024</h3>")[1].components(separatedBy: "</table>")[0]
    #expect(s2024.contains("<tr class=\"subtotal\"><th scope=\"row\" class=\"first\">策略八："))
    #expect(s2024.contains("<th scope=\"row\" class=\"first\">8-5 "))
    #expect(s2024.contains("<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td>"))
  }

  @Test("at scale: at most maxBars bars with a note, tables cut at maxTableRows with the whole table attached")
  func limits() throws {
    let n = 100
    let indicators = (0..<n).map { "8-5 指標\($0)" }
    let achievement = Table(columns: [
      Column("indicator", text: indicators), Column("agency", text: Array(repeating: "法務部", count: n)),
      Column("year", integers: Array(repeating: 2024, count: n)),
      Column("actual", numbers: (0..<n).map { Double($0) }), Column("target", numbers: Array(repeating: 50, count: n)),
      Column("direction", text: Array(repeating: "increase", count: n)),
      Column("ratio", numbers: (0..<n).map { Double($0) / 50 }),
      Column("status", text: (0..<n).map { $0 >= 50 ? "achieved" : $0 >= 45 ? "near" : "behind" }),
    ])
    let content = HTMLReport.Content(achievement: achievement, appendix: [("obs", achievement)])
    let report = try HTMLReport(content, maxTableRows: 30, maxBars: 10, attachmentStem: "out").render()
    let chart = report.html.components(separatedBy: "<figure>")[1].components(separatedBy: "</figure>")[0]
    #expect(chart.components(separatedBy: "<rect x=").count - 1 - 0 >= 10)
    #expect(chart.contains("8-5 指標0 · 法務部") && chart.contains("8-5 指標4 · 法務部"))   // the lowest 5
    #expect(chart.contains("8-5 指標99 · 法務部") && chart.contains("8-5 指標95 · 法務部"))  // the highest 5
    #expect(!chart.contains("8-5 指標50 · 法務部"))
    #expect(report.html.contains("圖中僅繪出最低與最高各 5 項（共 100 項）"))
    #expect(report.html.contains("本表僅列出 30 列（共 100 列）"))
    #expect(report.html.contains("<a href=\"out-achievement.csv\">"))
    #expect(report.html.contains("<a href=\"out-data-1.csv\">"))
    #expect(report.attachments.map(\.name) == ["out-achievement.csv", "out-data-1.csv"])
    #expect(report.attachments[1].table.rowCount == n)
    let appendix = report.html.components(separatedBy: "<section id=\"appendix\"")[1]
    #expect(appendix.components(separatedBy: "<tr>").count - 1 == 30 + 1)  // header + 30 rows
    let none = try HTMLReport(content, maxTableRows: 30, maxBars: 10, attachmentStem: nil).render()
    #expect(none.attachments.isEmpty && none.html.contains("完整資料未另存"))
  }

  @Test("quarterly: offices ranked by pace, offices behind named, every year shown (none collapsed)")
  func rankedPace() throws {
    let html = try HTMLReport(try Self.content()).html()
    let section = html.components(separatedBy: "<section id=\"quarterly\"")[1].components(separatedBy: "</section>")[0]
    #expect(section.contains("各地檢署進度比排序"))
    #expect(section.contains("<p class=\"behind\"><span class=\"badge s-behind\">落後</span> 進度落後（"))
    #expect(section.contains("臺灣臺北地方檢察署"))
    // Bars in descending order of pace: each bar's label percentage is not above the previous one.
    let paces = section.matches(of: /· ([0-9.]+)% ·/).map { Double($0.1)! }
    #expect(paces.count >= 1)
    #expect(zip(paces, paces.dropFirst()).allSatisfy { $0 >= $1 })
    // The office without a pace (南投: incomplete) is ranked after the one with a pace.
    let chart = section.components(separatedBy: "</figure>")[0]
    let taipei = chart.range(of: ">臺灣臺北地方檢察署<")!.lowerBound, nantou = chart.range(of: ">臺灣南投地方檢察署<")!.lowerBound
    #expect(taipei < nantou)
  }
}
