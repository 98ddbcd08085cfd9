import Foundation
import Testing
import TestSupport

/// `integrity-stats catalog` end to end (issue 5 item 4; DESIGN.md §6).
@Suite struct CatalogCommandTests {
  static let header =
    "strategy,measure,target_no,target,lead_agencies,supporting_agencies,frequency,kind,direction,strategy_name,measure_text"

  @Test func wholeCatalogAsCSV() throws {
    let run = try runCLI(["catalog"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first.map(String.init) == Self.header)
    #expect(lines.last == "")  // newline-terminated
    #expect(lines.count == 1 + 95 + 1)
    // 八(五) as the plan writes it: "每年提報起訴貪瀆案件數。", 主辦 法務部（臺灣高等檢察署、…）
    #expect(lines.contains(
      "8,5,8-5-1,每年提報起訴貪瀆案件數。,法務部(臺灣高等檢察署、各地方檢察署、廉政署、調查局),,yearly,count,increase,"
        + "增修肅貪法令，強化肅貪能量，落實揭弊者保護,各地方檢察署查察貪瀆不法，依法偵辦。"))
    // 八(八)1: the zero-event target
    #expect(lines.contains { $0.hasPrefix("8,8,8-8-1,") && $0.contains(",zero-event,zero,") })
  }

  @Test(arguments: ["8", "八"])
  func strategyFilter(_ strategy: String) throws {
    let run = try runCLI(["catalog", "--strategy", strategy])
    #expect(run.status == 0)
    let rows = run.stdout.split(separator: "\n").dropFirst()
    // 八: (一)3 (二)–(七)1 each (八)3 (九)1 (十)2 (十一)–(十三)1 each (十四)2 (十五)1 (十六)2 (十七)1 (十八)1
    // (十九)2 (二十)1 = 3 + 6 + 3 + 1 + 2 + 3 + 2 + 1 + 2 + 1 + 1 + 2 + 1 = 28
    #expect(rows.count == 28)
    #expect(rows.allSatisfy { $0.hasPrefix("8,") })
    #expect(rows.first?.hasPrefix("8,1,8-1-1,積極蒐集各界建議") == true)
    #expect(rows.last?.hasPrefix("8,20,8-20-1,法務部(檢察司)完成優化國內PEPs審查程序") == true)
  }

  @Test func jsonHasTheSameKeys() throws {
    let run = try runCLI(["catalog", "--strategy", "9", "--format", "json"])
    #expect(run.status == 0)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    // 九: (一)1 (二)2 (三)5 (四)1 (五)1 (六)1 (七)1 (八)6 (九)1 = 19
    #expect(array.count == 19)
    #expect(array.allSatisfy { Set($0.keys) == Set(Self.header.split(separator: ",").map(String.init)) })
    let first = try #require(array.first)
    #expect(first["strategy"] as? Int == 9)
    #expect(first["measure"] as? Int == 1)
    #expect(first["target_no"] as? String == "9-1-1")
    #expect(first["lead_agencies"] as? String == "法務部(國際及兩岸法律司)")
    #expect(first["supporting_agencies"] as? String == "外交部")
    let assets = try #require(array.first { $0["target_no"] as? String == "9-4-1" })
    #expect(assets["target"] as? String == "每年提報扣押貪瀆案件偵辦件數及查扣不法所得金額。")
    #expect(assets["kind"] as? String == "amount")
  }

  @Test func outputFileIsWritten() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("catalog-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try runCLI(["catalog", "--strategy", "3", "-o", path])
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    // 三: (一)1 (二)2 (三)1 = 4 targets
    #expect(written.split(separator: "\n").count == 1 + 4)
    #expect(written == (try runCLI(["catalog", "--strategy", "3"])).stdout)
  }

  @Test(arguments: ["10", "0", "x"])
  func unknownStrategyIsAUsageError(_ strategy: String) throws {
    let run = try runCLI(["catalog", "--strategy", strategy])
    #expect(run.status == 64)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("--strategy"))
  }

  @Test func inputIsRefused() throws {
    let run = try runCLI(["catalog", "plan.csv"])
    #expect(run.status == 64)
  }
}

/// Issue 12 item 13: periodic frequency, the plan's strategy and measure texts, `--measure`.
@Suite struct CatalogTextAndMeasureTests {
  static func rows(_ arguments: [String]) throws -> [[String: Any]] {
    let run = try runCLI(["catalog"] + arguments + ["--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
  }

  @Test func periodicTargetsSayPeriodic() throws {
    // 1-1-2 "法務部(廉政署)定期辦理「透明品質獎」評獎…": 定期 states no period; 8-8-2 states none at all.
    let strategy1 = try Self.rows(["--strategy", "1"])
    #expect(strategy1.first { $0["target_no"] as? String == "1-1-2" }?["frequency"] as? String == "periodic")
    let m88 = try Self.rows(["--measure", "8-8"])
    #expect(m88.first { $0["target_no"] as? String == "8-8-2" }?["frequency"] as? String == "unspecified")
  }

  @Test(arguments: ["8-6", "8.6", "八(六)", "策略八措施六"])
  func measureFilterWithTexts(_ reference: String) throws {
    let rows = try Self.rows(["--measure", reference])
    #expect(rows.count == 1)
    let row = try #require(rows.first)
    #expect(row["target_no"] as? String == "8-6-1")
    #expect(row["strategy_name"] as? String == "增修肅貪法令，強化肅貪能量，落實揭弊者保護")
    #expect((row["measure_text"] as? String)?.hasPrefix("優先查察符合重大危害政府廉能之目標案件") == true)
  }

  @Test func measureFilterTakesATargetAndCombinesWithStrategy() throws {
    #expect(try Self.rows(["--measure", "8-8-3"]).map { $0["target_no"] as? String } == ["8-8-3"])
    #expect(try Self.rows(["--strategy", "8", "--measure", "8-8"]).count == 3)
    let outside = try runCLI(["catalog", "--strategy", "1", "--measure", "8-8"])
    #expect(outside.status == 64)
    #expect(outside.stderr == "error: --measure 8-8 is not in --strategy 1\n")
    let unknown = try runCLI(["catalog", "--measure", "8-99"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("--measure must name one of the plan's measures or targets"))
  }
}
