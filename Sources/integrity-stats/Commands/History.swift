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
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Output format: csv or json.")
    var format: OutputFormat = .csv

    @Option(help: "Only values received on or before this date.")
    var asOf: String?

    @Option(help: "Only this indicator (as stored).")
    var indicator: String?

    @Option(help: "Only this agency.")
    var agency: String?

    mutating func validate() throws {
      if let asOf { _ = try parseDate(asOf, option: "--as-of") }
    }

    mutating func run() throws {
      let store = try workspace.open()
      var figures = try store.history(asOf: try asOf.map { try parseDate($0, option: "--as-of") })
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
