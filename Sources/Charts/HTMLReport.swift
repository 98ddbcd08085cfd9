import Foundation
import Indicators
import TableIO

/// One self-contained HTML report: inline CSS and inline SVG, no script, no network.
///
/// Sections (each only when its table is given):
/// 1. achievement by strategy (the plan's 具體策略, from `ActionPlanCatalog`) and agency,
///    one row per (indicator, agency) with the ratio and a status badge per year;
/// 2. target-case quarterly pace per office, latest year first;
/// 3. the trend of each series with its fitted line, projection and interval;
/// 4. the survey series with Wilson intervals;
/// 5. a data appendix: every input observation as read.
///
/// Accessibility: every chart is an `<svg role="img">` with `<title>`/`<desc>`, and every
/// number drawn is also in a table. All text from the data is HTML-escaped. A
/// Content-Security-Policy of `default-src 'none'` (plus inline styles and `data:` images)
/// makes the browser itself refuse any script or network request. The output depends only
/// on the input (no clock, no locale): the same tables give the same bytes.
public struct HTMLReport: Sendable {
  /// The inputs: result tables with the DESIGN.md §6 columns, observations in `tidy` form.
  public struct Content: Sendable {
    /// The files the report was made from, as named to the user.
    public var sources: [String]
    public var achievement: Table?
    public var quarterly: Table?
    public var trend: Table?
    /// Observations (tidy columns: indicator, agency, year, value, …) drawn as points on the trend charts.
    public var trendObservations: Table?
    public var survey: Table?
    /// Appendix tables: a caption and the observations of one source, in tidy form.
    public var appendix: [(caption: String, table: Table)]
    /// Notes printed under the title (e.g. what was computed with which options).
    public var notes: [String]
    /// The reporting-status section (from a workspace), if any.
    public var status: ReportingStatusTables? = nil

    public init(
      sources: [String] = [], achievement: Table? = nil, quarterly: Table? = nil, trend: Table? = nil,
      trendObservations: Table? = nil, survey: Table? = nil, appendix: [(caption: String, table: Table)] = [],
      notes: [String] = []
    ) {
      self.sources = sources
      self.achievement = achievement
      self.quarterly = quarterly
      self.trend = trend
      self.trendObservations = trendObservations
      self.survey = survey
      self.appendix = appendix
      self.notes = notes
    }
  }

  public var content: Content
  public var options: ChartOptions
  /// The report's title (default: by language).
  public var title: String?
  /// At most this many trend series get a chart (all are in the table).
  public var maxTrendCharts: Int

  public init(_ content: Content, options: ChartOptions = ChartOptions(), title: String? = nil, maxTrendCharts: Int = 12) {
    self.content = content
    self.options = options
    self.title = title
    self.maxTrendCharts = maxTrendCharts
  }

  func t(_ zh: String, _ en: String) -> String { options.text(zh, en) }
  func e(_ text: String) -> String { Markup.escape(text) }

