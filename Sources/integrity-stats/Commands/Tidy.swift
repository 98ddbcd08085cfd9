import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  /// `integrity-stats tidy FILE`: any agency file in, one clean long table out.
  struct Tidy: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tidy",
      abstract: "Read an agency file and write it as one clean long table.",
      discussion: """
        Output columns: the canonical columns found, in this order: \
        indicator,agency,year,quarter,month,value,target,n,unit,direction, then revised and line. \
        Years are Gregorian, figures in base units (元), missing values empty.

        EXAMPLES:
          integrity-stats tidy SampleData/synthetic_indictments_seizures_wide.csv \\
              --wide
          integrity-stats tidy SampleData/synthetic_yearly_indicators_big5.csv \\
              --format json
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions

    mutating func run() throws {
      switch common.format {
      case .json:
        let set = try reader.readObservations(common)
        try common.write(set.tidyTable)
        reader.finish(set)
      case .csv:
        // Straight from the reader's columns, formatted on both cores.
        let target = reader.rejectsTarget(common)
        try target.check()
        let (rows, set) = try TidyRows.read(path: common.inputPath, options: reader.observationOptions())
        try reader.report(set, target)
        ProgressLine.shared?.enter(.writing)
        try common.streamingWriter.writeCSV(header: rows.header, chunks: rows.chunkCount, state: TidyRows.Interned.self) {
          chunk, out in try rows.appendCSV(rows: rows.rows(ofChunk: chunk), to: &out)
        }
        reader.finish(set)
      }
    }
  }
}
