import Foundation
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityCharts

/// Runs `Tests/browser/validate_vegalite.py` on spec files: each is validated against the
/// Vega-Lite v5 JSON schema shipped in the `altair` package and rendered to SVG with
/// `vl-convert-python` (Tests/requirements.txt; installed by `scripts/setup.sh --test`).
/// Exit 0 valid, 1 invalid, 3 packages missing.
func validateVegaLite(_ paths: [String]) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", packageRoot.appendingPathComponent("Tests/browser/validate_vegalite.py").path] + paths
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("Vega-Lite specs")
struct VegaLiteSpecTests {
  @Test(
    "specs of every chart kind validate against the v5 schema and render with vl-convert",
    .enabled(if: ExternalTool.vegaLitePython.testsRun, "needs python3 with Tests/requirements.txt (scripts/setup.sh --test)"))
  func schemaAndRender() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("charts-vl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var paths: [String] = []
    for name in SVGChartTests.fixtures {
      for (suffix, options) in [("zh", ChartOptions()), ("en-roc", ChartOptions(language: .en, rocYears: true))] {
        let spec = VegaLiteSpec(try chartFixture("\(name).csv", options: options), options: options).text
        let path = dir.appendingPathComponent("\(name)-\(suffix).vl.json").path
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        paths.append(path)
      }
    }
    let (status, output) = try validateVegaLite(paths)
    #expect(status != 3, "Python packages missing (CI must run scripts/setup.sh --test): \(output)")
    #expect(status == 0, "\(output)")
    #expect(output.contains("ok: \(paths.count) specs"))
  }

  @Test("a spec inlines every tidy row and names the v5 schema")
  func inlinedData() throws {
    let data = try chartFixture("quarterly.csv")
    let json = VegaLiteSpec(data).json
    guard case .object(let members) = json else { Issue.record("not an object"); return }
    let dict = Dictionary(members, uniquingKeysWith: { a, _ in a })
    #expect(dict["$schema"] == .string("https://vega.github.io/schema/vega-lite/v5.json"))
    guard case .object(let d)? = dict["data"], case .array(let values)? = d.first?.1 else {
      Issue.record("no inline data"); return
    }
    // Faceted by office: the rows without an office (the expected pace) are repeated in each panel.
    let shared = data.points.filter { $0.panel == nil }.count
    #expect(values.count == data.points.count + shared * (data.panelNames.count - 1))
    let text = VegaLiteSpec(data).text
    #expect(text == VegaLiteSpec(data).text)  // deterministic
    #expect(text.contains("\"title\": \"季別\""))
  }

  @Test(
    "the schema check rejects an invalid spec (the check can fail)",
    .enabled(if: ExternalTool.vegaLitePython.testsRun, "needs python3 with Tests/requirements.txt (scripts/setup.sh --test)"))
  func rejectsInvalid() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("charts-bad-\(UUID().uuidString).vl.json").path
    try #"{"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "mark": "nonsense", "data": {"values": []}}"#
      .write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (status, output) = try validateVegaLite([path])
    #expect(status != 3, "Python packages missing (CI must run scripts/setup.sh --test): \(output)")
    #expect(status == 1, "\(output)")
  }

  @Test("achievement spec: bars labelled with the year, rows without a ratio drawn as diamonds at 0")
  func achievementLabels() throws {
    let data = ChartData(kind: .achievement, points: [
      ChartPoint(series: "8-5 起訴 · 臺北", x: 2024, y: 1.088, kind: .observed, status: "achieved"),
      ChartPoint(series: "8-8 外洩 · 廉政署", x: 2024, y: nil, kind: .observed, status: "achieved"),
      ChartPoint(series: "8-1 立法 · 廉政署", x: 2023, y: nil, kind: .observed, status: "behind"),
      ChartPoint(series: "目標", x: 2024, y: 1, kind: .target),
    ], xAxis: .year, yMeasure: .ratio)
    let text = VegaLiteSpec(data).text
    #expect(text.contains("\"label\": \"2024 · 108.8% · 達成\""))
    #expect(text.contains("\"label\": \"2023 · 落後\""))
    #expect(text.contains("\"filter\": \"!isValid(datum.y)\""))
    #expect(text.contains("\"shape\": \"diamond\""))
    #expect(text.contains("\"type\": \"text\""))
  }

  @Test("quarterly spec is faceted by office; a multi-series trend gets independent y axes")
  func facets() throws {
    let quarterly = VegaLiteSpec(try chartFixture("quarterly.csv")).text
    #expect(quarterly.contains("\"facet\"") && quarterly.contains("\"shared\""))
    let trend = VegaLiteSpec(try chartFixture("trend.csv")).text
    #expect(trend.contains("\"facet\"") && trend.contains("\"independent\""))
  }
}
