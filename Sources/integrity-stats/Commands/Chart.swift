import ArgumentParser
import IntegrityStats

/// What `chart` writes.
enum ChartOutput: String, ClosedChoice {
  case tidy
  case vegaLite = "vega-lite"
  case svg
}

/// The language of chart and report text.
enum LanguageOption: String, ClosedChoice {
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

        EXAMPLES:
          integrity-stats trend SampleData/synthetic_indictments_seizures_wide.csv \\
              --wide -o trend.csv
          integrity-stats chart trend.csv --as svg -o trend.svg
          integrity-stats achievement \\
              SampleData/synthetic_yearly_indicators_big5.csv | integrity-stats \\
              chart --as vega-lite
        """)

    @OptionGroup var workspace: WorkspaceSourceOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var labels: ChartLabelOptions

    @Option(name: .customLong("as"), help: "What to write: tidy, vega-lite or svg.")
    var output: ChartOutput = .tidy

    @Option(help: "Chart title (default: by chart kind).")
    var title: String?

    @Option(help: "Draw at most this many bars of an achievement chart (the lowest and highest halves); 0 draws all.")
    var maxBars: Int = 100

    @Option(help: "Draw at most this many small multiples (offices of a quarterly chart; lowest and highest halves by the latest value); 0 draws all.")
    var maxPanels: Int = 24

    mutating func validate() throws {
      guard maxBars >= 0 else { throw ValidationError("--max-bars must be 0 or more (found \(maxBars))") }
      guard maxPanels >= 0 else { throw ValidationError("--max-panels must be 0 or more (found \(maxPanels))") }
      // Tidy data is a table without a title.
      if output == .tidy, title != nil {
        throw ValidationError("--title applies to --as vega-lite and --as svg (tidy data has no title)")
      }
      // Only tidy data is a table: a Vega-Lite spec is always JSON, an SVG is SVG.
      guard output != .tidy else { return }
      var refused: [String] = []
      if common.format != .csv { refused.append("--format \(common.format.rawValue)") }
      if common.digits != nil { refused.append("--digits") }
      if common.bom { refused.append("--bom") }
      if common.raw { refused.append("--raw") }
      if !refused.isEmpty {
        throw ValidationError(
          "\(refused.joined(separator: ", ")) applies to --as tidy only (--as \(output.rawValue) writes "
            + (output == .svg ? "an SVG image" : "a Vega-Lite JSON spec") + ")")
      }
    }

    /// `data` cut to fewer marks, its title saying so (Chinese and English).
    func titled(_ data: ChartData, _ chinese: String, _ english: String) -> ChartData {
      var data = data
      let options = labels.chartOptions
      data.title = (data.title ?? options.title(data.kind)) + options.text(chinese, english)
      return data
    }

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
      if output != .tidy, maxBars > 0 {
        // --max-bars counts bars: with several years, fewer series.
        let years = Set(data.points(kind: .observed).map(\.x)).count
        let series = Swift.max(2, maxBars / Swift.max(1, years))
        let (limited, shown, total) = data.limitingBars(to: series)
        if shown < total {
          data = titled(
            limited, "（僅繪最近年度達成率最低與最高各 \(series / 2) 項，共 \(total) 項）",
            " (lowest and highest \(series / 2) of \(total) by the latest year drawn)")
        }
      }
      if output != .tidy, maxPanels > 0 {
        let (limited, shown, total) = data.limitingPanels(to: maxPanels)
        if shown < total {
          data = titled(
            limited, "（僅繪最新值最低與最高各 \(maxPanels / 2) 個，共 \(total) 個）",
            " (lowest and highest \(maxPanels / 2) of \(total) by latest value drawn)")
        }
      }
      switch output {
      case .tidy: try common.write(data.table)
      case .vegaLite: try AtomicFile.write(VegaLiteSpec(data, options: labels.chartOptions).text, to: common.output)
      case .svg: try AtomicFile.write(SVGChart(data, options: labels.chartOptions).text, to: common.output)
      }
    }
  }
}
