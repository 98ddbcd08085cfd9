import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  /// `integrity-stats history`: every value each figure has had, with its provenance.
  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "Every value each figure has had in the workspace, with file, line, SHA-256, dates and reason.",
      discussion: """
        Output columns: indicator,agency,period,value,file,line,sha256,received,imported_at,reason \
        — one row per value, ordered by figure and then by date received (the last row of a \
        figure is its current value).

        EXAMPLES:
          integrity-stats import SampleData/synthetic_target_cases_quarterly.csv \\
              --db work.sqlite --indicator 8-6-1 --received 2025-01-15
          integrity-stats history --db work.sqlite --agency 臺北地檢署 -o history.csv
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Output format: csv or json.")
    var format: OutputFormat = .csv

    @Option(help: "Only values received on or before this date.")
    var asOf: DateArgument?

    @Option(help: "Only this indicator (as stored).")
    var indicator: String?

    @Option(help: "Only this agency.")
    var agency: String?

    mutating func run() throws {
      let store = try workspace.open()
      var figures = try store.history(asOf: asOf?.date)
      if let indicator { figures.removeAll { $0.key.indicator != indicator } }
      if let agency {
        let name = ProsecutorsOffice.canonicalName(agency)
        figures.removeAll { $0.key.agency != name }
      }
      try output.write(StoredFigure.historyTable(figures), format: format)
      Diagnostics.note("\(store.path): \(figures.count) values")
    }
  }
}
