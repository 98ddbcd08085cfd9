import ArgumentParser
import IntegrityStats

/// `status --summary`: what the summary rows group by.
enum StatusSummaryOption: String, ClosedChoice {
  case agency, strategy, total
}

extension IntegrityStatsCommand {
  /// `integrity-stats status`: who reported, on time or late, and who did not.
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract: "Reporting status of each target and agency: on-time, late, missing, not-due; rates.",
      discussion: """
        Output columns: target,agency,period,state,due,received,revised,source. Expected reports \
        come from --roster FILE (agency,target,frequency[,due,from,until]) or else the Action \
        Plan catalog (yearly and quarterly targets and their lead agencies). Due dates default \
        to 統計法施行細則 §9: annual 2 months after the period, half-yearly 1 month, quarterly \
        20 days, monthly 15 days (a roster's due column, e.g. 30d or 1m, overrides). Only the \
        first submission decides on-time or late; revised is a flag. Submissions nobody \
        expected are listed after the others with state unexpected and never count, so \
        --summary gives reporting_rate = received/expected and timeliness_rate = \
        on_time/expected, both at most 1 (expected = on-time + late + missing).

        EXAMPLES:
          integrity-stats import SampleData/synthetic_target_cases_quarterly.csv \\
              --db work.sqlite --indicator 8-6-1 --received 2025-01-15
          integrity-stats status --db work.sqlite --year 2024 --as-of 2025-03-31
          integrity-stats status --db work.sqlite --year 113 --as-of 2025-03-31 \\
              --summary agency --format json
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Output format: csv or json.")
    var format: OutputFormat = .csv

    @Option(help: "The year, Gregorian or ROC (default: the latest year with figures in the workspace).")
    var year: YearArgument?

    @Option(help: "Only periods ending in this quarter (1–4).")
    var quarter: Int?

    @Option(help: "Roster file: agency,target,frequency[,due,from,until] (default: from the catalog).", completion: .file())
    var roster: String?

    @Option(help: "The date to judge on (default today): 2026-12-05, 115/12/05.")
    var asOf: DateArgument?

    @Option(help: "Print summaries instead of the rows: per agency, strategy, or a total.")
    var summary: StatusSummaryOption?

    mutating func validate() throws {
      if let quarter, !(1...4).contains(quarter) { throw ValidationError("--quarter must be 1–4 (found \(quarter))") }
    }

    mutating func run() throws {
      let store = try workspace.open()
      let date = asOf?.date ?? .today()
      let history = try store.history(asOf: date)
      let roster = try roster.map { try Roster.read(path: $0) } ?? Roster(catalog: .plan)
      for note in roster.notes { Diagnostics.note("note: \(note)") }
      guard let year = year?.year ?? history.map(\.key.period.year).max() else {
        throw DataError(file: store.path, line: 0, column: 0, message: "the workspace holds no figures (give --year)")
      }
      let report = StatusReport(roster: roster, history: history, year: year, quarter: quarter, asOf: date)
      if let summary {
        try output.write(report.summaryTable(by: StatusSummary.Grouping(rawValue: summary.rawValue)!), format: format)
      } else {
        try output.write(report.table, format: format)
      }
      let total = report.summaries(by: .total).first ?? StatusSummary(group: "total")
      Diagnostics.note(
        "\(store.path): \(year) as of \(date): expected \(total.expected), on time \(total.onTime), late \(total.late), missing \(total.missing), not due \(total.notDue), unexpected \(total.unexpected)")
    }
  }
}
