import Testing
import IntegrityTables
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// The plan's target-case rule (strategy 8, measure 6): grade ≥ 10, persons ≥ 3,
/// gain ≥ 10,000,000 元; cases written out by hand.
@Suite struct TargetCaseRuleTests {
  let rule = TargetCaseRule()

  @Test(arguments: [
    ("10", 10...10), ("１０", 10...10), ("簡任第十職等", 10...10), ("簡任第10職等", 10...10),
    ("簡任十職等", 10...10), ("相當簡任第十職等", 10...10), ("簡任第十一職等", 11...11),
    ("簡任第十四職等", 14...14), ("薦任第九職等", 9...9), ("委任第五職等", 5...5), ("第8職等", 8...8),
    ("9職等", 9...9), ("簡任", 10...14), ("薦任", 6...9), ("相當簡任", 10...14),
  ])
  func gradesAreRead(_ text: String, _ expected: ClosedRange<Int>) throws {
    #expect(try rule.grade(parsing: text) == expected)
  }

  @Test(arguments: ["", " ", "-", "－", "無", "非公務員"])
  func noOfficial(_ text: String) throws {
    #expect(try rule.grade(parsing: text) == nil)
  }

  @Test(arguments: ["特任", "政務官", "民意代表", "高官", "15", "委任第十職等", "簡任第九職等", "第十五職等", "0"])
  func unreadableGradesThrow(_ text: String) {
    #expect(throws: TargetCaseRule.GradeError.self) { try rule.grade(parsing: text) }
  }

  @Test func titlesFromTheGradeMap() throws {
    let mapped = TargetCaseRule(gradeMap: [TargetCaseRule.gradeKey("特任"): 15, TargetCaseRule.gradeKey("民意代表"): 10])
    #expect(try mapped.grade(parsing: "特任") == 15...15)
    #expect(try mapped.grade(parsing: " 民意代表 ") == 10...10)
  }

  func decide(_ rule: TargetCaseRule, grade: ClosedRange<Int>?, persons: Int, gain: Int) throws -> TargetCaseRule.Decision {
    try rule.decide(.init(grade: grade, persons: DecimalNumber(persons), gain: DecimalNumber(gain)))
  }

