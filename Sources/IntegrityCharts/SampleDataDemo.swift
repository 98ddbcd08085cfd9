import IntegrityIndicators
import IntegrityTables
import IntegrityAgencyData
import IntegrityActionPlan

/// `demo`: the main job on the bundled SampleData, start to finish.
///
/// Reads the agency files (`SampleData/README.md` describes them), computes yearly
/// achievement, the quarterly target-case pace, trends of the wide indictments table and
/// the survey proportions, classifies the case records, and renders for each result its
/// CSV, its tidy chart data, a Vega-Lite spec and an SVG, then `report.html` with all of
/// them. Everything is returned as named byte arrays, in a fixed order; the same SampleData
/// gives the same bytes (no clock, no randomness, no hash-order iteration).
public struct SampleDataDemo: Sendable {
  /// The folder holding the SampleData files.
  public var dataDirectory: String
  public var options: ChartOptions
  public var builder: ReportBuilder
  /// The date of compilation printed on the report (nil: none printed).
  public var date: CompilationDate?
  /// The reporting status of SampleData imported into a workspace (the CLI builds it).
  public var status: ReportingStatusTables?

  /// The SampleData files the demo reads.
  public enum File {
    public static let yearly = "synthetic_yearly_indicators_big5.csv"
    public static let quarterly = "synthetic_target_cases_quarterly.csv"
    public static let cases = "synthetic_case_records.csv"
    public static let wide = "synthetic_indictments_seizures_wide.csv"
    public static let survey = "synthetic_integrity_survey.csv"
    public static let all = [yearly, quarterly, cases, wide, survey]
  }

  /// One file the demo writes: a name relative to the output folder, and its bytes.
  public struct Output: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]
  }

  public init(
    dataDirectory: String = "SampleData", options: ChartOptions = ChartOptions(), builder: ReportBuilder = ReportBuilder(),
    date: CompilationDate? = nil
  ) {
    self.dataDirectory = dataDirectory
    self.options = options
    self.builder = builder
    self.date = date
  }

  func path(_ file: String) -> String { dataDirectory + "/" + file }

  /// Runs the demo; the messages are the readers' notes and warnings, to show the user,
  /// their remedies worded by `wording` (the library's terms by default).
  public func run(remedy wording: (Remedy) -> String = { $0.description }) throws
    -> (outputs: [Output], messages: [String])
  {
    var outputs: [Output] = []
    var messages: [String] = []
    let csv = CSVWriter()

    func read(_ file: String, _ options: ObservationReadOptions = ObservationReadOptions()) throws -> ObservationSet {
      let set = try ObservationReader.read(path: path(file), options: options.officesCanonical)
      messages += set.warnings.map { "warning: \($0.described(remedy: wording))" }
      messages.append("\(file): \(set.summary)")
      return set
    }
    func emit(_ name: String, _ table: Table, chart: ChartData?) {
      outputs.append(Output(name: "\(name).csv", bytes: csv.bytes(table)))
      guard let chart else { return }
      outputs.append(Output(name: "\(name).chart.csv", bytes: csv.bytes(chart.table)))
      outputs.append(Output(name: "\(name).vl.json", bytes: Array(VegaLiteSpec(chart, options: options).text.utf8)))
      outputs.append(Output(name: "\(name).svg", bytes: Array(SVGChart(chart, options: options, idPrefix: name).text.utf8)))
    }
    func chart(_ table: Table, _ name: String) throws -> ChartData {
      try ChartData.recognise(ChartSource(table: table, file: name), options: options)
    }

    let yearly = try read(File.yearly)
    let quarterly = try read(File.quarterly)
    let wide = try read(File.wide, ObservationReadOptions(wide: true))
    let survey = try read(File.survey, ObservationReadOptions(columnMap: ["value": "百分比"]))

    let achievement = try builder.results(yearly, sections: [.achievement]).achievement!.table
    emit("achievement", achievement, chart: try chart(achievement, "achievement"))

    let pace = try builder.results(quarterly, sections: [.quarterly]).quarterly!.table
    emit("quarterly", pace, chart: try chart(pace, "quarterly"))

    let trendResults = try builder.results(wide, sections: [.trend])
    messages += trendResults.warnings.map { "warning: \($0)" }
    let trend = trendResults.trend!.table
    let observed = try chart(wide.tidyTable, File.wide)
    let trendChart = try chart(trend, "trend").addingObservations(observed)
    outputs.append(Output(name: "trend.csv", bytes: csv.bytes(trend)))
    outputs.append(Output(name: "trend.chart.csv", bytes: csv.bytes(trendChart.table)))
    // One chart per series: the series are in different units (cases, thousands of NT$).
    for (i, name) in trendChart.seriesNames.enumerated() {
      var one = trendChart.subset(series: name)
      one.title = name
      let file = "trend-\(i + 1)"
      outputs.append(Output(name: "\(file).vl.json", bytes: Array(VegaLiteSpec(one, options: options).text.utf8)))
      outputs.append(Output(name: "\(file).svg", bytes: Array(SVGChart(one, options: options, idPrefix: file).text.utf8)))
    }

    let surveyResults = try builder.results(survey, sections: [.survey])
    messages += surveyResults.warnings.map { "warning: \($0)" }
    let proportions = surveyResults.survey!.table
    emit("survey", proportions, chart: try chart(proportions, "survey"))

    let cases = try TableReader.read(path: path(File.cases), options: ReadOptions())
    let classification = try TargetCaseRule().classify(cases)
    messages.append("\(File.cases): \(classification.summary)")
    emit("classify", classification.table, chart: nil)

    var content = HTMLReport.Content(
      sources: File.all.map { SourceFile(path: path($0), name: "SampleData/\($0)") },
      achievement: achievement, quarterly: pace, trend: trend, trendObservations: wide.tidyTable,
      survey: proportions,
      appendix: [
        (File.yearly, yearly.tidyTable), (File.quarterly, quarterly.tidyTable), (File.wide, wide.tidyTable),
        (File.survey, survey.tidyTable),
      ],
      notes: [
        options.text(
          "本報告所用資料全為合成資料（SampleData/generate.py 產生），僅供示範，非任何機關之統計。",
          "All data in this report are synthetic (made by SampleData/generate.py) for demonstration; they are no agency's statistics.")
      ])
    content.status = status
    if let status { outputs.append(Output(name: "status.csv", bytes: csv.bytes(status.rows))) }
    let report = try HTMLReport(content, options: options, date: date).render()
    outputs.append(Output(name: "report.html", bytes: Array(report.html.utf8)))
    for attachment in report.attachments {
      outputs.append(Output(name: attachment.name, bytes: csv.bytes(attachment.table)))
    }
    return (outputs, messages)
  }
}
