import Foundation
import Testing
import TestSupport
@testable import IntegrityCharts

@Suite("SampleData and the demo pipeline")
struct SampleDataTests {
  static var sampleData: String { packageRoot.appendingPathComponent("SampleData").path }

  @Test(
    "the committed SampleData files are exactly what SampleData/generate.py writes",
    .enabled(if: ExternalTool.python.testsRun, "needs python3"))
  func generatorCheck() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "\(Self.sampleData)/generate.py", "--check"]
    let pipe = Pipe()
    process.standardError = pipe
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
  }

  @Test(
    "the demo's Vega-Lite specs (real SampleData) validate against the v5 schema and render",
    .enabled(if: ExternalTool.vegaLitePython.testsRun, "needs python3 with Tests/requirements.txt (scripts/setup.sh --test)"))
  func demoSpecs() throws {
    let (outputs, _) = try SampleDataDemo(dataDirectory: Self.sampleData).run()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-vl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var paths: [String] = []
    for output in outputs where output.name.hasSuffix(".vl.json") {
      let path = dir.appendingPathComponent(output.name).path
      #expect(FileManager.default.createFile(atPath: path, contents: Data(output.bytes)))
      paths.append(path)
    }
    #expect(paths.count >= 5)  // achievement, quarterly, survey, one per trend series
    let (status, text) = try validateVegaLite(paths)
    #expect(status != 3, "Python packages missing (CI must run scripts/setup.sh --test): \(text)")
    #expect(status == 0, "\(text)")
  }

  @Test("every demo SVG parses as XML; the demo is deterministic in memory")
  func demoSVG() throws {
    let first = try SampleDataDemo(dataDirectory: Self.sampleData).run().outputs
    let second = try SampleDataDemo(dataDirectory: Self.sampleData).run().outputs
    #expect(first == second)
    for output in first where output.name.hasSuffix(".svg") {
      let (ok, _, error) = parseSVG(String(decoding: output.bytes, as: UTF8.self))
      #expect(ok, "\(output.name): \(error)")
    }
  }
}
