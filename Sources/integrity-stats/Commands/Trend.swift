import ArgumentParser
import IntegrityStats

extension TrendModel: ClosedChoice {}

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

        EXAMPLES:
          integrity-stats trend SampleData/synthetic_indictments_seizures_wide.csv \\
              --wide --model loglinear --to 2028
          integrity-stats trend SampleData/synthetic_indictments_seizures_wide.csv \\
              --wide --auto --break 2020
        """)

    @OptionGroup var workspace: WorkspaceSourceOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var confidence: LevelOption
    @OptionGroup var reader: ReaderOptions

    @Option(help: "The model (default linear).")
    var model: TrendModel?

    @Option(
      help: """
        Project each line to this year, from the last data year up to 2200 (1–3 digits: ROC year, \
        115 = 2026); prediction interval for linear and log-linear, CI of the mean for Poisson.
        """)
    var to: YearArgument?

    @Option(
      name: .customLong("break"),
      help: "Break year inside the data for a segmented (interrupted) series: level and slope change (ROC or Gregorian).")
    var breakYear: YearArgument?

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
      try YearArgument.validateProjection(to)
      if let target, !(target >= 0) { throw ValidationError("--target must be 0 or more (found \(target))") }
      if auto && model != nil { throw ValidationError("--auto chooses the model; do not give --model too") }
      if let breakYear, model == .sen {
        throw ValidationError("--break \(breakYear.year) works with --model linear, loglinear or poisson")
      }
      if survey && (auto || breakYear != nil || (model != nil && model != .linear)) {
        throw ValidationError("--survey fits a weighted linear trend; it takes no --model, --auto or --break")
      }
      if percent && !survey { throw ValidationError("--percent applies to --survey") }
      if overdispersion && !auto && (model ?? .linear) != .poisson {
        throw ValidationError("--overdispersion applies to --model poisson (or --auto)")
      }
      if survey && target != nil { throw ValidationError("--target does not apply to --survey") }
    }

    var trendOptions: TrendOptions {
      TrendOptions(
        model: model ?? .linear, level: confidence.level, projectTo: to?.year, breakYear: breakYear?.year,
        overdispersion: overdispersion)
    }

    /// `--to` not before the data's last year, `--break` inside the data (usage errors, 64).
    func checkYears(_ series: [TrendAnalysis.YearlySeries]) throws {
      guard to != nil || breakYear != nil else { return }  // (the list of every year: 14 M instructions at 17,857 series)
      let years = series.flatMap { $0.series.years + $0.skippedYears }
      try YearArgument.checkProjection(to, years: years)
      try YearArgument.checkBreak(breakYear, years: years)
    }

    mutating func run() throws {
      try workspace.supplyStandardInput(input: common.input)  // --db/--as-of: the workspace's figures as the input
      // The series live until the exit (released one by one, 17,857 series cost 26 M
      // instructions after the fits).
      var yearly: [TrendAnalysis.YearlySeries] = []
      // Every model but Sen's is a least-squares or IRLS fit: stop before reading (exit 69)
      // when OpenBLAS cannot be opened, rather than fail each series.
      if auto || survey || (model ?? .linear) != .sen { try requireLinearAlgebra() }
      let report: TrendReport
      let set: ObservationSet
      if survey {
        try reader.rejectsTarget(common).check()
        let analysis = SurveyAnalysis(level: confidence.level, percent: percent)
        let series: [SurveyAnalysis.Series]
        (series, set) = try analysis.read(path: common.inputPath, readOptions: reader.observationOptions())
        try reader.report(set, common)
        try YearArgument.checkProjection(to, years: series.flatMap(\.survey.years))
        report = try analysis.trend(series, source: set.source, valueColumn: set.columnNumber(.value), projectTo: to?.year)
      } else {
        try reader.rejectsTarget(common).check()
        let series: [TrendAnalysis.YearlySeries]
        (series, set) = try TrendAnalysis.read(path: common.inputPath, readOptions: reader.observationOptions())
        try reader.report(set, common)
        try checkYears(series)
        report = try TrendAnalysis(
          options: trendOptions, automatic: auto, target: target,
          keepUnfittable: reader.skipBadRows || reader.rejects != nil
        ).run(series: series, source: set.source, valueColumn: set.columnNumber(.value))
        yearly = series
      }
      try withExtendedLifetime(yearly) {
        for warning in report.warnings { Diagnostics.warning(warning) }
        try common.write(report.table(remedy: \.commandLineText))
        reader.finish(set)
        IntegrityStatsCommand.exitKeepingResults()  // the report and series are not released one by one
      }
    }
  }
}
