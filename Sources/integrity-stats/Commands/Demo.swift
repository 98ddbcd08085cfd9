import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo",
      abstract: "Run the main job on the bundled SampleData and write results, charts and report.html.",
      discussion: """
        Reads the synthetic agency files in SampleData/, computes yearly achievement, the \
        quarterly target-case pace, trends and survey proportions, classifies the case records, \
        and writes CSV results, tidy chart data, Vega-Lite specs, SVG charts and report.html \
        into the output folder. The same SampleData gives byte-identical files.

        EXAMPLES:
          integrity-stats demo --out demo-output
        """)

    @Option(name: .long, help: "Output folder (created if needed).", completion: .directory)
    var out: String = "demo-output"

    @Option(name: .long, help: "Folder holding the SampleData files.", completion: .directory)
    var data: String = "SampleData"

    @OptionGroup var labels: ChartLabelOptions
    @OptionGroup var dating: ReportDateOptions

    mutating func run() throws {
      let demo = SampleDataDemo(dataDirectory: data, options: dating.chartOptions(labels), date: try dating.compilationDate())
      let (outputs, messages) = try demo.run()
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
  }
}
