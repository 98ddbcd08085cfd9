import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  /// `integrity-stats quarterly`: the target-case quarterly review (每季檢討達成率).
  struct Quarterly: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "quarterly",
      abstract: "Quarterly pace of each office's target cases (目標案件) against its annual target.",
      discussion: """
        Output columns: agency,year,quarter,count,cumulative,target,cumulative_rate,expected_rate,pace,status \
        (an indicator column first when the input has one). cumulative = counts of quarters 1..q; \
        cumulative_rate = cumulative/target; expected_rate = q/4; pace = cumulative_rate/expected_rate; \
        on-track iff pace ≥ 1 (decided exactly). A missing quarter is not zero: from it on cumulative is \
        empty and the status incomplete. District prosecutors offices are recognised in any spelling \
        (臺北地檢署, 台北地檢, 臺北, 北檢 …) and printed by their official names (臺灣臺北地方檢察署). \
        --total adds a national row (全國) per quarter.

        EXAMPLES:
          integrity-stats quarterly SampleData/synthetic_target_cases_quarterly.csv \\
              --total
        """)

    @OptionGroup var workspace: WorkspaceSourceOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions

    @Option(
      help: "Annual targets from a file with columns office,year,target (instead of a target column).",
      completion: .file())
    var targets: String?

    @Option(help: "Two rows for one office and quarter: an error, or summed, or the last kept.")
    var duplicates: DuplicatePolicy = .error

    @Flag(help: "Add a national total row per quarter.")
    var total = false

    mutating func run() throws {
      try workspace.supplyStandardInput(input: common.input)  // --db/--as-of: the workspace's figures as the input
      try reader.rejectsTarget(common).check()
      var annual: [AnnualTarget] = []
      var targetsSource = AggregationSource(file: targets ?? "<targets>")
      if let targets {
        let table = try TableReader.read(path: targets, options: reader.table.sideFileOptions())
        (annual, targetsSource) = try AnnualTarget.read(from: table)
      }
      let (report, set) = try QuarterlyPaceReport.read(
        path: common.inputPath, total: total, duplicates: duplicates, targets: annual, targetsSource: targetsSource,
        readOptions: reader.observationOptions())
      try reader.report(set, common)
      for note in report.notes { Diagnostics.note("note: \(note)") }
      try common.write(
        header: report.csvHeader, chunks: report.chunkCount, table: report.table(chunk:),
        csv: report.appendCSV(chunk:to:))
      reader.finish(set)
    }
  }
}
