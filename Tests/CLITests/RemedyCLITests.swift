import Foundation
import Testing
import TestSupport

/// Issue 14: the library states a typed remedy in Swift terms (IntegrityIndicatorsTests/
/// RemedyWordingTests); the tool words the same remedy with its flag, after the cell.
@Suite struct RemedyCLITests {
  /// Runs the tool; its standard error must name `flagText` and no Swift option.
  func expectFlag(
    _ arguments: [String], stdin: String, status: Int32 = 65, _ flagText: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let r = try runCLI(arguments, stdin: stdin)
    #expect(r.status == status, "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.contains(flagText), "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(!r.stderr.contains("`"), "library wording leaked: \(r.stderr)", sourceLocation: sourceLocation)
  }

  // The reader (IntegrityAgencyData, IntegrityTables).

  @Test func readerRemediesNameFlags() throws {
    try expectFlag(
      ["tidy", "--wide"], stdin: "機關,件數\n北檢,3\n",
      "expected period headers such as 107年, 2018 or 112年第1季 (the header has: 機關, 件數); --wide reads one column per period\n")
    try expectFlag(
      ["tidy", "--wide"], stdin: "X,111年,112年\n起訴件數,3,4\n", status: 0,
      "note: <stdin>:1: the row labels in column \"X\" are read as the indicator; --wide reads one column per period\n")
    try expectFlag(
      ["tidy", "--header-row", "9"], stdin: "年度,件數\n112,1\n",
      "<stdin>:9: no row starts on that line; check --header-row 9\n")
    try expectFlag(
      ["tidy", "--columns", "value=起訴件數"], stdin: "年度,件數\n112,1\n",
      "<stdin>:1: the header has no column \"起訴件數\" (it has: 年度, 件數); correct --columns value=起訴件數\n")
    try expectFlag(
      ["tidy", "--encoding", "utf-16"], stdin: "年度,件數\n112,1\n",
      "(FF FE or FE FF) in a file read as UTF-16; choose the encoding with --encoding\n")
    try expectFlag(
      ["tidy"], stdin: "年度,期間,件數\n112,113年第1季,3\n",
      "(found \"112\"); drop one column or map one with --columns\n")
    try expectFlag(
      ["tidy", "--dash", "missing"], stdin: "年度,件數\n112,3\n註：「－」表示無資料\n", status: 0,
      "note: <stdin>:3: the footnote defines \"－\" as no data; reading dashes as missing, as asked\n")
  }

  /// A rejected row's reason names the flag on standard error and in the `--rejects` file.
  @Test func rejectedRowReasonNamesTheFlag() throws {
    let rejects = FileManager.default.temporaryDirectory.appendingPathComponent("remedy-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: rejects) }
    try expectFlag(
      ["tidy", "--rejects", rejects], stdin: "年度,期間,件數\n112,113年第1季,3\n113,113年第1季,4\n", status: 0,
      "rejected: <stdin>:2:1: the year disagrees with the period column (\"期間\" says 2024) in column \"年度\" (found \"112\"); drop one column or map one with --columns\n")
    let file = try String(contentsOfFile: rejects, encoding: .utf8)
    #expect(file.contains("drop one column or map one with --columns"), "\(file)")
  }

  // Achievement, quarterly pace and survey (IntegrityIndicators).

  @Test func indicatorRemediesNameFlags() throws {
    let header = "indicator,agency,year,quarter,value,target\n"
    try expectFlag(
      ["achievement"], stdin: header + "i,A,2023,1,1,10\ni,A,2023,2,2,10\ni,A,2023,2,5,10\n",
      "has the same indicator, agency and period in column \"value\" (found \"5\"); use --duplicates sum or last\n")
    try expectFlag(
      ["achievement"], stdin: header + "i,A,2023,1,1,10\ni,A,2023,2,2,12\n",
      "(found \"12\"); use --target-per quarter if targets are per quarter\n")
    try expectFlag(
      ["quarterly"], stdin: "機關,期間,件數\n臺北地檢署,112年第1季,3\n臺北地檢署,112年第1季,4\n",
      "has the same office and quarter in column \"件數\" (found \"4\"); use --duplicates sum or last\n")
    try expectFlag(
      ["survey", "-"], stdin: "year,value,n\n2020,41.2,1000\n2021,43.5,1000\n",
      "a proportion must be between 0 and 1 in column \"value\" (found \"41.2\"); use --percent, or a % unit, for percentages\n")
  }

  // The target-case rule (IntegrityActionPlan).

  @Test func classifyRemediesNameFlags() throws {
    try expectFlag(
      ["classify"], stdin: "case_id,grade,defendants,illicit_gain\nC1,特任,1,0\n",
      "(found \"特任\"); give titles a grade with --grade-map\n")
  }

  // Trends (IntegrityModels): the note column of the output.

  @Test func forcedQuasiPoissonNoteNamesTheFlag() throws {
    let r = try runCLI(
      ["trend", "--model", "poisson", "--overdispersion"],
      stdin: "year,value\n2010,3\n2011,9\n2012,2\n2013,12\n2014,4\n2015,15\n2016,6\n")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("quasi-Poisson SEs; as --overdispersion asks"), "\(r.stdout)")
    #expect(!r.stdout.contains("`"))
  }
}
