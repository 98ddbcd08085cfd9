import Foundation
import IntegrityIndicators
import IntegrityTables
import Testing
import TestSupport
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// The Action Plan catalog against the plan's own text
/// (`Tests/Fixtures/reference/action-plan/000_6bac756fe4f12e99.txt`, copied from the shared reference folder).
@Suite struct CatalogTests {
  let catalog = ActionPlanCatalog.plan
  static let planPath = referencePath("action-plan/000_6bac756fe4f12e99.txt")

  /// The plan's table section (肆、具體作為 up to 伍、經費), as published.
  static func tableSection() throws -> String {
    let text = try String(contentsOfFile: planPath, encoding: .utf8)
    let start = try #require(text.range(of: "肆、具體作為"))
    let end = try #require(text.range(of: "## 伍"))
    return String(text[start.upperBound..<end.lowerBound])
  }

  /// HTML tags and all white space removed: pieces split by a page break then concatenate.
  static func squeezed(_ text: String) -> String {
    let noTags = text.replacing(#/<[^>]*>/#, with: "")
    return String(noTags.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }
      .map(Character.init))
  }

  /// The rows of the table (tab-separated lines other than the repeated header), with the one
  /// row shifted left in the source (a measure marker in the strategy column) shifted back.
  static func tableRows() throws -> [[String]] {
    try tableSection().split(separator: "\n").filter { $0.contains("\t") }.compactMap { line in
      var cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if cells.first == "具體策略" { return nil }
      if squeezed(cells[0]).hasPrefix("(") { cells = [""] + cells.dropLast() }
      return cells
    }
  }

