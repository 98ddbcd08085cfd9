import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityCharts

/// Collects element names and text while parsing, to check well-formedness and content.
final class SVGProbe: NSObject, XMLParserDelegate {
  var elements: [String] = []
  var text = ""
  var rootAttributes: [String: String] = [:]
  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
              attributes: [String: String] = [:]) {
    if elements.isEmpty { rootAttributes = attributes }
    elements.append(name)
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

func parseSVG(_ svg: String) -> (ok: Bool, probe: SVGProbe, error: String) {
  let parser = XMLParser(data: Data(svg.utf8))
  let probe = SVGProbe()
  parser.delegate = probe
  let ok = parser.parse()
  return (ok, probe, parser.parserError.map { "\($0)" } ?? "")
}

@Suite("SVG charts")
struct SVGChartTests {
  static let fixtures = ["achievement", "quarterly", "trend", "survey", "observations"]

  @Test("every chart kind parses as XML with title, desc and the CJK font stack", arguments: fixtures)
  func wellFormed(name: String) throws {
    for options in [ChartOptions(), ChartOptions(language: .en, rocYears: true)] {
      let svg = SVGChart(try chartFixture("\(name).csv", options: options), options: options).text
      let (ok, probe, error) = parseSVG(svg)
      #expect(ok, "\(name): \(error)")
      #expect(probe.elements.first == "svg")
      #expect(probe.elements.contains("title") && probe.elements.contains("desc"))
      #expect(probe.rootAttributes["role"] == "img")
      let font = probe.rootAttributes["font-family"] ?? ""
      #expect(font.hasPrefix("'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei'"))
      #expect(font.hasSuffix("sans-serif"))
      #expect(!svg.contains("NaN") && !svg.contains("inf"))
    }
  }

  @Test("text is escaped: a label with & < > \" survives as text")
  func escaping() throws {
    let svg = SVGChart(try chartFixture("achievement.csv")).text
    #expect(svg.contains("R&amp;D &lt;宣導&gt; &quot;場次&quot; · A&amp;B 機關"))
    let (ok, probe, _) = parseSVG(svg)
    #expect(ok)
    #expect(probe.text.contains("R&D <宣導> \"場次\" · A&B 機關"))
  }

  @Test("zh-TW labels by default, English with --lang en, ROC years with --roc")
  func labels() throws {
    let zh = SVGChart(try chartFixture("survey.csv")).text
    #expect(zh.contains(">年度</text>") && zh.contains(">2023</text>"))
    let roc = ChartOptions(rocYears: true)
    #expect(SVGChart(try chartFixture("survey.csv", options: roc), options: roc).text.contains(">112年</text>"))
    let en = ChartOptions(language: .en)
    #expect(SVGChart(try chartFixture("survey.csv", options: en), options: en).text.contains(">Year</text>"))
  }

  @Test("a table with a header and no rows still gives a well-formed chart saying so")
  func empty() throws {
    let source = ChartSource(header: ["indicator", "year", "n", "proportion", "ci_low", "ci_high"], rows: [])
    let svg = SVGChart(try ChartData.recognise(source)).text
    let (ok, probe, _) = parseSVG(svg)
    #expect(ok)
    #expect(probe.text.contains("沒有資料。"))
  }

  @Test("same data → byte-identical SVG; golden file per chart kind", arguments: fixtures)
  func golden(name: String) throws {
    let first = SVGChart(try chartFixture("\(name).csv")).text
    let second = SVGChart(try chartFixture("\(name).csv")).text
    #expect(first == second)
    let path = fixturePath("charts/golden/\(name).svg")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
      try first.write(toFile: path, atomically: true, encoding: .utf8)
      Issue.record("recorded golden \(path); unset RECORD_GOLDEN and rerun")
      return
    }
    let golden = try String(contentsOfFile: path, encoding: .utf8)
    #expect(first == golden, "SVG for \(name) differs from \(path); regenerate on purpose with RECORD_GOLDEN=1")
  }
}
