import ArgumentParser
import IntegrityStats

/// What `achievement --by` rolls the rows up to.
enum AchievementRollupOption: String, ClosedChoice {
  /// Counts per year, strategy and measure of the plan (`StrategyRollup`), from the same
  /// `AchievementReport` rows the command prints without `--by`.
  case strategy
}
