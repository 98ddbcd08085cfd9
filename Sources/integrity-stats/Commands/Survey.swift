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
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions
    @OptionGroup var workspace: WorkspaceSourceOptions

    @Flag(help: "Fit a weighted trend line per indicator instead of listing years.")
    var trend = false

    @Flag(help: "Values are percentages (12.5 means 12.5 %).")
    var percent = false

    @Option(help: "With --trend: carry the line to this year.")
    var to: Int?

    mutating func run() throws {
      // Trend designs are tiny (n × 2 … n × 4): OpenBLAS's extra threads would only spin
      // (sched_yield) beside ours, so use one (TOOLCHAIN.md).
      setLinearAlgebraThreads(1)
      let set = try workspace.observations(input: common.input) ?? reader.readObservations(common)
      let analysis = SurveyAnalysis(level: common.level, percent: percent)
      if trend {
        let report = try analysis.trend(set, projectTo: to)
        for warning in report.warnings { Diagnostics.warning(warning) }
        try common.write(report.table)
      } else {
        let report = try analysis.run(set)
        for warning in report.warnings { Diagnostics.warning(warning) }
        try common.write(report.table)
      }
      reader.finish(set)
    }
  }
}
