import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  /// `integrity-stats achievement`: yearly achievement ratios (達成率).
  struct Achievement: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "achievement",
      abstract: "Yearly achievement (達成率) of each indicator and agency against its target.",
      discussion: """
        Output columns: indicator,agency,year,actual,target,direction,ratio,status,partial. \
        increase: ratio = actual/target; decrease: target/actual (actual 0 is achieved, no ratio); \
        zero: achieved iff actual = 0; milestone: achieved iff done. Status achieved (ratio ≥ 1), \
        near (≥ --near), behind, no-target, no-data, decided exactly on the decimal figures. \
        Quarterly rows aggregate to the year (partial = fewer than 4 quarters); an annual target \
        repeated on quarter rows is taken once. Direction: the file's column, else --direction, \
        else the Action Plan catalog's for the indicator (8-5, 8.5, 八(五); a measure whose targets \
        differ in direction by the target its label shares words with, e.g. 8-8 檢舉人身分外洩 = 8-8-1), \
        else increase. A target of 0 for increase or decrease is no-target. \
        --total adds per-indicator rows (agency 總計) with the ratio of sums over agencies.

        EXAMPLES:
          integrity-stats achievement \\
              SampleData/synthetic_yearly_indicators_big5.csv --total -o \\
              achievement.csv
          integrity-stats achievement \\
              SampleData/synthetic_yearly_indicators_big5.csv --by strategy --format \\
              json
        """)

    @OptionGroup var workspace: WorkspaceSourceOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions

    @Option(help: "Direction for rows whose file gives none (also 正向, 負向, higher, lower …).")
    var direction: Direction?

    @Option(help: "Near-threshold: a ratio at or above it (and below 1) is 'near'.")
    var near: String = "0.9"

    @Option(help: "How quarters aggregate to the year.")
    var aggregate: Aggregation = .sum

    @Option(help: "Two rows for one indicator, agency and period: an error, or summed, or the last kept.")
    var duplicates: DuplicatePolicy = .error

    @Option(help: "What a target on quarter rows is: year (annual, repeated) or quarter (per quarter).")
    var targetPer: TargetPeriod = .year

    @Flag(help: "Add per-indicator totals over agencies (ratio of sums).")
    var total = false

    @Option(help: "Roll the rows up: strategy (counts per year, strategy and measure of the plan).")
    var by: AchievementRollupOption?

    func options() throws -> AchievementOptions {
      var options = AchievementOptions(total: total)
      if let direction { options.direction = direction }
      guard case .number(let threshold, _) = NumberParser.parse(near), !threshold.isNegative,
        threshold <= DecimalNumber(1), !threshold.isZero
      else { throw ValidationError("--near must be a number in (0, 1] (found \(near))") }
      options.near = threshold
      options.aggregation = aggregate
      options.duplicates = duplicates
      options.targetPer = targetPer
      return options
    }

    mutating func validate() throws {
      _ = try options()
    }

    mutating func run() throws {
      try workspace.supplyStandardInput(input: common.input)  // --db/--as-of: the workspace's figures as the input
      try reader.rejectsTarget(common).check()
      let (report, set) = try AchievementReport.read(
        path: common.inputPath, options: try options(), readOptions: reader.observationOptions())
      try reader.report(set, common)
      for note in report.notes { Diagnostics.note("note: \(note)") }
      if by == .strategy {
        try common.write(StrategyRollup(report: report, catalog: .plan).table)
      } else {
        try common.write(
          header: AchievementReport.header, chunks: report.chunkCount, table: report.table(chunk:),
          csv: report.appendCSV(chunk:to:))
      }
      reader.finish(set)
    }
  }
}
