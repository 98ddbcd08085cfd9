import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Survey: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "survey",
      abstract: "Survey proportions per year: Wilson interval, change from the previous year (z-test).",
      discussion: """
        Needs year, value and n (sample size, 樣本數) per row, optionally indicator. Values are \
        proportions unless --percent is given or the unit is % (never guessed from magnitudes). \
        --trend fits a WLS line with weights n/(p(1−p)) and prints it in the trend columns, in \
        percentage points per year.

        EXAMPLES:
          integrity-stats survey SampleData/synthetic_integrity_survey.csv
          integrity-stats survey SampleData/synthetic_integrity_survey.csv --trend
        """)

    @OptionGroup var workspace: WorkspaceSourceOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var confidence: LevelOption
    @OptionGroup var reader: ReaderOptions

    @Flag(help: "Fit a weighted trend line per indicator instead of listing years.")
    var trend = false

    @Flag(help: "Values are percentages (12.5 means 12.5 %).")
    var percent = false

    @Option(help: "With --trend: carry the line to this year (1–3 digits: ROC year, 115 = 2026).")
    var to: YearArgument?

    mutating func validate() throws {
      if to != nil && !trend { throw ValidationError("--to applies to --trend") }
      try YearArgument.validateProjection(to)
    }

    mutating func run() throws {
      try workspace.supplyStandardInput(input: common.input)  // --db/--as-of: the workspace's figures as the input
      try requireLinearAlgebra()  // weighted least squares (exit 69 without OpenBLAS)
      let analysis = SurveyAnalysis(level: confidence.level, percent: percent)
      try reader.rejectsTarget(common).check()
      let (series, set) = try analysis.read(path: common.inputPath, readOptions: reader.observationOptions())
      try reader.report(set, common)
      if trend {
        try YearArgument.checkProjection(to, years: series.flatMap(\.survey.years))
        let report = try analysis.trend(
          series, source: set.source, valueColumn: set.columnNumber(.value), projectTo: to?.year)
        try common.write(report.table)
      } else {
        try common.write(analysis.run(series).table)
      }
      reader.finish(set)
    }
  }
}
