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
      let policy = duplicates
      // Large regular files stream through the reader's fast lane (same rows, same bytes).
      if targets == nil, policy == .error,
        let (accumulator, set) = try QuarterlyPaceAccumulator.read(
          path: common.inputPath, readOptions: reader.observationOptions(), total: total)
      {
        try reader.report(set, common)
        let indicatorColumn = accumulator.hasIndicator
        let order = accumulator.rowOrder()
        let total = total
        if common.format == .json {
          try common.writeJSONArray(chunks: order.chunks.count) { chunk in
            var rows: [QuarterlyPace] = []
            try accumulator.forEachRow(in: order, chunk: chunk) { row, _ in rows.append(row) }
            return QuarterlyPaceReport(rows: rows).table(indicatorColumn: indicatorColumn)
          }
          reader.finish(set)
          return
        }
        try common.writeCSV(
          header: (indicatorColumn ? ["indicator"] : []) + QuarterlyPaceReport.header, chunks: order.chunks.count
        ) { chunk, out in
          let names = out.state ?? accumulator.internNames(into: &out.line)
          out.state = names
          if total {
            try accumulator.forEachRow(in: order, chunk: chunk) { row, ids in
              row.appendCSV(to: &out.line, indicatorColumn: indicatorColumn, names: names, ids: ids)
              try out.endRow()
            }
          } else {
            for position in order.chunks[chunk] {
              accumulator.appendCSV(
                groupAt: position, in: order, indicatorColumn: indicatorColumn, names: names, to: &out.line)
              try out.endRow()
            }
          }
        }
        reader.finish(set)
        return
      }
      var annual: [AnnualTarget] = []
      var targetsSource = AggregationSource(file: targets ?? "<targets>")
      if let targets {
        let table = try TableReader.read(path: targets, options: reader.table.sideFileOptions())
        (annual, targetsSource) = try AnnualTarget.read(from: table)
      }
      var set = try reader.readObservations(common)
      let source = AggregationSource(set: set, columnMap: try ObservationReadOptions.parseColumnMap(reader.columns))
      let report = try QuarterlyPaceReport(
        observations: set.observations, targets: annual, total: total,
        duplicates: policy, source: source, targetsSource: targetsSource)
      set.observations = []  // free the rows before rendering (large files)
      for note in report.notes { Diagnostics.note("note: \(note)") }
      if common.format == .csv {
        let indicatorColumn = report.rows.contains { $0.indicator != nil }
        try common.writeCSV(header: (indicatorColumn ? ["indicator"] : []) + QuarterlyPaceReport.header) { _, out in
          for row in report.rows {
            row.appendCSV(to: &out.line, indicatorColumn: indicatorColumn)
            try out.endRow()
          }
        }
      } else {
        try common.write(report.table)
      }
      reader.finish(set)
    }
  }
}