  static let chineseNumbers = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
  ]

  @Test func nineStrategiesNamedAsInSectionThree() throws {
    // Section 參 lists them as "- 一、強化機關廉政經營責任制度，落實風險控管作為。"
    let text = try String(contentsOfFile: Self.planPath, encoding: .utf8)
    let start = try #require(text.range(of: "## 參、具體策略"))
    let end = try #require(text.range(of: "肆、具體作為"))
    let listed = text[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line -> String? in
      guard let m = line.wholeMatch(of: #/- [一二三四五六七八九]、(.+)。/#) else { return nil }
      return String(m.1)
    }
    #expect(listed.count == 9)
    #expect(catalog.strategies.map(\.number) == Array(1...9))
    #expect(catalog.strategies.map(\.name) == listed)
    #expect(catalog.strategies.allSatisfy { !$0.englishName.isEmpty })
    #expect(catalog.strategy(8)?.name == "增修肅貪法令，強化肅貪能量，落實揭弊者保護")
  }

  @Test func measureCountsPerStrategyAreThePlans() {
    // README of the reference folder and issue 5: 4, 6, 3, 3, 2, 3, 8, 20, 9 (= 58).
    let counts = (1...9).map { catalog.measures(ofStrategy: $0).count }
    #expect(counts == [4, 6, 3, 3, 2, 3, 8, 20, 9])
    #expect(catalog.measures.count == 58)
    for strategy in 1...9 {
      #expect(catalog.measures(ofStrategy: strategy).map(\.number)
        == Array(1...catalog.measures(ofStrategy: strategy).count))
      for measure in catalog.measures(ofStrategy: strategy) {
        #expect(!catalog.targets(ofStrategy: strategy, measure: measure.number).isEmpty,
                "measure \(measure.id) has no target")
      }
    }
  }

  /// Every character of the plan's target column, in order, is in exactly one catalog target:
  /// the column's cells (tags and white space removed) concatenated equal the targets'
  /// texts concatenated, each prefixed by its `N.` number when its measure lists several.
  @Test func everyTargetOfThePlanAppearsExactlyOnce() throws {
    let column = try Self.tableRows().map { Self.squeezed($0[2]) }.joined()
    let rebuilt = catalog.targets.map { target in
      let numbered = catalog.targets(ofStrategy: target.strategy, measure: target.measure).count > 1
      return (numbered ? "\(target.index)." : "") + Self.squeezed(target.text)
    }.joined()
    #expect(rebuilt == column)
    #expect(Set(catalog.targets.map(\.id)).count == catalog.targets.count)
  }

  /// The same simple rule counts the numbered items: 55 items in 18 lists; the other
  /// 58 − 18 = 40 measures have one unnumbered target each: 95 targets.
  @Test func numberedItemsCountedFromTheRawText() throws {
    let plain = try Self.tableSection().replacing(#/<[^>]*>/#, with: " ")
    let numbers = plain.matches(of: #/(?:^|\s)(\d{1,2})\. ?\S/#).map { Int($0.1)! }
    let lists = numbers.filter { $0 == 1 }.count
    #expect(numbers.count == 55)
    #expect(lists == 18)
    #expect(catalog.targets.count == numbers.count + (58 - lists))
  }

  /// The measure column likewise: `(一)` + text of each measure, in order.
  @Test func everyMeasureOfThePlanAppearsExactlyOnce() throws {
    let column = try Self.tableRows().map { Self.squeezed($0[1]) }.joined()
    let rebuilt = catalog.measures.map { "(\(Self.chineseNumbers[$0.number - 1]))" + Self.squeezed($0.text) }
      .joined()
    #expect(rebuilt == column)
  }

  @Test func targetsQuotedFromThePlan() throws {
    // 八(五): "每年提報起訴貪瀆案件數。" — one unnumbered target.
    let m85 = catalog.targets(ofStrategy: 8, measure: 5)
    #expect(m85.map(\.text) == ["每年提報起訴貪瀆案件數。"])
    #expect(m85.first?.leadAgencies == ["法務部(臺灣高等檢察署、各地方檢察署、廉政署、調查局)"])
    // 八(八): three numbered targets; the second is split by a page break after "金融監督管理委員會".
    #expect(catalog.targets(ofStrategy: 8, measure: 8).map(\.text) == [
      "法務部(廉政署、調查局)對民眾具名或匿名方式提出檢舉，均嚴予保密其身分，不發生檢舉人身份外洩情事。",
      "金融監督管理委員會於上市(櫃)公司內控規範中，要求上市(櫃)公司須建立內部檢舉制度。",
      "每年統計政風機構受理檢舉件數及保密宣導執行成效。",
    ])
    // 二(二)1 is split mid-sentence: "…修法強制揭露" | "關係人交易資訊。"
    #expect(catalog.targets(ofStrategy: 2, measure: 2).first?.text
      == "內政部完成「政治獻金法」修法強制揭露關係人交易資訊。")
    #expect(catalog.targets(ofStrategy: 1, measure: 1).count == 6)
    #expect(catalog.targets(ofStrategy: 9, measure: 8).count == 6)
    #expect(catalog.targets(ofStrategy: 9, measure: 3).count == 5)
    // 七(五) sits one column to the left in the source.
    let m75 = try #require(catalog.targets(ofStrategy: 7, measure: 5).first)
    #expect(m75.text == "各公股股權管理機關邀集定期召開會議。")
    #expect(m75.leadAgencies == ["國軍退除役官兵輔導委員會", "經濟部", "交通部", "金融監督管理委員會"])
    // 六(三) starts in the same cell as the end of 六(二).
    #expect(catalog.measures(ofStrategy: 6)[1].text.hasSuffix("鼓勵發展具有特色之品德校園文化。"))
    #expect(catalog.targets(ofStrategy: 6, measure: 3).first?.leadAgencies == ["教育部(國民及學前教育署)"])
  }

  @Test func agenciesLeadAndSupporting() throws {
    // 一(一): "績效目標 1 至 5 主辦機關：各機關、法務部(廉政署)" / "績效目標 6 協辦機關：經濟部、…、教育部"
    let m11 = catalog.targets(ofStrategy: 1, measure: 1)
    #expect(m11[0..<5].allSatisfy { $0.leadAgencies == ["各機關", "法務部(廉政署)"] && $0.supportingAgencies.isEmpty })
    #expect(m11[5].leadAgencies.isEmpty)
    #expect(m11[5].supportingAgencies.count == 12)
    #expect(m11[5].supportingAgencies.first == "經濟部")
    #expect(m11[5].supportingAgencies.last == "教育部")
    // 九(五): "主辦機關：行政院洗錢防制辦公" | "室、法務部(調查局、檢察司) 協辦機關：財政部(關務署)、中央銀行、外交部、金融監督管理委員會"
    let m95 = try #require(catalog.targets(ofStrategy: 9, measure: 5).first)
    #expect(m95.leadAgencies == ["行政院洗錢防制辦公室", "法務部(調查局、檢察司)"])
    #expect(m95.supportingAgencies == ["財政部(關務署)", "中央銀行", "外交部", "金融監督管理委員會"])
    // 四(三): "主辦機關：法務部（廉政署）。 協辦機關：各機關" — full-width parentheses made ASCII, 。 dropped.
    let m43 = try #require(catalog.targets(ofStrategy: 4, measure: 3).first)
    #expect(m43.leadAgencies == ["法務部(廉政署)"])
    #expect(m43.supportingAgencies == ["各機關"])
  }

  @Test func inferredFrequencyKindAndDirection() throws {
    func target(_ id: String) throws -> CatalogTarget {
      guard case .target(let t)? = catalog.lookup(id) else { throw CatalogLookupFailure(id: id) }
      return t
    }
    // "由各地方檢察署提報全年度…目標案件數，並每季檢討達成率。" — 每季 outranks 全年度; 件數 → count.
    #expect(try target("8-6-1").frequency == .quarterly)
    #expect(try target("8-6-1").kind == .count)
    #expect(try target("8-6-1").direction == .increase)
    // "…每二年至少一次。"
    #expect(try target("8-10-1").frequency == .biennial)
    // "…不發生檢舉人身份外洩情事。"
    #expect(try target("8-8-1").kind == .zeroEvent)
    #expect(try target("8-8-1").direction == .zero)
    // "每年提報扣押貪瀆案件偵辦件數及查扣不法所得金額。" — 金額 outranks 件數.
    #expect(try target("9-4-1").kind == .amount)
    #expect(try target("9-4-1").frequency == .yearly)
    // "因應國際透明組織每兩年實施…，國防部每年推動…" — 每年 outranks 每兩年.
    #expect(try target("3-2-2").frequency == .yearly)
    // "完成揭弊者保護法草案立法。"
    #expect(try target("8-1-3").frequency == .once)
    #expect(try target("8-1-3").kind == .milestone)
    #expect(try target("8-1-3").direction == .milestone)
    // "每年提報執行情形。"
    #expect(try target("6-1-1").kind == .report)
    // "每年辦理廉政民意調查研究一次，並公布結果。"
    #expect(try target("3-3-1").kind == .rate)
    // every kind's default direction is the one recorded
    #expect(catalog.targets.allSatisfy { $0.direction == $0.kind.defaultDirection })
  }

  @Test(arguments: [
    "8-5", "8.5", "8_5", "八(五)", "八（五）", "八、(五)", "８－５", "８．５", " 8-5 ", "策略八措施五",
    "策略8措施5", "8-5 起訴貪瀆案件數", "八(五)：起訴件數", "八(五)起訴件數", "8-5、起訴",
  ])
  func measureSpellingsResolveToTheMeasure(_ spelling: String) throws {
    let entry = try #require(catalog.lookup(spelling))
    guard case .measure(let measure, let targets) = entry else {
      Issue.record("\(spelling) resolved to \(entry), expected measure 8-5")
      return
    }
    #expect(measure.id == "8-5")
    #expect(targets.map(\.id) == ["8-5-1"])
  }

  @Test(arguments: ["8-5-1", "8.5.1", "八(五)1", "八(五)-1", "八(五)之1", "策略八措施五目標一", "策略8措施5績效目標1"])
  func targetSpellingsResolveToTheTarget(_ spelling: String) throws {
    let entry = try #require(catalog.lookup(spelling))
    #expect(entry == .target(try #require(catalog.targets.first { $0.id == "8-5-1" })))
  }

  @Test func bigNumbersAndMisses() {
    #expect(catalog.lookup("八(二十)").map { if case .measure(let m, _) = $0 { m.id } else { "" } } == "8-20")
    #expect(catalog.lookup("8-20-1").map(\.targets.count) == 1)
    #expect(catalog.lookup("9-8-6")?.targets.first?.text.hasPrefix("行政院洗錢防制辦公室積極培訓") == true)
    for miss in ["8-21", "10-1", "8-5-2", "2023", "8-", "8", "八", "112Q3", "8-5x", "起訴件數", "", "0-1", "8-05-1-1", "8.5%", "8-5(1)", "八(五)十"] {
      #expect(catalog.lookup(miss) == nil, "\(miss) should not resolve")
    }
  }

  @Test func directionForIndicator() {
    #expect(catalog.direction(forIndicator: "8-5") == .increase)
    #expect(catalog.direction(forIndicator: "八(六)") == .increase)
    #expect(catalog.direction(forIndicator: "8-8-1") == .zero)
    #expect(catalog.direction(forIndicator: "8-8") == nil)  // zero, milestone, increase: ambiguous
    // A label picks the target whose words it shares (issue 12 item 8); 份/分 and 台/臺 fold.
    #expect(catalog.direction(forIndicator: "8-8 檢舉人身分外洩") == .zero)
    #expect(catalog.direction(forIndicator: "8-8 檢舉人身份外洩件數") == .zero)
    #expect(catalog.direction(forIndicator: "八(八)受理檢舉件數") == .increase)
    #expect(catalog.direction(forIndicator: "8-8 上市櫃公司內部檢舉制度") == .milestone)
    #expect(catalog.direction(forIndicator: "8-8 檢舉") == nil)  // 檢舉 is in all three
    #expect(catalog.direction(forIndicator: "8-1-3") == .milestone)
    #expect(catalog.direction(forIndicator: "每年提報起訴貪瀆案件數") == .increase)  // the plan's text, 。 optional
    #expect(catalog.direction(forIndicator: "每年提報起訴貪瀆案件數。") == .increase)
    #expect(catalog.direction(forIndicator: "起訴件數") == nil)
    #expect(catalog.direction(forIndicator: "8-99") == nil)
  }

  @Test func ambiguousDirectionNamesTheCandidates() throws {
    #expect(throws: AmbiguousCatalogDirection.self) { try catalog.resolvedDirection(forIndicator: "8-8") }
    do {
      _ = try catalog.resolvedDirection(forIndicator: "8-8 檢舉")
    } catch {
      #expect(error.candidates.map(\.id) == ["8-8-1", "8-8-2", "8-8-3"])
      #expect(error.measure == CatalogTargetID(strategy: 8, measure: 8))
    }
    #expect(try catalog.resolvedDirection(forIndicator: "8-8 檢舉人身分外洩") == .zero)
    #expect(try catalog.resolvedDirection(forIndicator: "8-5 起訴") == .increase)  // one direction: no matching needed
    #expect(try catalog.resolvedDirection(forIndicator: "起訴件數") == nil)
  }

  @Test func strategyNumbers() {
    #expect(catalog.strategyNumber("8") == 8)
    #expect(catalog.strategyNumber("八") == 8)
    #expect(catalog.strategyNumber("策略九") == 9)
    #expect(catalog.strategyNumber("10") == nil)
    #expect(catalog.strategyNumber("0") == nil)
  }

  @Test func tableColumnsAndFilter() {
    let table = catalog.table()
    #expect(table.names == ActionPlanCatalog.tableColumns)
    #expect(table.names == ["strategy", "measure", "target_no", "target", "lead_agencies",
                            "supporting_agencies", "frequency", "kind", "direction", "strategy_name", "measure_text"])
    #expect(table.rowCount == 95)
    let eight = catalog.table(strategy: 8)
    // 八: (一)3 (二)–(七)1 each (八)3 (九)1 (十)2 (十一)–(十三)1 each (十四)2 (十五)1 (十六)2 (十七)1 (十八)1
    // (十九)2 (二十)1
    #expect(eight.rowCount == 3 + 6 + 3 + 1 + 2 + 3 + 2 + 1 + 2 + 1 + 1 + 2 + 1)
    #expect((0..<eight.rowCount).allSatisfy { eight["strategy"]?[$0] == .integer(8) })
    #expect(eight["target_no"]?[0] == .text("8-1-1"))
    #expect(catalog.table(strategy: 1)["lead_agencies"]?[0] == .text("各機關;法務部(廉政署)"))
  }

  @Test func malformedTSVIsADataErrorWithLineAndColumn() throws {
    #expect(throws: DataError.self) { try ActionPlanCatalog(tsv: "a\tb\n", file: "x.tsv") }
    let header = ActionPlanCatalog.tsvColumns.joined(separator: "\t")
    let good = "1\t策略\tStrategy\t1\t措施\t1-1-1\t目標\t甲\t\tyearly\tcount\tincrease"
    let parsed = try ActionPlanCatalog(tsv: header + "\n" + good + "\n", file: "x.tsv")
    #expect(parsed.targets.count == 1)
    #expect(parsed.targets[0].leadAgencies == ["甲"])
    let bad = good.replacingOccurrences(of: "yearly", with: "weekly")
    do {
      _ = try ActionPlanCatalog(tsv: header + "\n" + good + "\n" + bad.replacingOccurrences(of: "1-1-1", with: "1-1-2") + "\n",
                                file: "x.tsv")
      Issue.record("expected a DataError")
    } catch let error as DataError {
      #expect(error.line == 3)
      #expect(error.column == 10)
      #expect(error.columnName == "frequency")
      #expect(error.found == "weekly")
    }
    // a skipped measure number
    #expect(throws: DataError.self) {
      try ActionPlanCatalog(tsv: header + "\n" + good.replacingOccurrences(of: "\t1\t措施\t1-1-1", with: "\t2\t措施\t1-2-1"),
                            file: "x.tsv")
    }
  }

  /// The committed resource is what the committed script makes of the plan (rerunnable).
  @Test(.enabled(if: ExternalTool.python.testsRun, "needs python3"))
  func resourceIsTheScriptsOutput() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/extract_catalog.py").path,
                         Self.planPath]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let committed = try Data(contentsOf: packageRoot.appendingPathComponent("Sources/IntegrityActionPlan/Resources/catalog.tsv"))
    #expect(data == committed)
  }
}

struct CatalogLookupFailure: Error {
  var id: String
}
