import Testing
import IntegrityTables
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// Issue 14: the library's messages name no command-line flag. What the caller can change
/// is a typed `Remedy`, worded with the Swift option to set; the command-line tool words
/// the same remedy with its flag (CLITests/RemedyCLITests).
@Suite struct RemedyWordingTests {
  func read(_ text: String, _ options: ObservationReadOptions = ObservationReadOptions()) throws -> ObservationSet {
    try ObservationReader.read(bytes: Array(text.utf8), source: "r.csv", options: options.officesCanonical)
  }

  func dataError(_ body: () throws -> Void) -> DataError? {
    do {
      try body()
    } catch let error as DataError {
      return error
    } catch {
      Issue.record("expected a DataError, got \(error)")
    }
    return nil
  }

  /// The library's wording: no flag, and the Swift option named.
  func expectLibraryWording(_ text: String, names option: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!text.contains("--"), "\(text)", sourceLocation: sourceLocation)
    #expect(text.contains(option), "\(text)", sourceLocation: sourceLocation)
  }

  // IntegrityAgencyData: the reader.

  @Test func wideWithoutPeriodHeaders() throws {
    let error = try #require(dataError { _ = try read("機關,件數\n北檢,3\n", ObservationReadOptions(wide: true)) })
    #expect(error.remedy == .wideLayout)
    #expect(error.message == "expected period headers such as 107年, 2018 or 112年第1季 (the header has: 機關, 件數)")
    expectLibraryWording(error.description, names: "`ObservationReadOptions.wide`")
  }

  @Test func wideRowLabelsNote() throws {
    let set = try read("X,111年,112年\n起訴件數,3,4\n", ObservationReadOptions(wide: true))
    let note = try #require(set.notes.first { $0.text.contains("row labels") })
    #expect(note.remedy == .wideLayout)
    expectLibraryWording(note.description, names: "`ObservationReadOptions.wide`")
  }

  @Test func dashFootnoteWarning() throws {
    let set = try read("年度,件數\n112,3\n註：「－」表示無資料\n")
    #expect(set.warnings.map(\.remedy) == [.dashAsMissing])
    expectLibraryWording(set.warnings[0].description, names: "`ObservationReadOptions.dashMeansMissing`")
    let asked = try read("年度,件數\n112,3\n註：「－」表示無資料\n", ObservationReadOptions(dashMeansMissing: true))
    #expect(asked.warnings.isEmpty)
    #expect(asked.notes.contains("r.csv:3: the footnote defines \"－\" as no data; reading dashes as missing, as asked"))
  }

  @Test func forcedEncodingErrorSuggestsAnother() throws {
    var options = ObservationReadOptions()
    options.table.encoding = .utf16
    let error = try #require(dataError { _ = try read("年度,件數\n112,3\n", options) })
    #expect(error.remedy == .encoding(suggested: nil))
    expectLibraryWording(error.description, names: "`ReadOptions.encoding`")
  }

  @Test func big5Note() throws {
    // 年度,件數 in Big5 (CP950): not valid UTF-8, so the reader guesses Big5 and says so.
    let bytes: [UInt8] = [0xA6, 0x7E, 0xAB, 0xD7, 0x2C, 0xA5, 0xF3, 0xBC, 0xC6, 0x0A] + Array("112,3\n".utf8)
    let set = try ObservationReader.read(bytes: bytes, source: "b.csv", options: ObservationReadOptions())
    let note = try #require(set.notes.first { $0.text.contains("read as Big5") })
    #expect(note.remedy == .encoding(suggested: nil))
    expectLibraryWording(note.description, names: "`ReadOptions.encoding`")
  }

  @Test func yearAndPeriodDisagree() throws {
    let error = try #require(dataError { _ = try read("年度,期間,件數\n112,113年第1季,3\n") })
    #expect(error.remedy == .mapColumn(canonical: nil))
    #expect(error.message.hasPrefix("the year disagrees with the period column"))
    expectLibraryWording(error.description, names: "`ObservationReadOptions.columnMap`")
  }

  // IntegrityIndicators: achievement, quarterly pace, survey.

  @Test func achievementDuplicatesAndQuarterTargets() throws {
    var obs = AchievementTests.quarters(["1", "2", "3", "4"], target: "10")
    obs.append(
      Observation(
        indicator: "i", agency: "A", period: Period(year: 2023, quarter: 2), value: DecimalNumber(5),
        target: AchievementTests.d("10"), line: 9))
    let duplicate = try #require(dataError { _ = try AchievementReport(observations: obs, source: AchievementTests.source) })
    #expect(duplicate.remedy == .aggregateDuplicates)
    #expect(duplicate.message.hasSuffix("line 3 has the same indicator, agency and period"))
    expectLibraryWording(duplicate.description, names: "`.sum` or `.last`")

    var targets = AchievementTests.quarters(["1", "2", "3", "4"], target: "10")
    targets[3].target = AchievementTests.d("12")
    let differ = try #require(dataError { _ = try AchievementReport(observations: targets, source: AchievementTests.source) })
    #expect(differ.remedy == .targetPerQuarter)
    expectLibraryWording(differ.description, names: "`AchievementOptions.targetPer`")
  }

  @Test func quarterlyDuplicates() throws {
    let csv = "機關,期間,件數\n臺北地檢署,112年第1季,3\n臺北地檢署,112年第1季,4\n"
    let error = try #require(dataError { _ = try QuarterlyPaceReport.read(bytes: Array(csv.utf8), source: "q.csv") })
    #expect(error.remedy == .aggregateDuplicates)
    #expect(error.message.hasSuffix("has the same office and quarter"))
    expectLibraryWording(error.description, names: "`DuplicatePolicy`")
  }

  @Test func surveyProportionAboveOne() throws {
    let set = try read("年度,數值,樣本數\n110,41.2,1000\n111,43.5,1000\n112,45.0,1000\n")
    let error = try #require(dataError { _ = try SurveyAnalysis().run(set) })
    #expect(error.remedy == .percent)
    #expect(error.message == "a proportion must be between 0 and 1")
    expectLibraryWording(error.description, names: "`SurveyAnalysis.percent`")
  }

  // IntegrityActionPlan: the target-case rule.

  @Test func gradeWithoutAGrade() throws {
    let table = try TableReader.read(bytes: Array("case_id,grade,defendants,illicit_gain\nC1,特任,1,0\n".utf8), source: "c.csv")
    let error = try #require(dataError { _ = try TargetCaseRule().classify(table) })
    #expect(error.remedy == .gradeMap)
    expectLibraryWording(error.description, names: "`TargetCaseRule.gradeMap`")
    #expect(TargetCaseRule.GradeError(text: "99", reason: .outOfRange).remedy == .gradeMap)
    #expect(TargetCaseRule.GradeError(text: "9", reason: .outsideRank("簡任", 10...14)).remedy == nil)
  }
}
