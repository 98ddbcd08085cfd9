import Foundation
import Testing
import TestSupport

/// Issue 12 item 10: `classify --columns` maps the case columns; a case that qualifies on one
/// criterion is a target case under the any-criterion rule even when another criterion's cell
/// is missing (reported with a note, never rejected); JSON carries numbers as numbers and adds
/// the parsed persons and gain in 元. The verdicts are worked out in the comments.
@Suite struct ClassifyContractTests {
  /// Headers no alias knows, a gain in 萬元 (header suffix), missing cells (…, empty, NA).
  static let cases = """
    編號,官階,涉案人數,不法金額(萬元)
    A1,簡任第十職等,…,…
    A2,…,5,10
    A3,委任第三職等,,2000
    A4,委任第三職等,1,NA
    A5,薦任第七職等,2,100

    """
  static let columns = ["--columns", "case_id=編號,grade=官階,defendants=涉案人數", "--columns", "illicit_gain=不法金額"]

  @Test func columnsMapsTheCaseColumns() throws {
    let result = try runCLI(["classify", "-", "--skip-bad-rows"] + Self.columns, stdin: Self.cases)
    #expect(result.status == 0, "\(result.stderr)")
    // A1 grade 10 → target (persons, gain unknown); A2 5 persons → target (grade unknown);
    // A3 2000萬元 = 20,000,000 元 → target (persons unknown); A4 grade 3, 1 person, gain
    // unknown → undecidable: rejected; A5 grade 7, 2 persons, 100萬元 = 1,000,000 元 → not one.
    #expect(result.stdout == """
      編號,官階,涉案人數,不法金額(萬元),is_target,reasons
      A1,簡任第十職等,…,…,true,grade
      A2,…,5,10,true,persons
      A3,委任第三職等,,2000,true,gain
      A5,薦任第七職等,2,100,false,

      """)
    #expect(result.stderr.contains(
      "note: <stdin>:2: case A1 is a target case on grade; persons not known (涉案人數 \"…\"), gain not known "
        + "(不法金額(萬元) \"…\"): under the any-criterion rule one criterion that holds suffices\n"), "\(result.stderr)")
    #expect(result.stderr.contains("note: <stdin>:3: case A2 is a target case on persons; grade not known (官階 \"…\")"))
    #expect(result.stderr.contains("note: <stdin>:4: case A3 is a target case on gain; persons not known (涉案人數 \"\")"))
    #expect(result.stderr.contains(
      "rejected: <stdin>:5:4: gain not known (missing) and no other criterion holds: cannot decide whether this is "
        + "a target case in column \"不法金額(萬元)\" (found \"NA\")"), "\(result.stderr)")
    #expect(result.stderr.hasSuffix("read 5 rows: used 4, rejected 1\n"))
  }

  @Test func aQualifyingCaseWithAMissingCellIsNeverRejected() throws {
    // Without --skip-bad-rows: A3 (2000萬元, persons missing) is a target case, exit 0.
    let csv = "case_id,grade,defendants,illicit_gain\nA3,委任第三職等,…,2000萬元\n"
    let result = try runCLI(["classify"], stdin: csv)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "case_id,grade,defendants,illicit_gain,is_target,reasons\nA3,委任第三職等,…,2000萬元,true,gain\n")
    // Under --rule all a failing known criterion decides too: grade 3 fails → not a target case.
    let all = try runCLI(["classify", "--rule", "all"], stdin: csv)
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout.hasSuffix("A3,委任第三職等,…,2000萬元,false,gain\n"))
  }

  @Test func unknownCaseColumnIsAUsageError() throws {
    let result = try runCLI(["classify", "-", "--columns", "value=涉案人數"], stdin: Self.cases)
    #expect(result.status == 64)
    #expect(result.stderr.contains(
      "--columns: \"value\" is not a case column (one of case_id, agency, period, grade, defendants, illicit_gain, gain_unit)"),
      "\(result.stderr)")
  }

  @Test func jsonCarriesNumbersAsNumbers() throws {
    let result = try runCLI(["classify", "-", "--skip-bad-rows", "--format", "json"] + Self.columns, stdin: Self.cases)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 4)
    // A2: 5 persons, 10萬元 = 100,000 元. The input's number columns are numbers (… is null);
    // the case id stays text.
    let a2 = try #require(rows.first { $0["編號"] as? String == "A2" })
    #expect((a2["涉案人數"] as? NSNumber)?.doubleValue == 5)
    #expect((a2["不法金額(萬元)"] as? NSNumber)?.doubleValue == 10)
    #expect((a2["persons"] as? NSNumber)?.doubleValue == 5)
    #expect((a2["gain"] as? NSNumber)?.doubleValue == 100_000)
    #expect(a2["is_target"] as? Bool == true)
    #expect(a2["官階"] as? String == "…")
    let a1 = try #require(rows.first { $0["編號"] as? String == "A1" })
    #expect(a1["persons"] is NSNull)
    #expect(a1["gain"] is NSNull)
    #expect(a1["涉案人數"] is NSNull)
    // A3: 2000萬元 = 20,000,000 元.
    let a3 = try #require(rows.first { $0["編號"] as? String == "A3" })
    #expect((a3["gain"] as? NSNumber)?.doubleValue == 20_000_000)
    // The raw text: numbers unquoted.
    #expect(result.stdout.contains("\"涉案人數\": 5,"))
    #expect(result.stdout.contains("\"gain\": 100000\n"))
  }
}
