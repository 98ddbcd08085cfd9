import Foundation
import Testing
import TestSupport

/// `report` decides directions as `achievement` does: the plan's, and an indicator naming
/// a measure whose targets differ in direction is refused with the same message, not
/// silently read as a count.
@Suite struct ReportDirectionTests {
  @Test func ambiguousMeasureStopsTheReportAsItStopsAchievement() throws {
    let input = "indicator,agency,year,value,target\n8-8 檢舉,法務部,2023,0,0\n"
    let achievement = try runCLI(["achievement", "-"], stdin: input)
    let output = NSTemporaryDirectory() + "report-direction-\(UUID().uuidString).html"
    let report = try runCLI(["report", "-", "-o", output], stdin: input)
    #expect(achievement.status == 65)
    #expect(report.status == 65, "\(report.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    let firstLine = { (text: String) in text.split(separator: "\n").first.map(String.init) ?? "" }
    #expect(firstLine(report.stderr) == firstLine(achievement.stderr))
    #expect(firstLine(report.stderr).contains("8-8-2 (milestone"))
  }
}
