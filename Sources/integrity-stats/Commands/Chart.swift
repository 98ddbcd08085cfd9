import ArgumentParser
import IntegrityStats

/// What `chart` writes.
enum ChartOutput: String, ExpressibleByArgument, CaseIterable {
  case tidy
  case vegaLite = "vega-lite"
  case svg
}

/// The language of chart and report text.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
  case zhTW = "zh-TW"
  case en

  var language: ChartLanguage { self == .en ? .en : .zhTW }
}

/// Chart labelling options shared by `chart` and `report`.
struct ChartLabelOptions: ParsableArguments {
  @Option(help: "Language of titles, axes and legends.")
  var lang: LanguageOption = .zhTW

  @Flag(help: "Label years in the ROC calendar (民國, e.g. 113年).")
  var roc = false

  var chartOptions: ChartOptions { ChartOptions(language: lang.language, rocYears: roc) }
}

extension IntegrityStatsCommand {
  struct Chart: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "chart",
      abstract: "Chart the output of achievement, quarterly, trend or survey (or observations).",
      discussion: """
        The input is recognised by its header (DESIGN.md §6). --as tidy writes \
        series,x,y,kind,lower,upper (kind: observed, fitted, projection, target, band); \
        --as vega-lite a Vega-Lite v5 spec with the data inlined; --as svg a native SVG chart.
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var labels: ChartLabelOptions
    @OptionGroup var workspace: WorkspaceSourceOptions

    @Option(name: .customLong("as"), help: "What to write: tidy, vega-lite or svg.")
    var output: ChartOutput = .tidy

    @Option(help: "Chart title (default: by chart kind).")
    var title: String?

    mutating func run() throws {
      // From a workspace: the chart of its current figures (as `export | chart` would draw).
      let data0: ChartData
      if let path = workspace.workspacePath(input: common.input) {
        let table = try workspace.exportTable(path: path, input: common.input)
        data0 = try ChartData.recognise(ChartSource(table: table, file: path), options: labels.chartOptions)
      } else {
        let table = try TableReader.read(path: common.inputPath, options: ReadOptions())
        data0 = try ChartData.recognise(ChartSource(table), options: labels.chartOptions)
      }
      var data = data0
      if let title { data.title = title }
      switch output {
      case .tidy: try common.write(data.table)
      case .vegaLite: try AtomicFile.write(VegaLiteSpec(data, options: labels.chartOptions).text, to: common.output)
      case .svg: try AtomicFile.write(SVGChart(data, options: labels.chartOptions).text, to: common.output)
      }
    }
  }
}
