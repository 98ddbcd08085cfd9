import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  /// `integrity-stats quarterly`: the target-case quarterly review (每季檢討達成率), DESIGN.md §4.
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
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions
    @OptionGroup var workspace: WorkspaceSourceOptions

    @Option(help: "Annual targets from a file with columns office,year,target (instead of a target column).")
    var targets: String?

    @Option(help: "Two rows for one office and quarter: error, sum or last.")
    var duplicates: String = "error"

    @Flag(help: "Add a national total row per quarter.")
    var total = false

    mutating func validate() throws {
      guard DuplicatePolicy(rawValue: duplicates) != nil else {
        throw ValidationError("--duplicates must be error, sum or last (found \(duplicates))")
      }
    }

    mutating func run() throws {
      let policy = DuplicatePolicy(rawValue: duplicates) ?? .error
      let stored = try workspace.observations(input: common.input)
      // Large regular files stream through the reader's fast lane (same rows, same bytes).
      if stored == nil, targets == nil, policy == .error,
        let (accumulator, set) = try QuarterlyPaceAccumulator.read(
          path: common.inputPath, readOptions: reader.observationOptions(), total: total)
      {
        try reader.report(set)
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
          let names = out.names ?? accumulator.internNames(into: &out.line)
          out.names = names
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
        let table = try TableReader.read(path: targets, options: try reader.observationOptions().table)
        (annual, targetsSource) = try AnnualTarget.read(from: table)
      }
      var set = try stored ?? reader.readObservations(common)
      let source = AggregationSource(set: set, columnMap: try ObservationReadOptions.parseColumnMap(reader.columns))
      let report = try QuarterlyPaceReport(
        observations: set.observations, targets: annual, total: total,
        duplicates: policy, source: source, targetsSource: targetsSource)
      set.observations = []  // free the rows before rendering (large files)
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
