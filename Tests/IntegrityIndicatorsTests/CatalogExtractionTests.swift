import Foundation
import Testing
import TestSupport
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// Issue 12 item 13: the catalog's frequencies against the plan's text (a copy in
/// Tests/Fixtures/reference/action-plan/, see its README), and the committed catalog against
/// what scripts/extract_catalog.py makes of that text.
@Suite struct CatalogExtractionTests {
  static let planPath = fixturePath("reference/action-plan/000_6bac756fe4f12e99.txt")
  static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test func periodicIsItsOwnFrequency() throws {
    let catalog = ActionPlanCatalog.plan
    // 定期 ("regularly") without a stated period: periodic, e.g. 1-1-2 "法務部(廉政署)定期辦理「透明品質獎」評獎".
    let periodic = catalog.targets.filter { $0.frequency == .periodic }.map(\.id)
    #expect(periodic == ["1-1-2", "2-3-2", "7-5-1", "8-2-1", "9-3-2", "9-6-1", "9-8-2"])
    for target in catalog.targets {
      let stated = ["每季", "每年", "全年度", "每二年", "每2年", "每兩年"].contains { target.text.contains($0) }
      // Every 定期 target states no period of its own, or keeps the stated one (1-1-1: 每年 … 定期).
      if target.text.contains("定期") {
        #expect(target.frequency == (stated ? .yearly : .periodic), "\(target.id)")
      }
      // A target that states no frequency at all is not periodic.
      if target.frequency == .unspecified {
        #expect(!target.text.contains("定期"), "\(target.id)")
      }
    }
  }

  @Test func plansTextHoldsEveryPeriodicTarget() throws {
    // The plan's own words (joined across page breaks by the script, so compare a short piece).
    let plan = try String(contentsOfFile: Self.planPath, encoding: .utf8)
    for target in ActionPlanCatalog.plan.targets where target.frequency == .periodic {
      let range = try #require(target.text.range(of: "定期"), "\(target.id)")
      let piece = String(target.text[range.lowerBound...].prefix(6))
      #expect(plan.contains(piece), "\(target.id): \(piece)")
    }
  }

  @Test(.enabled(if: ExternalTool.python.testsRun, "python3 is needed to run scripts/extract_catalog.py"))
  func committedCatalogIsTheScriptsOutput() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python!)
    process.arguments = [packageRoot.appendingPathComponent("scripts/extract_catalog.py").path, Self.planPath]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let committed = try Data(
      contentsOf: packageRoot.appendingPathComponent("Sources/IntegrityActionPlan/Resources/catalog.tsv"))
    #expect(data == committed)
  }
}
