import Foundation
import Testing
import TestSupport

@Suite("demo command", .serialized)
struct DemoCommandTests {
  static func listed(_ stdout: String) -> [String] {
    stdout.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("wrote ") else { return nil }
      return String(line.dropFirst(6).prefix { $0 != " " })
    }
  }

  @Test("demo writes every file it lists, and a second run gives byte-identical files")
  func twiceIdentical() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: base) }
    let a = base.appendingPathComponent("a").path, b = base.appendingPathComponent("b").path
    let (s1, out1, err1) = try runCLI(["demo", "--out", a, "--date", "2026-12-05"])
    #expect(s1 == 0, "\(err1)")
    let (s2, out2, _) = try runCLI(["demo", "--out", b, "--date", "2026-12-05"])
    #expect(s2 == 0)
    let files1 = Self.listed(out1), files2 = Self.listed(out2)
    #expect(files1.count >= 18)
    #expect(files1.map { ($0 as NSString).lastPathComponent } == files2.map { ($0 as NSString).lastPathComponent })
    for name in ["achievement.csv", "quarterly.csv", "trend.csv", "survey.csv", "classify.csv", "report.html",
                 "achievement.vl.json", "quarterly.svg", "survey.svg"] {
      #expect(files1.contains("\(a)/\(name)"), "demo did not list \(name)")
    }
    for (p1, p2) in zip(files1, files2) {
      let d1 = FileManager.default.contents(atPath: p1), d2 = FileManager.default.contents(atPath: p2)
      #expect(d1 != nil && !(d1!.isEmpty), "listed but missing or empty: \(p1)")
      #expect(d1 == d2, "differs between runs: \(p1)")
    }
    // Nothing written that was not listed.
    let written = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
    #expect(written == files1.map { ($0 as NSString).lastPathComponent }.sorted())
    #expect(out1.hasSuffix("open \(a)/report.html in a browser\n"))
  }

  @Test("demo results: the survey file's 16 rows, the 22 offices × 8 quarters, 28 classified cases")
  func contents() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let (status, _, err) = try runCLI(["demo", "--out", dir])
    #expect(status == 0, "\(err)")
    func rows(_ name: String) throws -> [String] {
      try String(contentsOfFile: "\(dir)/\(name)", encoding: .utf8).split(separator: "\n").map(String.init)
    }
    #expect(try rows("survey.csv").count == 1 + 16)
    #expect(try rows("quarterly.csv").count == 1 + 22 * 8)
    #expect(try rows("classify.csv").count == 1 + 28)
    // The quarter SampleData leaves out (南投, 113年第2季 = 2024 Q2) is incomplete, not zero.
    #expect(try rows("quarterly.csv").contains { $0.hasPrefix("臺灣南投地方檢察署,2024,2,,") && $0.hasSuffix(",incomplete") })
    let html = try String(contentsOfFile: "\(dir)/report.html", encoding: .utf8)
    #expect(html.contains("合成資料"))
  }

  @Test("a missing SampleData folder exits 66")
  func missingData() throws {
    let (status, _, err) = try runCLI(["demo", "--data", "/nonexistent", "--out", "/tmp/never-written"])
    #expect(status == 66, "\(err)")
    #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written/report.html"))
  }
}
