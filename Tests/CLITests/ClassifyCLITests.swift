import Foundation
import Testing
import TestSupport

@Suite struct ClassifyCLITests {
  @Test func classifiesTheCaseFile() throws {
    let result = try runCLI(["classify", fixturePath("indicators/cases.csv"), "--skip-bad-rows", "--raw"])
    #expect(result.status == 0)
    // 112-001 grade 10; 112-002 4 persons; 112-003 1000萬元 = 10,000,000 元; 112-004
    // 999.9999萬 = 9,999,999 元, 2 persons, grade 3 → not a target case; 112-005 3 persons;
    // 112-006 特任 has no grade without --grade-map → rejected (row error).
    #expect(result.stdout == """
      case_id,agency,period,grade,defendants,illicit_gain,is_target,reasons
      112-001,臺北地檢署,112,簡任第十職等,1,0,true,grade
      112-002,士林地檢署,112,薦任第九職等,4,"1,000,000",true,persons
      112-003,高雄,112,,1,1000萬元,true,gain
      112-004,高雄,112,委任第三職等,2,999.9999萬,false,
      112-005,新北,112,-,3,-,true,persons

      """)
    #expect(result.stderr.contains("rejected: \(fixturePath("indicators/cases.csv")):7:4: expected a grade"))
    #expect(result.stderr.hasSuffix("read 6 rows: used 5, rejected 1\n"))
  }

  @Test func anUnreadableGradeStopsTheRun() throws {
    let result = try runCLI(["classify"], stdin: "case_id,grade,defendants,illicit_gain\nA,高官,1,0\n")
    #expect(result.status == 65)
    #expect(result.stderr.contains("<stdin>:2:2: expected a grade"))
  }

  @Test func gradeMapRuleAndThresholds() throws {
    let map = FileManager.default.temporaryDirectory.appendingPathComponent("gm-\(UUID().uuidString).csv").path
    try "title,grade\n特任,15\n".write(toFile: map, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: map) }
    let csv = "case_id,grade,defendants,illicit_gain\nA,特任,3,20000000\nB,10,2,0\n"
    let any = try runCLI(["classify", "--grade-map", map], stdin: csv)
    #expect(any.stdout == "case_id,grade,defendants,illicit_gain,is_target,reasons\nA,特任,3,20000000,true,grade;persons;gain\nB,10,2,0,true,grade\n")
    let all = try runCLI(["classify", "--grade-map", map, "--rule", "all"], stdin: csv)
    #expect(all.stdout.hasSuffix("A,特任,3,20000000,true,grade;persons;gain\nB,10,2,0,false,grade\n"))
    // --min-grade 11, --min-persons 2, --min-gain 2000萬: B (grade 10, 2 persons) → persons only.
    let other = try runCLI(
      ["classify", "--grade-map", map, "--min-grade", "11", "--min-persons", "2", "--min-gain", "2000萬"], stdin: csv)
    #expect(other.stdout.hasSuffix("B,10,2,0,true,persons\n"))
    #expect(try runCLI(["classify", "--rule", "some"], stdin: csv).status == 64)
  }
}
