import ArgumentParser
import IntegrityStats

extension TrendModel: ExpressibleByArgument {}

extension IntegrityStatsCommand {
  struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "trend",
      abstract: "Fit a trend line to each series (per indicator and agency).",
      discussion: """
        Models: linear (OLS), loglinear (OLS on ln y; annual change in %), poisson (GLM, log \
        link, IRLS; quasi-Poisson SEs when overdispersed), sen (Theil–Sen slope and Mann–Kendall \
        test). x = year − first_year; missing years are skipped; n counts the years used. \
        Quarterly rows are summed per year when all four quarters are present.
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions
    @OptionGroup var workspace: WorkspaceSourceOptions

    @Option(help: "The model (default linear).")
    var model: TrendModel?

    @Option(help: "Project each line to this year (prediction interval for linear and log-linear, CI of the mean for Poisson).")
    var to: Int?

    @Option(name: .customLong("break"), help: "Break year for a segmented (interrupted) series: level and slope change.")
    var breakYear: Int?

    @Option(help: "A target for every series (else the target column): adds reaches_target and target_year.")
    var target: Double?

    @Flag(help: "Choose the model by data kind: counts → poisson, positive amounts → loglinear, rates → linear.")
    var auto = false

    @Flag(help: "Quasi-Poisson standard errors whatever the dispersion (default: when dispersion > 1.5).")
    var overdispersion = false

    @Flag(help: "Survey proportions with sample sizes: WLS trend with weights n/(p(1−p)), in percentage points.")
    var survey = false

    @Flag(help: "With --survey: values are percentages (also when the unit is %).")
    var percent = false

    mutating func validate() throws {
      if auto && model != nil { throw ValidationError("--auto chooses the model; do not give --model too") }
      if let breakYear, model == .sen {
        throw ValidationError("--break \(breakYear) works with --model linear, loglinear or poisson")
      }
      if survey && (auto || breakYear != nil || (model != nil && model != .linear)) {
        throw ValidationError("--survey fits a weighted linear trend; it takes no --model, --auto or --break")
      }
      if percent && !survey { throw ValidationError("--percent applies to --survey") }
    }

    mutating func run() throws {
      // Trend designs are tiny (n × 2 … n × 4): OpenBLAS's extra threads would only spin
      // (sched_yield) beside ours, so use one (TOOLCHAIN.md).
      setLinearAlgebraThreads(1)
      let stored = try workspace.observations(input: common.input)
      if !survey, stored == nil {
        let options = TrendOptions(
          model: model ?? .linear, level: common.level, projectTo: to, breakYear: breakYear,
          overdispersion: overdispersion)
        // Large regular files stream through the reader's fast lane (same series, same bytes).
        if let (series, set) = try TrendSeriesAccumulator.read(
          path: common.inputPath, readOptions: reader.observationOptions())
        {
          try reader.report(set)
          let report = try TrendAnalysis(
            options: options, automatic: auto, target: target,
            keepUnfittable: reader.skipBadRows || reader.rejects != nil
          ).run(series: series, source: set.source, valueColumn: set.columnNumber(.value))
          for warning in report.warnings { Diagnostics.warning(warning) }
          try common.write(report.table)
          reader.finish(set)
          return
        }
      }
      let set = try stored ?? reader.readObservations(common)
      let report: TrendReport
      if survey {
        report = try SurveyAnalysis(level: common.level, percent: percent).trend(set, projectTo: to)
      } else {
        let options = TrendOptions(
          model: model ?? .linear, level: common.level, projectTo: to, breakYear: breakYear,
          overdispersion: overdispersion)
        report = try TrendAnalysis(
          options: options, automatic: auto, target: target,
          keepUnfittable: reader.skipBadRows || reader.rejects != nil
        ).run(set)
      }
      for warning in report.warnings { Diagnostics.warning(warning) }
      try common.write(report.table)
      reader.finish(set)
    }
  }
}
