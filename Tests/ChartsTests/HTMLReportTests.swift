import Foundation
import Testing
import TableIO
import TestSupport
@testable import Charts

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
    // achievement; quarterly (1 year: pace bars and cumulative lines); 2 trend series; survey
    #expect(html.components(separatedBy: "<svg ").count - 1 == 6)
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
    #expect(html.contains("各地檢署進度比（2024，最新一季：第4季）"))
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
}
