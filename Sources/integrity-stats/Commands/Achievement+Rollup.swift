import ArgumentParser
import IntegrityStats

/// What `achievement --by` rolls the rows up to.
enum AchievementRollupOption: String, ExpressibleByArgument, CaseIterable {
  /// Counts per year, strategy and measure of the plan (`StrategyRollup`).
  case strategy
}

extension IntegrityStatsCommand.Achievement {
  /// `achievement --by strategy`: the yearly roll-up (year,strategy,strategy_title,measure,
  /// measure_title,targets,achieved,near,behind,no_target,no_data), computed by `StrategyRollup`
  /// from the same `AchievementReport` rows the command prints without `--by`.
  func runRollup(_ options: AchievementOptions) throws {
    var set = try reader.readObservations(common)
    let source = AggregationSource(set: set, columnMap: try ObservationReadOptions.parseColumnMap(reader.columns))
    let catalog = ActionPlanCatalog.plan
    let report = try AchievementReport(
      observations: set.observations, options: options, source: source,
      catalogDirection: { catalog.direction(forIndicator: $0) })
    set.observations = []
    try common.write(StrategyRollup(report: report, catalog: catalog).table)
    reader.finish(set)
  }
}
