import ArgumentParser
import IntegrityStats

/// A report section, as named on the command line.
enum ReportSectionOption: String, ExpressibleByArgument, CaseIterable {
  case achievement, quarterly, trend, survey

  var section: ReportSection { ReportSection(rawValue: rawValue)! }
}

extension IntegrityStatsCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Write one self-contained HTML report (inline CSS and SVG, no script, no network).",
      discussion: """
        Reads an agency file and reports what it holds: achievement when it has targets, the \
        quarterly pace when it has quarters and targets, trends of yearly values, survey \
        proportions when it has sample sizes (or the sections named with --section), then \
        a data appendix of every observation.
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions
    @OptionGroup var workspace: WorkspaceSourceOptions
    @OptionGroup var labels: ChartLabelOptions

    @Option(help: "Report these sections instead of choosing by the file's columns (repeatable).")
    var section: [ReportSectionOption] = []

    @Option(help: "Project trends this many years past the last year.")
    var horizon: Int = 3

    @Option(help: "Report title.")
    var title: String?

    mutating func validate() throws {
      guard horizon >= 0 else { throw ValidationError("--horizon must be 0 or more (found \(horizon))") }
    }

    mutating func run() throws {
      let set = try workspace.observations(input: common.input) ?? reader.readObservations(common)
      let builder = ReportBuilder(level: common.level, projectionHorizon: horizon)
      let (content, warnings) = try builder.content(set, sections: section.isEmpty ? nil : Set(section.map(\.section)))
      for warning in warnings { Diagnostics.warning(warning) }
      let html = try HTMLReport(content, options: labels.chartOptions, title: title).html()
      try AtomicFile.write(html, to: common.output)
      reader.finish(set)
    }
  }
}