  /// The whole document, UTF-8, ending with a newline.
  public func html() throws(DataError) -> String {
    let heading = title ?? t("國家廉政建設行動方案 績效統計報告", "National Integrity Building Action Plan — Statistics Report")
    var sections: [(id: String, title: String, body: String)] = []
    if let table = content.achievement {
      sections.append(("achievement", t("績效目標達成情形", "Achievement of performance targets"), try achievementSection(table)))
    }
    if let table = content.quarterly {
      sections.append(("quarterly", t("目標案件每季檢討", "Target cases: quarterly review"), try quarterlySection(table)))
    }
    if let table = content.trend {
      sections.append(("trend", t("趨勢與推估", "Trends and projections"), try trendSection(table)))
    }
    if let table = content.survey {
      sections.append(("survey", t("廉政民意調查", "Integrity opinion survey"), try surveySection(table)))
    }
    if let status = content.status {
      sections.append(("status", t("填報狀況", "Reporting status"), statusSection(status)))
    }
    if !content.appendix.isEmpty {
      sections.append(("appendix", t("附錄：輸入資料", "Appendix: input data"), appendixSection()))
    }
    var out = """
      <!DOCTYPE html>
      <html lang="\(options.language.tag)">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="integrity-stats">
      <title>\(e(heading))</title>
      <style>\(Self.css)</style>
      </head>
      <body>
      <header>
      <h1>\(e(heading))</h1>

      """
    if !content.sources.isEmpty {
      out += "<p class=\"meta\">\(e(t("資料來源檔案：", "Source files: ")))"
      out += content.sources.map { "<code>\(e($0))</code>" }.joined(separator: t("、", ", "))
      out += "</p>\n"
    }
    for note in content.notes { out += "<p class=\"meta\">\(e(note))</p>\n" }
    out += "<nav aria-label=\"\(e(t("目錄", "Contents")))\"><ol>\n"
    for s in sections { out += "<li><a href=\"#\(s.id)\">\(e(s.title))</a></li>\n" }
    out += "</ol></nav>\n</header>\n<main>\n"
    for (i, s) in sections.enumerated() {
      let number = options.language == .zhTW ? Self.chineseNumerals[min(i, 9)] + "、" : "\(i + 1). "
      out += "<section id=\"\(s.id)\">\n<h2>\(e(number + s.title))</h2>\n\(s.body)</section>\n"
    }
    out += "</main>\n<footer><p>\(e(t("由 integrity-stats 產生；圖表為內嵌 SVG，數值均另列於表格。", "Made by integrity-stats; charts are inline SVG and every number is also in a table.")))</p></footer>\n</body>\n</html>\n"
    return out
  }

  static let chineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

  // MARK: - Formatting

  func percent(_ x: Double?) -> String {
    guard let x else { return "" }
    return NiceScale.fixed(x * 100, digits: 1) + "%"
  }

