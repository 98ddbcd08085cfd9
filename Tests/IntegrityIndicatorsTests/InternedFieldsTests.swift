import Testing

@testable import IntegrityIndicators

/// The fast CSV writers pick interned words by position: the positions must be those
/// `internNames` interns them at.
@Suite struct InternedFieldsTests {
  @Test func achievementWordsArePickedWhereTheyWereInterned() {
    for (i, direction) in Direction.allCases.enumerated() {
      #expect(AchievementAccumulator.internedIndex(of: direction) == i)
    }
    for (i, status) in AchievementStatus.allCases.enumerated() {
      #expect(AchievementAccumulator.internedIndex(of: status) == i)
    }
    #expect(Direction.allCases.count == 4 && AchievementStatus.allCases.count == 5)
  }

  @Test func quarterlyStatusesArePickedWhereTheyWereInterned() {
    for (i, status) in QuarterlyPaceAccumulator.internedStatuses.enumerated() {
      #expect(QuarterlyPaceAccumulator.internedIndex(of: status) == i)
    }
    #expect(Set(QuarterlyPaceAccumulator.internedStatuses) == Set(PaceStatus.allCases))
  }
}
