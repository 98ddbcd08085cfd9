import Foundation
import Testing
import TestSupport

@Suite("chart command")
struct ChartCommandTests {
  @Test("--as tidy on a trend table: fitted line and projection, exact header")
  func tidyTrend() throws {
    let (status, out, err) = try runCLI(["chart", fixturePath("charts/trend.csv")])
    #expect(status == 0, "\(err)")
    let lines = out.split(separator: "\n").map(String.init)
    #expect(lines.first == "series,x,y,kind,lower,upper")
    // linear row: intercept 100, slope −5 from 2014: 2016 → 90; projection 2027 → 35 in [25, 45]
    #expect(lines.contains("起訴貪瀆案件數 (linear),2016,90,fitted,,"))
    #expect(lines.contains("起訴貪瀆案件數 (linear),2027,35,band,25,45"))
  }

  @Test("--as svg and --as vega-lite write their formats; -o writes a file")
  func formats() throws {
    let (s1, svg, _) = try runCLI(["chart", fixturePath("charts/survey.csv"), "--as", "svg", "--lang", "en"])
    #expect(s1 == 0 && svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.contains(">Year</text>"))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString).vl.json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (s2, out, _) = try runCLI(["chart", fixturePath("charts/achievement.csv"), "--as", "vega-lite", "--roc", "-o", path])
    #expect(s2 == 0 && out.isEmpty)
    let spec = try String(contentsOfFile: path, encoding: .utf8)
    #expect(spec.contains("\"$schema\": \"https://vega.github.io/schema/vega-lite/v5.json\""))
    #expect(spec.contains("\"x_label\": \"113年\""))
  }

  @Test("an unrecognised table exits 65 naming the file; a missing file exits 66")
  func errors() throws {
    let (s1, _, e1) = try runCLI(["chart", fixturePath("charts/unknown_header.csv")])
    #expect(s1 == 65)
    #expect(e1.contains("unknown_header.csv:1:1: expected the output of achievement"))
    let (s2, _, e2) = try runCLI(["chart", fixturePath("charts/bad_number.csv")])
    #expect(s2 == 65 && e2.contains("bad_number.csv:2:4: expected a number in column \"proportion\" (found \"四成\")"))
    let (s3, _, _) = try runCLI(["chart", "/nonexistent/x.csv"])
    #expect(s3 == 66)
    let (s4, _, _) = try runCLI(["chart", fixturePath("charts/trend.csv"), "--as", "png"])
    #expect(s4 == 64)
  }
}