  /// Issue 12 item 10: a missing criterion is unknown; the rule decides without it where it can.
  @Test func missingCriteriaAreUnknownNotFatal() throws {
    func facts(grade: ClosedRange<Int>?, persons: Int, gain: Int, missing: [TargetCaseRule.Criterion])
      -> TargetCaseRule.CaseFacts
    {
      .init(grade: grade, persons: DecimalNumber(persons), gain: DecimalNumber(gain), missing: missing)
    }
    // any: gain 20,000,000 holds, persons unknown → target on gain, persons listed as missing.
    let held = try rule.decide(facts(grade: 3...3, persons: 0, gain: 20_000_000, missing: [.persons]))
    #expect(held == .init(isTarget: true, reasons: [.gain], missing: [.persons]))
    // any: a missing criterion is not looked at, whatever value stands in for it.
    #expect(try rule.decide(facts(grade: 3...3, persons: 9, gain: 20_000_000, missing: [.persons])).reasons == [.gain])
    // any: nothing known holds, gain unknown → undecidable.
    #expect(throws: TargetCaseRule.Undecidable.missing([.gain])) {
      try rule.decide(facts(grade: 3...3, persons: 1, gain: 0, missing: [.gain]))
    }
    // all: grade 3 fails → not a target case, whatever the missing persons.
    let all = TargetCaseRule(combination: .all)
    #expect(try all.decide(facts(grade: 3...3, persons: 0, gain: 20_000_000, missing: [.persons])).isTarget == false)
    // all: every known criterion holds, persons unknown → undecidable.
    #expect(throws: TargetCaseRule.Undecidable.missing([.persons])) {
      try all.decide(facts(grade: 12...12, persons: 0, gain: 20_000_000, missing: [.persons]))
    }
  }

  @Test func thresholdsAreInclusive() throws {
    // grade 10 ≥ 10 → grade; 9 < 10 → not.
    #expect(try decide(rule, grade: 10...10, persons: 1, gain: 0).reasonsText == "grade")
    #expect(try decide(rule, grade: 9...9, persons: 1, gain: 0).isTarget == false)
    // 3 persons ≥ 3 → persons; 2 → not.
    #expect(try decide(rule, grade: nil, persons: 3, gain: 0).reasonsText == "persons")
    #expect(try decide(rule, grade: nil, persons: 2, gain: 0).isTarget == false)
    // 10,000,000 元 ≥ 10,000,000 → gain; 9,999,999 → not.
    #expect(try decide(rule, grade: nil, persons: 1, gain: 10_000_000).reasonsText == "gain")
    #expect(try decide(rule, grade: nil, persons: 1, gain: 9_999_999).reasonsText == "")
    // All three, listed in the order grade, persons, gain.
    let all = try decide(rule, grade: 12...12, persons: 5, gain: 20_000_000)
    #expect(all.reasonsText == "grade;persons;gain")
    #expect(all.isTarget)
  }

  @Test func ruleAllAndOtherThresholds() throws {
    let strict = TargetCaseRule(combination: .all)
    #expect(try decide(strict, grade: 10...10, persons: 3, gain: 0).isTarget == false)
    #expect(try decide(strict, grade: 10...10, persons: 3, gain: 10_000_000).isTarget)
    let lower = TargetCaseRule(minGrade: 9, minPersons: 2, minGain: DecimalNumber(5_000_000))
    #expect(try decide(lower, grade: 9...9, persons: 2, gain: 5_000_000).reasonsText == "grade;persons;gain")
  }

  @Test func aRankStraddlingTheThresholdIsUndecidable() throws {
    // 薦任 is grades 6–9: below 10 (not a reason), but straddles --min-grade 8.
    #expect(try decide(rule, grade: 6...9, persons: 1, gain: 0).isTarget == false)
    let eight = TargetCaseRule(minGrade: 8)
    #expect(throws: TargetCaseRule.Undecidable.self) { try decide(eight, grade: 6...9, persons: 1, gain: 0) }
  }

  static func table(_ csv: String) throws -> TextTable {
    try TableReader.read(bytes: Array(csv.utf8), source: "cases.csv")
  }

  @Test func classifiesCaseRecords() throws {
    let csv = """
      case_id,agency,grade,defendants,illicit_gain
      A1,臺北地檢署,簡任第十職等,1,0
      A2,士林,薦任第九職等,4,"1,000,000"
      A3,高雄,,1,1000萬元
      A4,高雄,委任第三職等,2,999.9999萬
      A5,新北,-,3,-

      """
    let result = try rule.classify(try Self.table(csv))
    // A1 grade 10; A2 4 persons; A3 1000萬元 = 1000 × 10⁴ = 10,000,000 元; A4 999.9999萬
    // = 9,999,999 元, 2 persons, grade 3 → none; A5 3 persons, gain "-" = 0.
    #expect(result.rows.map(\.decision.reasonsText) == ["grade", "persons", "gain", "", "persons"])
    #expect(result.rows.map(\.decision.isTarget) == [true, true, true, false, true])
    #expect(result.table.names == ["case_id", "agency", "grade", "defendants", "illicit_gain", "is_target", "reasons"])
    #expect(result.summary == "read 5 rows: used 5, rejected 0")
  }

  @Test func gainUnitFromHeader() throws {
    // 不法所得(千元): 10,000 千元 = 10,000 × 10³ = 10,000,000 元 → gain; 9,999 千元 → not.
    let csv = "案號,職等,被告人數,不法所得(千元)\nB1,,1,\"10,000\"\nB2,,1,9999\n"
    let result = try rule.classify(try Self.table(csv))
    #expect(result.rows.map(\.decision.reasonsText) == ["gain", ""])
  }

  @Test func anUnreadableGradeIsARowError() throws {
    let csv = "case_id,grade,defendants,illicit_gain\nC1,10,1,0\nC2,特任,1,0\nC3,9,,0\n"
    do {
      _ = try rule.classify(try Self.table(csv))
      Issue.record("expected an error")
    } catch let error as DataError {
      #expect(error.line == 3)
      #expect(error.column == 2)
      #expect(error.description.hasPrefix("cases.csv:3:2: expected a grade"))
      #expect(error.found == "特任")
    }
    // With skipBadRows both bad rows are set aside: N = 3 = used 1 + rejected 2.
    let skipped = try rule.classify(try Self.table(csv), skipBadRows: true)
    #expect(skipped.rows.count == 1)
    #expect(skipped.rejected.map(\.line) == [3, 4])
    #expect(skipped.rejected[1].error.column == 3)
    #expect(skipped.rowsRead == skipped.rows.count + skipped.rejected.count)
  }

  @Test func gradeMapFile() throws {
    let map = try TargetCaseRule.gradeMap(from: try Self.table("title,grade\n特任,15\n政務官,14\n"))
    let rule = TargetCaseRule(gradeMap: map)
    #expect(try rule.grade(parsing: "特任") == 15...15)
    #expect(throws: DataError.self) { try TargetCaseRule.gradeMap(from: try Self.table("title,grade\n特任,high\n")) }
  }
}
