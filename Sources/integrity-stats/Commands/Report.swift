import ArgumentParser
import Foundation
import IntegrityStats

/// A report section, as named on the command line.
enum ReportSectionOption: String, ClosedChoice {
  case achievement, quarterly, trend, survey

  var section: ReportSection { ReportSection(rawValue: rawValue)! }
}

/// The date of compilation and the calendar of a report (`report`, `demo`).
struct ReportDateOptions: ParsableArguments {
  @Option(help: "Date of compilation (製表日期) printed on the report, YYYY-MM-DD (default: SOURCE_DATE_EPOCH if set, else today, UTC).")
  var date: String?

  @Flag(help: "Gregorian years in the zh-TW report (default: ROC years, 民國).")
  var gregorian = false

  mutating func validate() throws {
    if let date, CompilationDate(iso: date) == nil {
      throw ValidationError("--date must be a date YYYY-MM-DD from 1912 on (found \(date))")
    }
  }

  /// `--date`, else `SOURCE_DATE_EPOCH`, else today.
  func compilationDate() throws -> CompilationDate {
    if let date, let parsed = CompilationDate(iso: date) { return parsed }
    switch CompilationDate.current() {
    case .success(let date): return date
    case .failure(let error): throw ValidationError(error.description)
    }
  }

  /// The chart options of a report: ROC years in zh-TW unless `--gregorian`, or with `--roc`.
  func chartOptions(_ labels: ChartLabelOptions) -> ChartOptions {
    var options = labels.chartOptions
    options.rocYears = labels.roc || (options.language == .zhTW && !gregorian)
    return options
  }
}

/// Writes a report's attachments (full tables cut short on the page) beside it as CSV:
/// in the page's folder (everything up to its last `/`), or the current one.
func writeAttachments(_ attachments: [(name: String, table: Table)], besidePage page: String) throws -> [String] {
  let directory = AtomicFile.split(page).directory
  let folder = !page.contains("/") ? "" : directory.hasSuffix("/") ? directory : directory + "/"
  var written: [String] = []
  for attachment in attachments {
    let path = folder + attachment.name
    try AtomicFile.write(CSVWriter().bytes(attachment.table), to: path)
    written.append(path)
  }
  return written
}

/// The page's file name without its extension (`out/report.html` → `report`), which
/// names its attachments.
func attachmentStem(ofPage page: String) -> String {
  let name = AtomicFile.split(page).name
  guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
  return String(name[..<dot])
}

extension IntegrityStatsCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Write one self-contained HTML report (inline CSS and SVG, no script, no network).",
      discussion: """
        Reads an agency file and reports what it holds: achievement and its roll-up by strategy \
        when it has targets, the quarterly pace when it has quarters and targets, trends of \
        yearly values, survey proportions when it has sample sizes (or the sections named with \
        --section), then a data appendix. The page states the date of compilation, the data \
        period and the input file's SHA-256, and prints on A4. Tables longer than a few hundred \
        rows are cut on the page and written whole beside it as CSV (REPORT-data-1.csv, …).

        EXAMPLES:
          integrity-stats report SampleData/synthetic_yearly_indicators_big5.csv -o \\
              report.html
          integrity-stats report SampleData/synthetic_target_cases_quarterly.csv \\
              --lang en -o quarterly.html
        """)

    @OptionGroup var workspace: WorkspaceSourceOptions
    @OptionGroup var document: DocumentOptions
    @OptionGroup var confidence: LevelOption
    @OptionGroup var reader: ReaderOptions
    @OptionGroup var labels: ChartLabelOptions
    @OptionGroup var dating: ReportDateOptions

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
      try workspace.supplyStandardInput(input: document.input)  // --db/--as-of: the workspace's figures as the input
      let date = try dating.compilationDate()
      let set = try reader.readObservations(path: document.inputPath, output: document.output)
      let builder = ReportBuilder(level: confidence.level, projectionHorizon: horizon)
      let (content, warnings) = try builder.content(set, sections: section.isEmpty ? nil : Set(section.map(\.section)))
      for warning in warnings { Diagnostics.warning(warning) }
      // `-o -` is standard output, as no -o: no page file to put attachments beside.
      let page = document.output == "-" ? nil : document.output
      let report = try HTMLReport(
        content, options: dating.chartOptions(labels), title: title, date: date, attachmentStem: page.map(attachmentStem(ofPage:))
      ).render()
      if let page {
        for path in try writeAttachments(report.attachments, besidePage: page) { Diagnostics.note("wrote \(path)") }
      }
      try AtomicFile.write(report.html, to: document.output)
      reader.finish(set)
    }
  }
}
