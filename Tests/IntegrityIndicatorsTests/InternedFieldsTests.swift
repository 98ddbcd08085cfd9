import IntegrityTables
import Testing

@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// The fast CSV writers pick interned words by position: the positions must be those
/// `internNames` interns them at.
@Suite struct InternedFieldsTests {
  @Test func achievementWordsArePickedWhereTheyWereInterned() {
    var line = CSVLineBuffer()
    let names = AchievementAccumulator().internNames(into: &line)
    let fields = AchievementAccumulator.InternedFields(names)
    func text(_ field: Int) -> String {
      var copy = line
      copy.bytes = []
      copy.interned(field)
      return String(decoding: copy.bytes.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)
    }
    for direction in Direction.allCases { #expect(text(fields.direction(direction)) == direction.rawValue) }
    for status in AchievementStatus.allCases { #expect(text(fields.status(status)) == status.rawValue) }
    #expect(text(fields.boolean(false)) == "false" && text(fields.boolean(true)) == "true")
  }

  @Test func quarterlyStatusesArePickedWhereTheyWereInterned() {
    for (i, status) in QuarterlyPaceAccumulator.internedStatuses.enumerated() {
      #expect(QuarterlyPaceAccumulator.internedIndex(of: status) == i)
    }
    #expect(Set(QuarterlyPaceAccumulator.internedStatuses) == Set(PaceStatus.allCases))
  }
}