  func number(_ x: Double?) -> String {
    guard let x else { return "" }
    if x == x.rounded() && abs(x) < 1e15 { return NiceScale.fixed(x, digits: 0) }
    // Up to 2 decimals (4 below 1), trailing zeros dropped: 66.7, 0.0123, 1,234.5.
    var digits = abs(x) >= 1 ? 2 : 4
    var text = NiceScale.fixed(x, digits: digits)
    while digits > 0 && text.hasSuffix("0") { text.removeLast(); digits -= 1 }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  func badge(_ status: String?) -> String {
    guard let status else { return "" }
    let known = ChartOptions.statusOrder.contains(status) ? status : "other"
    return "<span class=\"badge s-\(known)\">\(e(options.statusLabel(status)))</span>"
  }

  func figure(_ data: ChartData, id: String, caption: String? = nil) -> String {
    var out = "<figure>\n" + SVGChart(data, options: options, idPrefix: id).text
    if let caption { out += "<figcaption>\(e(caption))</figcaption>\n" }
    return out + "</figure>\n"
  }

  /// The strategy (number and name) an indicator such as `8-5 起訴貪瀆案件數` belongs to.
  func strategy(of indicator: String?) -> (number: Int, name: String)? {
    guard let indicator, let id = CatalogTargetID(indicator),
      let s = ActionPlanCatalog.plan.strategy(id.strategy)
    else { return nil }
    return (s.number, options.language == .zhTW ? s.name : s.englishName)
  }

  // MARK: - Sections

  func achievementSection(_ table: Table) throws(DataError) -> String {
    let source = ChartSource(table: table, file: "achievement")
    struct Row { var indicator: String?; var agency: String?; var cells: [Int: (ratio: Double?, status: String?, actual: Double?, target: Double?)] }
    var rows: [Row] = []
    var index: [String: Int] = [:]
    var years = Set<Int>()
    var counts: [String: Int] = [:]
    for r in 0..<source.rowCount {
      let indicator = source.text("indicator", r), agency = source.text("agency", r)
      let year = try source.integer("year", r)
      years.insert(year)
      let key = (indicator ?? "") + "\u{1}" + (agency ?? "")
      if index[key] == nil { index[key] = rows.count; rows.append(Row(indicator: indicator, agency: agency, cells: [:])) }
      let status = source.text("status", r)
      rows[index[key]!].cells[year] = (try source.number("ratio", r), status, try source.number("actual", r), try source.number("target", r))
      if let status { counts[status, default: 0] += 1 }
    }
    let sortedYears = years.sorted()
    var out = "<p class=\"summary\">"
    for status in ChartOptions.statusOrder where counts[status] != nil {
      out += badge(status) + " \(counts[status]!) "
    }
    out += e(t("（指標、機關、年度組合數）", "(indicator · agency · year rows)")) + "</p>\n"
    // Chart: the latest year.
    if let latest = sortedYears.last {
      var data = try ChartData.recognise(source, options: options)
      data.points = data.points.filter { $0.x == Double(latest) }
      data.title = t("績效目標達成率（\(options.yearLabel(latest))）", "Achievement ratio, \(options.yearLabel(latest))")
      out += figure(data, id: "achievement-chart")
    }
    // Tables by strategy.
    var groups: [(key: Int, name: String, rows: [Row])] = []
    for row in rows {
      let s = strategy(of: row.indicator)
      let key = s?.number ?? 99
      let name = s.map { t("策略\(Self.chineseNumerals[$0.number - 1])：\($0.name)", "Strategy \($0.number): \($0.name)") } ?? t("其他指標", "Other indicators")
      if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].rows.append(row) } else { groups.append((key, name, [row])) }
    }
    groups.sort { $0.key < $1.key }
    for group in groups {
      out += "<h3>\(e(group.name))</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">\(e(t("指標", "Indicator")))</th><th scope=\"col\">\(e(t("機關", "Agency")))</th>"
      for y in sortedYears { out += "<th scope=\"col\" class=\"num\">\(e(options.yearLabel(y)))</th>" }
      out += "<th scope=\"col\" class=\"num\">\(e(t("最近實際值／目標值", "Latest actual / target")))</th></tr></thead>\n<tbody>\n"
      for row in group.rows {
        out += "<tr><td>\(e(row.indicator ?? ""))</td><td>\(e(row.agency ?? t("合計", "total")))</td>"
        for y in sortedYears {
          if let cell = row.cells[y] {
            out += "<td class=\"num\">\(badge(cell.status))<br>\(e(percent(cell.ratio)))</td>"
          } else {
            out += "<td class=\"num\"></td>"
          }
        }
        let latest = sortedYears.last { row.cells[$0] != nil }.flatMap { row.cells[$0] }
        out += "<td class=\"num\">\(e(number(latest?.actual))) / \(e(number(latest?.target)))</td></tr>\n"
      }
      out += "</tbody></table></div>\n"
    }
    return out
  }

  func quarterlySection(_ table: Table) throws(DataError) -> String {
    let source = ChartSource(table: table, file: "quarterly")
    var years: [Int] = []
    for r in 0..<source.rowCount {
      let y = try source.integer("year", r)
      if !years.contains(y) { years.append(y) }
    }
    var out = "<p>\(e(t("累計達成率 = 第 1 季至第 q 季累計件數 ÷ 全年目標；預期進度 = q/4；進度比 ≥ 1 為符合進度。缺報的季別之後累計不計算，狀態為「資料不全」。", "Cumulative rate = cases in quarters 1…q ÷ annual target; expected pace = q/4; on track when the ratio of the two is ≥ 1. After a missing quarter the cumulative figure is not computed and the status is incomplete.")))</p>\n"
    let all = try ChartData.recognise(source, options: options)
    for (i, year) in years.sorted(by: >).enumerated() {
      let label = options.yearLabel(year)
      var data = all
      data.points = all.points.filter { $0.kind == .target || $0.group == label }
      data.title = t("目標案件每季累計達成率（\(label)）", "Target cases: cumulative rate by quarter, \(label)")
      let open = i == 0
      out += open ? "<h3>\(e(label))</h3>\n" : "<details><summary>\(e(label))</summary>\n"
      out += figure(try paceChart(source, year: year), id: "pace-\(year)")
      out += figure(data, id: "quarterly-\(year)")
      out += "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">\(e(t("地檢署", "Office")))</th><th scope=\"col\" class=\"num\">\(e(t("全年目標", "Annual target")))</th>"
      for q in 1...4 { out += "<th scope=\"col\" class=\"num\">\(e(options.quarterLabel(q)))<br><small>\(e(t("件數／累計率", "count / cum. rate")))</small></th>" }
      out += "<th scope=\"col\">\(e(t("最新狀態／進度比", "Latest status / pace")))</th></tr></thead>\n<tbody>\n"
      var offices: [String] = []
      var cells: [String: [Int: (count: Double?, rate: Double?, status: String?, pace: Double?)]] = [:]
      var targets: [String: Double] = [:]
      for r in 0..<source.rowCount {
        guard try source.integer("year", r) == year else { continue }
        let office = ChartData.seriesName([source.text("indicator", r), source.text("agency", r)], fallback: t("合計", "total"))
        if cells[office] == nil { offices.append(office); cells[office] = [:] }
        let q = try source.integer("quarter", r)
        cells[office]![q] = (
          try source.number("count", r), try source.number("cumulative_rate", r), source.text("status", r),
          try source.number("pace", r))
        if let target = try source.number("target", r) { targets[office] = target }
      }
      for office in offices {
        let row = cells[office]!
        out += "<tr><th scope=\"row\">\(e(office))</th><td class=\"num\">\(e(number(targets[office])))</td>"
        for q in 1...4 {
          if let c = row[q] {
            out += "<td class=\"num\">\(e(c.count.map(number) ?? t("缺報", "missing")))<br><small>\(e(percent(c.rate)))</small></td>"
          } else {
            out += "<td class=\"num\"></td>"
          }
        }
        let last = (1...4).last { row[$0] != nil }.flatMap { row[$0] }
        out += "<td>\(badge(last?.status)) \(e(percent(last?.pace)))</td></tr>\n"
      }
      out += "</tbody></table></div>\n"
      if !open { out += "</details>\n" }
    }
    return out
  }

  /// Bars of each office's pace at its latest reported quarter of `year`, coloured by status,
  /// with a rule at pace 1 (on track). An office whose latest quarter is incomplete has no bar.
  func paceChart(_ source: ChartSource, year: Int) throws(DataError) -> ChartData {
    var latest: [String: (quarter: Int, pace: Double?, status: String?)] = [:]
    var offices: [String] = []
    for r in 0..<source.rowCount {
      guard try source.integer("year", r) == year else { continue }
      let office = ChartData.seriesName([source.text("indicator", r), source.text("agency", r)], fallback: t("合計", "total"))
      let quarter = try source.integer("quarter", r)
      if latest[office] == nil { offices.append(office) }
      if quarter >= (latest[office]?.quarter ?? 0) {
        latest[office] = (quarter, try source.number("pace", r), source.text("status", r))
      }
    }
    var points = offices.map { office in
      ChartPoint(series: office, x: Double(year), y: latest[office]!.pace, kind: .observed, status: latest[office]!.status)
    }
    points.append(ChartPoint(series: options.ruleLabel(.pace), x: Double(year), y: 1, kind: .target))
    let quarters = Set(offices.map { latest[$0]!.quarter }).sorted().map(options.quarterLabel).joined(separator: t("、", ", "))
    return ChartData(
      kind: .achievement, points: points, xAxis: .year, yMeasure: .pace,
      title: t("各地檢署進度比（\(options.yearLabel(year))，最新一季：\(quarters)）", "Pace by office, \(options.yearLabel(year)) (latest quarter: \(quarters))"))
  }

  func trendSection(_ table: Table) throws(DataError) -> String {
    let source = ChartSource(table: table, file: "trend")
    let fitted = try ChartData.recognise(source, options: options)
    var observed: ChartData?
    if let obs = content.trendObservations {
      let data = try ChartData.recognise(ChartSource(table: obs, file: "observations"), options: options)
      if data.kind == .observations { observed = data }
    }
    var out = "<p>\(e(t("每個數列以年度為 x（x = 年 − 首年）配適趨勢線，虛線為推估至目標年度，直線為推估區間。", "Each series is fitted against x = year − first year; the dashed line projects it, the vertical bar is the projection interval.")))</p>\n"
    let names = fitted.seriesNames
    for (i, name) in names.enumerated() where i < maxTrendCharts {
      var data = fitted.subset(series: name)
      if let observed { data = data.addingObservations(observed) }
      data.title = name
      out += figure(data, id: "trend-\(i + 1)")
    }
    if names.count > maxTrendCharts {
      out += "<p class=\"meta\">\(e(t("另 \(names.count - maxTrendCharts) 個數列僅列於下表。", "\(names.count - maxTrendCharts) more series are in the table only.")))</p>\n"
    }
    out += "<div class=\"scroll\"><table>\n<thead><tr>"
    let headers = [
      t("數列", "Series"), t("模型", "Model"), t("年數", "Years"), t("期間", "Period"), t("斜率（每年）", "Slope per year"),
      t("斜率信賴區間", "Slope CI"), t("每年變化", "Annual change"), "p", "R²", t("推估", "Projection"), t("推估區間", "Interval"),
    ]
    for h in headers { out += "<th scope=\"col\">\(e(h))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for r in 0..<source.rowCount {
      let name = ChartData.seriesName([source.text("indicator", r), source.text("agency", r)], fallback: "")
      let first = try source.integer("first_year", r), last = try source.integer("last_year", r)
      let change = try source.number("annual_change_pct", r)
      var projection = ""
      if let year = try source.number("projection_year", r) {
        projection = options.yearLabel(Int(year)) + " " + number(try source.number("projection", r))
      }
      let low = try source.number("projection_low", r), high = try source.number("projection_high", r)
      let slopeLow = try source.number("slope_low", r), slopeHigh = try source.number("slope_high", r)
      out += "<tr><th scope=\"row\">\(e(name))</th><td>\(e(source.text("model", r) ?? ""))</td><td class=\"num\">\(e(source.text("n", r) ?? ""))</td>"
      out += "<td>\(e(options.yearLabel(first)))–\(e(options.yearLabel(last)))</td>"
      out += "<td class=\"num\">\(e(number(try source.number("slope", r))))</td>"
      out += "<td class=\"num\">\(slopeLow == nil ? "" : e(number(slopeLow) + " – " + number(slopeHigh)))</td>"
      out += "<td class=\"num\">\(change == nil ? "" : e(NiceScale.fixed(change!, digits: 1) + "%"))</td>"
      out += "<td class=\"num\">\(e(pValue(try source.number("p_value", r))))</td>"
      out += "<td class=\"num\">\(e(number(try source.number("r_squared", r))))</td>"
      out += "<td class=\"num\">\(e(projection))</td>"
      out += "<td class=\"num\">\(low == nil ? "" : e(number(low) + " – " + number(high)))</td></tr>\n"
    }
    out += "</tbody></table></div>\n"
    return out
  }

  func pValue(_ p: Double?) -> String {
    guard let p else { return "" }
    return p < 0.001 ? "< 0.001" : NiceScale.fixed(p, digits: 3)
  }

  func surveySection(_ table: Table) throws(DataError) -> String {
    let source = ChartSource(table: table, file: "survey")
    var out = figure(try ChartData.recognise(source, options: options), id: "survey-chart")
    out += "<div class=\"scroll\"><table>\n<thead><tr>"
    for h in [t("指標", "Indicator"), t("年度", "Year"), t("樣本數", "n"), t("比例", "Proportion"), t("95% 信賴區間（Wilson）", "Wilson interval"), t("較前一年", "Change"), "z", "p"] {
      out += "<th scope=\"col\">\(e(h))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for r in 0..<source.rowCount {
      let year = try source.integer("year", r)
      let change = try source.number("change", r)
      out += "<tr><th scope=\"row\">\(e(source.text("indicator", r) ?? ""))</th><td>\(e(options.yearLabel(year)))</td>"
      out += "<td class=\"num\">\(e(number(try source.number("n", r))))</td><td class=\"num\">\(e(percent(try source.number("proportion", r))))</td>"
      out += "<td class=\"num\">\(e(percent(try source.number("ci_low", r)) + " – " + percent(try source.number("ci_high", r))))</td>"
      out += "<td class=\"num\">\(change == nil ? "" : e((change! >= 0 ? "+" : "") + NiceScale.fixed(change! * 100, digits: 1) + t(" 個百分點", " pp")))</td>"
      out += "<td class=\"num\">\(e(number(try source.number("change_z", r))))</td><td class=\"num\">\(e(pValue(try source.number("change_p", r))))</td></tr>\n"
    }
    out += "</tbody></table></div>\n"
    return out
  }

  func appendixSection() -> String {
    var out = "<p>\(e(t("以下為讀入的每一筆觀測值：年度為西元年，數值為讀入後的基本單位（見 unit 欄），line 為原始檔案行號。", "Every observation as read: Gregorian years, figures in base units as read (see the unit column), line is the line in the source file.")))</p>\n"
    for item in content.appendix {
      out += "<details><summary>\(e(item.caption)) (\(item.table.rowCount))</summary>\n<div class=\"scroll\"><table class=\"data\">\n<thead><tr>"
      for name in item.table.names { out += "<th scope=\"col\">\(e(name))</th>" }
      out += "</tr></thead>\n<tbody>\n"
      for r in 0..<item.table.rowCount {
        out += "<tr>"
        for column in item.table.columns {
          switch column[r] {
          case .empty: out += "<td></td>"
          case .text(let s): out += "<td>\(e(s))</td>"
          case .number(let x): out += "<td class=\"num\">\(e(NumberFormat.shortestString(x)))</td>"
          case .integer(let n): out += "<td class=\"num\">\(n)</td>"
          case .boolean(let b): out += "<td>\(b ? "true" : "false")</td>"
          }
        }
        out += "</tr>\n"
      }
      out += "</tbody></table></div>\n</details>\n"
    }
    return out
  }

  static let css = """

    :root { color-scheme: light; }
    body { font-family: "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif; margin: 0; color: #222; background: #fafafa; line-height: 1.55; }
    header, main, footer { max-width: 1080px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 24px; border-bottom: 3px solid #0072b2; background: #fff; }
    h1 { font-size: 1.6rem; margin: 0 0 8px; }
    h2 { font-size: 1.3rem; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #ccc; }
    h3 { font-size: 1.08rem; margin: 20px 0 8px; }
    .meta { color: #555; font-size: 0.9rem; margin: 4px 0; }
    nav ol { display: flex; flex-wrap: wrap; gap: 4px 20px; padding-left: 1.2em; font-size: 0.95rem; }
    a { color: #0058a3; }
    figure { margin: 12px 0; background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 4px; overflow-x: auto; }
    figure svg { display: block; max-width: 100%; height: auto; }
    figcaption { font-size: 0.85rem; color: #555; padding: 4px 8px; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.88rem; margin: 8px 0 16px; }
    th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
    thead th { background: #eef3f8; }
    tbody tr:nth-child(even) { background: #f7f9fb; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.data { font-size: 0.8rem; }
    .badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 0.78rem; color: #fff; background: #9e9e9e; white-space: nowrap; }
    .s-achieved, .s-on-track { background: #2e7d32; }
    .s-near { background: #b07a00; }
    .s-behind { background: #c62828; }
    .summary .badge { font-size: 0.9rem; }
    details { margin: 8px 0; }
    summary { cursor: pointer; font-weight: bold; }
    footer { color: #666; font-size: 0.85rem; padding-top: 16px; padding-bottom: 32px; }
    @media print { body { background: #fff; } details { display: block; } }

    """
}
