import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  /// `integrity-stats achievement`: yearly achievement ratios (達成率), DESIGN.md §4 and §6.
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
        else the Action Plan catalog's for the indicator (8-5, 8.5, 八(五)), else increase. \
        --total adds per-indicator rows (agency 總計) with the ratio of sums over agencies.
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions
    @OptionGroup var workspace: WorkspaceSourceOptions

    @Option(help: "Direction for rows whose file gives none: increase, decrease, zero or milestone.")
    var direction: String?

    @Option(help: "Near-threshold: a ratio at or above it (and below 1) is 'near'.")
    var near: String = "0.9"

    @Option(help: "How quarters aggregate to the year: sum, mean, last or max.")
    var aggregate: String = "sum"

    @Option(help: "Two rows for one indicator, agency and period: error, sum or last.")
    var duplicates: String = "error"

    @Option(help: "What a target on quarter rows is: year (annual, repeated) or quarter (per quarter).")
    var targetPer: String = "year"

    @Flag(help: "Add per-indicator totals over agencies (ratio of sums).")
    var total = false

    func options() throws -> AchievementOptions {
      var options = AchievementOptions(total: total)
      if let direction {
        guard let parsed = Direction(parsing: direction) else {
          throw ValidationError("--direction must be increase, decrease, zero or milestone (found \(direction))")
        }
        options.direction = parsed
      }
      guard case .number(let threshold, _) = NumberParser.parse(near), !threshold.isNegative,
        threshold <= DecimalNumber(1), !threshold.isZero
      else { throw ValidationError("--near must be a number in (0, 1] (found \(near))") }
      options.near = threshold
      guard let aggregation = Aggregation(rawValue: aggregate) else {
        throw ValidationError("--aggregate must be sum, mean, last or max (found \(aggregate))")
      }
      options.aggregation = aggregation
      guard let policy = DuplicatePolicy(rawValue: duplicates) else {
        throw ValidationError("--duplicates must be error, sum or last (found \(duplicates))")
      }
      options.duplicates = policy
      guard let per = TargetPeriod(rawValue: targetPer) else {
        throw ValidationError("--target-per must be year or quarter (found \(targetPer))")
      }
      options.targetPer = per
      return options
    }

    mutating func validate() throws {
      _ = try options()
    }

    mutating func run() throws {
      let options = try options()
      let catalog = ActionPlanCatalog.plan
      let stored = try workspace.observations(input: common.input)
      // Large regular files stream through the reader's fast lane (same rows, same bytes).
      if stored == nil, let (accumulator, set) = try AchievementAccumulator.read(
        path: common.inputPath, readOptions: reader.observationOptions(), options: options,
        catalogDirection: { catalog.direction(forIndicator: $0) })
      {
        try reader.report(set)
        let order = accumulator.rowOrder()
        if common.format == .json {
          try common.writeJSONArray(chunks: order.chunks.count) { chunk in
            var rows: [AchievementRatio] = []
            try accumulator.forEachRow(in: order, chunk: chunk) { row, _ in rows.append(row) }
            return AchievementReport(rows: rows).table
          }
          reader.finish(set)
          return
        }
        try common.writeCSV(header: AchievementReport.header, chunks: order.chunks.count) { chunk, out in
          let names = out.names ?? accumulator.internNames(into: &out.line)
          out.names = names
          if options.total {
            try accumulator.forEachRow(in: order, chunk: chunk) { row, ids in
              row.appendCSV(to: &out.line, names: names, ids: ids)
              try out.endRow()
            }
          } else {
            for position in order.chunks[chunk] {
              accumulator.appendCSV(groupAt: position, in: order, names: names, to: &out.line)
              try out.endRow()
            }
          }
        }
        reader.finish(set)
        return
      }
      var set = try stored ?? reader.readObservations(common)
      let source = AggregationSource(set: set, columnMap: try ObservationReadOptions.parseColumnMap(reader.columns))
      let report = try AchievementReport(
        observations: set.observations, options: options, source: source,
        catalogDirection: { catalog.direction(forIndicator: $0) })
      set.observations = []  // free the rows before rendering (large files)
      if common.format == .csv {
        try common.writeCSV(header: AchievementReport.header) { _, out in
          for row in report.rows {
            row.appendCSV(to: &out.line)
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
