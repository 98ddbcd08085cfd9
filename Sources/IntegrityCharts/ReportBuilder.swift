import IntegrityIndicators
import IntegrityModels
import IntegrityNumerics
import IntegrityTables
import IntegrityAgencyData
import IntegrityActionPlan

/// Computes the report's results from observations with the other layers' analyses:
/// `AchievementReport`, `QuarterlyPaceReport` (Indicators), `TrendAnalysis` and
/// `SurveyAnalysis` (Indicators over Models). No statistics are computed here.
public struct ReportBuilder: Sendable {
  /// Confidence level of trend and survey intervals.
  public var level: Double
  /// Trends are projected this many years past the last year observed.
  public var projectionHorizon: Int

  public init(level: Double = 0.95, projectionHorizon: Int = 3) {
    self.level = level
    self.projectionHorizon = projectionHorizon
  }

  /// The results of one observation set.
  public struct Results: Sendable {
    public var achievement: AchievementReport?
    public var quarterly: QuarterlyPaceReport?
    public var trend: TrendReport?
    public var survey: SurveyReport?
    public var warnings: [String] = []
  }

  /// The sections a file supports, from what it holds:
  /// - sample sizes → survey (and no trend: the survey section has its own intervals);
  /// - quarters with targets → quarterly pace;
  /// - targets → achievement (quarters aggregated per year);
  /// - otherwise yearly values → trend.
  public static func sections(for set: ObservationSet) -> Set<ReportSection> {
    let present = set.columnsPresent
    let hasQuarters = set.observations.contains { $0.period.quarter != nil }
    let hasTargets = present.contains(.target) || set.observations.contains { $0.target != nil }
    if present.contains(.n) { return [.survey] }
    var sections: Set<ReportSection> = []
    if hasQuarters && hasTargets { sections.insert(.quarterly) }
    if hasTargets { sections.insert(.achievement) }
    if !hasTargets && !hasQuarters { sections.insert(.trend) }
    return sections
  }

  /// Runs the analyses of `sections` on `set`.
  public func results(_ set: ObservationSet, sections: Set<ReportSection>) throws -> Results {
    var results = Results()
    let source = set.aggregationSource
    if sections.contains(.achievement) {
      results.achievement = try AchievementReport(
        observations: set.observations, source: source)
    }
    if sections.contains(.quarterly) {
      results.quarterly = try QuarterlyPaceReport(observations: set.observations, source: source)
    }
    // The trend and survey sections are fits: without OpenBLAS, `LinearAlgebraError.unavailable`
    // (the tool's exit 69), not a section of series "not fitted".
    if sections.contains(.trend) || sections.contains(.survey) { try requireLinearAlgebra() }
    if sections.contains(.trend) {
      let lastYear = set.observations.map(\.period.year).max()
      let options = TrendOptions(model: .linear, level: level, projectTo: lastYear.map { $0 + projectionHorizon })
      let report = try TrendAnalysis(options: options, keepUnfittable: true).run(set)
      results.trend = report
      results.warnings += report.warnings
    }
    if sections.contains(.survey) {
      let report = try SurveyAnalysis(level: level).run(set)
      results.survey = report
      results.warnings += report.warnings
    }
    return results
  }

  /// The report content for one observation set (the `report` command).
  public func content(_ set: ObservationSet, sections: Set<ReportSection>? = nil) throws -> (HTMLReport.Content, [String]) {
    let r = try results(set, sections: sections ?? Self.sections(for: set))
    let content = HTMLReport.Content(
      sources: [SourceFile(path: set.source)], achievement: r.achievement?.table, quarterly: r.quarterly?.table,
      trend: r.trend?.table, trendObservations: r.trend == nil ? nil : set.tidyTable, survey: r.survey?.table,
      appendix: [(set.source, set.tidyTable)])
    return (content, r.warnings)
  }
}
