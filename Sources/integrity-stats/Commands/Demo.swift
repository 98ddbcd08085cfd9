import ArgumentParser
import IntegrityStats

#if canImport(Glibc)
import Glibc
#endif

extension IntegrityStatsCommand {
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo",
      abstract: "Run the main job on the bundled SampleData and write results, charts and report.html.",
      discussion: """
        Reads the synthetic agency files in SampleData/, computes yearly achievement, the \
        quarterly target-case pace, trends and survey proportions, classifies the case records, \
        and writes CSV results, tidy chart data, Vega-Lite specs, SVG charts and report.html \
        into the output folder. It also imports the files into a fresh workspace (a temporary \
        one, or --workspace FILE) with fixed received dates and reports the reporting status \
        of 2024 as of 2025-03-31 against the catalog (status.csv and the report's status \
        section). The same SampleData gives byte-identical files.

        EXAMPLES:
          integrity-stats demo --out demo-output
        """)

    @Option(name: .long, help: "Output folder (created if needed).", completion: .directory)
    var out: String = "demo-output"

    @Option(name: .long, help: "Folder holding the SampleData files.", completion: .directory)
    var data: String = "SampleData"

    @OptionGroup var labels: ChartLabelOptions
    @OptionGroup var dating: ReportDateOptions

    @Option(help: "Keep the demo's workspace in this new file (default: a temporary one, removed).", completion: .file())
    var workspace: String?

    mutating func validate() throws {
      if let workspace, access(workspace, F_OK) == 0 {
        throw ValidationError("--workspace \(workspace) exists; the demo imports into a fresh workspace")
      }
    }

    mutating func run() throws {
      try requireLinearAlgebra()  // the trends, survey and regression (exit 69 without OpenBLAS)
      var demo = SampleDataDemo(dataDirectory: data, options: dating.chartOptions(labels), date: try dating.compilationDate())
      demo.status = try sampleDataStatus()
      let (outputs, messages) = try demo.run(remedy: \.commandLineText)
      for message in messages { Diagnostics.note(message) }
      try AtomicFile.makeDirectory(out)
      var listing = ""
      for output in outputs {
        let path = out + "/" + output.name
        try AtomicFile.write(output.bytes, to: path)
        listing += "wrote \(path) (\(output.bytes.count) bytes)\n"
      }
      listing += "open \(out)/report.html in a browser\n"
      try AtomicFile.write(listing, to: nil)
    }

    /// SampleData imported into a fresh workspace, each file with a fixed received date
    /// (so the status is the same on every run), and its reporting status as of 2025-03-31.
    func sampleDataStatus() throws -> ReportingStatusTables {
      let store = try workspace.map { try Workspace(path: $0, create: true) } ?? Workspace.temporary()
      defer { if workspace == nil { store.removeTemporary() } }
      let files: [(String, String, ObservationReadOptions, String?)] = [
        (SampleDataDemo.File.yearly, "2025-02-20", ObservationReadOptions(), nil),
        (SampleDataDemo.File.quarterly, "2025-01-15", ObservationReadOptions(), "8-6-1"),
        (SampleDataDemo.File.wide, "2025-02-27", ObservationReadOptions(wide: true), nil),
        (SampleDataDemo.File.survey, "2025-03-10", ObservationReadOptions(columnMap: ["value": "百分比"]), nil),
      ]
      for (file, received, read, indicator) in files {
        let options = ImportOptions(
          read: read, received: CalendarDate(parsing: received)!, indicator: indicator, importedAt: "2025-03-31T00:00:00Z")
        let result = try store.importFile(path: data + "/" + file, options: options)
        Diagnostics.note("workspace: \(result.summary)")
      }
      let asOf = CalendarDate(year: 2025, month: 3, day: 31)!
      let report = StatusReport(roster: Roster(catalog: .plan), history: try store.history(asOf: asOf), year: 2024, asOf: asOf)
      return ReportingStatusTables(
        byStrategy: report.summaryTable(by: .strategy), byAgency: report.summaryTable(by: .agency), rows: report.table,
        scope: "2024, as of \(asOf)")
    }
  }
}
