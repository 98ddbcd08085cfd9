import Foundation
import IntegrityIndicators
import IntegrityTables
import IntegrityAgencyData
import IntegrityActionPlan

/// One self-contained HTML report: inline CSS and inline SVG, no script, no network.
///
/// The header states the date of compilation (製表日期, ROC and Gregorian; injected, see
/// `CompilationDate`), the data period and each input file with its SHA-256. Sections (each
/// only when its table is given):
/// 1. achievement by strategy (the plan's 具體策略, from `ActionPlanCatalog`) and agency,
///    one row per (indicator, agency) with the ratio and a status badge per year;
/// 2. the yearly roll-up per strategy and measure (`StrategyRollup`);
/// 3. target-case quarterly pace per office, latest year first, a ranked pace chart per year;
/// 4. the trend of each series with its fitted line, projection and interval;
/// 5. the survey series with Wilson intervals;
/// 6. a data appendix: the input observations as read.
///
/// Print (CSS `@media print`, `@page`): A4 with margins, each section on a new page, table
/// headers repeated on each page, no scroll containers, nothing collapsed (no `<details>`:
/// Chromium does not print a closed one's content).
///
/// At scale: charts draw at most `maxBars` bars (the lowest and highest halves by ratio or
/// pace, with a note) and tables at most `maxTableRows` rows; a table cut short is returned
/// whole in `Rendered.attachments` (to be written beside the page as CSV, named after
/// `attachmentStem`), and the page names the file.
///
/// Accessibility: every chart is an `<svg role="img">` with `<title>`/`<desc>`, and every
/// number drawn is also in a table. All text from the data is HTML-escaped. A
/// Content-Security-Policy of `default-src 'none'` (plus inline styles and `data:` images)
/// makes the browser itself refuse any script or network request. The output depends only
/// on the input (no clock, no locale): the same tables give the same bytes.
public struct HTMLReport: Sendable {
  /// The inputs: result tables with the commands' exact columns, observations in `tidy` form.
  public struct Content: Sendable {
    /// The files the report was made from, as named to the user, with their SHA-256.
    public var sources: [SourceFile]
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
      sources: [SourceFile] = [], achievement: Table? = nil, quarterly: Table? = nil, trend: Table? = nil,
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
  /// The date of compilation printed in the header (nil: not printed).
  public var date: CompilationDate?
  /// At most this many rows per table on the page; longer tables go to attachments.
  public var maxTableRows: Int
  /// At most this many bars per chart (the lowest and highest halves).
  public var maxBars: Int
  /// File names of attachments start with this (`report` → `report-data-1.csv`); nil when the
  /// page is not written to a file (attachments are then not offered).
  public var attachmentStem: String?

  public init(
    _ content: Content, options: ChartOptions = ChartOptions(), title: String? = nil, maxTrendCharts: Int = 12,
    date: CompilationDate? = nil, maxTableRows: Int = 300, maxBars: Int = 40, attachmentStem: String? = "report"
  ) {
    self.content = content
    self.options = options
    self.title = title
    self.maxTrendCharts = maxTrendCharts
    self.date = date
    self.maxTableRows = maxTableRows
    self.maxBars = maxBars
    self.attachmentStem = attachmentStem
  }

  /// The page and the full tables that the page shows only in part.
  public struct Rendered: Sendable {
    public var html: String
    /// File name (relative to the page's folder) and the whole table, to write as CSV.
    public var attachments: [(name: String, table: Table)]
  }

  /// Collects attachments while rendering.
  final class Attachments: @unchecked Sendable {
    var items: [(name: String, table: Table)] = []
  }

  func t(_ zh: String, _ en: String) -> String { options.text(zh, en) }
  func e(_ text: String) -> String { Markup.escape(text) }

  /// The whole document, UTF-8, ending with a newline.
  public func html() throws(DataError) -> String { try render().html }

  /// The document and its attachments.
  public func render() throws(DataError) -> Rendered {
    let attachments = Attachments()
    let heading = title ?? t("國家廉政建設行動方案 績效統計報告", "National Integrity Building Action Plan — Statistics Report")
    var sections: [(id: String, title: String, body: String)] = []
    if let table = content.achievement {
      sections.append(("achievement", t("績效目標達成情形", "Achievement of performance targets"), try achievementSection(table, attachments)))
      sections.append(("rollup", t("年度執行成果彙總（依具體策略及執行措施）", "Yearly roll-up by strategy and measure"), try rollupSection(table)))
    }
    if let table = content.quarterly {
      sections.append(("quarterly", t("目標案件每季檢討", "Target cases: quarterly review"), try quarterlySection(table, attachments)))
    }
    if let table = content.trend {
      sections.append(("trend", t("趨勢與推估", "Trends and projections"), try trendSection(table, attachments)))
    }
    if let table = content.survey {
      sections.append(("survey", t("廉政民意調查", "Integrity opinion survey"), try surveySection(table, attachments)))
    }
    if let status = content.status {
      sections.append(("status", t("填報狀況", "Reporting status"), statusSection(status)))
    }
    if !content.appendix.isEmpty {
      sections.append(("appendix", t("附錄：輸入資料", "Appendix: input data"), appendixSection(attachments)))
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
    out += try metaBlock()
    for note in content.notes { out += "<p class=\"meta\">\(e(note))</p>\n" }
    out += "<nav aria-label=\"\(e(t("目錄", "Contents")))\"><ol>\n"
    for s in sections { out += "<li><a href=\"#\(s.id)\">\(e(s.title))</a></li>\n" }
    out += "</ol></nav>\n</header>\n<main>\n"
    for (i, s) in sections.enumerated() {
      let number = options.language == .zhTW ? Self.chineseNumerals[min(i, 9)] + "、" : "\(i + 1). "
      out += "<section id=\"\(s.id)\" aria-labelledby=\"\(s.id)-h\">\n<h2 id=\"\(s.id)-h\">\(e(number + s.title))</h2>\n\(s.body)</section>\n"
    }
    out += "</main>\n<footer><p>\(e(t("由 integrity-stats 產生；圖表為內嵌 SVG，數值均另列於表格。", "Made by integrity-stats; charts are inline SVG and every number is also in a table.")))</p></footer>\n</body>\n</html>\n"
    return Rendered(html: out, attachments: attachments.items)
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

  // MARK: - Header and limits

  /// The header's facts: date of compilation, data period, input files with SHA-256.
  func metaBlock() throws(DataError) -> String {
    var out = "<dl class=\"facts\">\n"
    if let date {
      out += "<dt>\(e(t("製表日期", "Compiled")))</dt><dd>\(e(options.language == .zhTW ? "\(date.roc)（\(date.iso)）" : "\(date.iso) (ROC \(date.year - 1911)-\(date.iso.dropFirst(5)))"))</dd>\n"
    }
    if let (first, last) = try dataPeriod() {
      let gregorian = first == last ? "\(first)" : "\(first)–\(last)"
      let text: String
      if options.rocYears {
        let roc = first == last ? options.yearLabel(first) : options.yearLabel(first) + t("至", "–") + options.yearLabel(last)
        text = roc + t("（西元 \(gregorian) 年）", " (\(gregorian))")
      } else {
        text = gregorian
      }
      out += "<dt>\(e(t("資料期間", "Data period")))</dt><dd>\(e(text))</dd>\n"
    }
    if !content.sources.isEmpty {
      out += "<dt>\(e(t("輸入檔案（SHA-256）", "Input files (SHA-256)")))</dt><dd><ul class=\"files\">\n"
      for file in content.sources {
        out += "<li><code>\(e(file.name))</code> <span class=\"hash\">\(e(file.sha256 ?? t("（非一般檔案〔如標準輸入〕，未計算）", "(not a regular file, e.g. standard input: not computed)")))</span></li>\n"
      }
      out += "</ul></dd>\n"
    }
    return out + "</dl>\n"
  }

  /// The first and last year in any of the content's tables (`year`, `first_year`, `last_year`).
  func dataPeriod() throws(DataError) -> (Int, Int)? {
    var tables: [Table] = [content.achievement, content.quarterly, content.trend, content.trendObservations, content.survey].compactMap { $0 }
    tables += content.appendix.map(\.table)
    var lo = Int.max, hi = Int.min
    for table in tables {
      let source = ChartSource(table: table)
      for name in ["year", "first_year", "last_year"] where source.has(name) {
        for r in 0..<source.rowCount {
          guard let y = try source.number(name, r), y == y.rounded(), abs(y) < 1e6 else { continue }
          lo = min(lo, Int(y))
          hi = max(hi, Int(y))
        }
      }
    }
    return lo <= hi ? (lo, hi) : nil
  }

  /// Offers `table` as an attachment named `<stem>-<suffix>.csv`; returns the note to print
  /// under a table that shows `shown` of its `total` rows.
  func overflowNote(shown: Int, total: Int, table: Table, suffix: String, _ attachments: Attachments) -> String {
    guard shown < total else { return "" }
    var text = t("本表僅列出 \(shown) 列（共 \(total) 列）。", "This table shows \(shown) of \(total) rows. ")
    if let stem = attachmentStem {
      let name = "\(stem)-\(suffix).csv"
      attachments.items.append((name, table))
      text += t("完整資料另存於報告旁的 ", "The full data is in ")
      return "<p class=\"meta overflow\">\(e(text))<a href=\"\(e(name))\"><code>\(e(name))</code></a>\(e(t("。", ", beside this report.")))</p>\n"
    }
    return "<p class=\"meta overflow\">\(e(text + t("完整資料未另存（報告未寫入檔案）。", "The full data was not written (the report was not written to a file).")))</p>\n"
  }

  /// At most `maxBars` bars: all when they fit, else the lowest and the highest halves by `y`
  /// (a missing `y` ranks by status: achieved/on-track highest, others lowest), with a note.
  func limitBars(_ data: ChartData) -> (ChartData, String) {
    let (limited, shown, total) = data.limitingBars(to: maxBars)
    guard shown < total else { return (data, "") }
    let half = maxBars / 2
    let note = t(
      "圖中僅繪出最低與最高各 \(half) 項（共 \(total) 項）；全部數值見下表及附件。",
      "The chart draws the lowest and the highest \(half) of \(total); every value is in the table and its attachment.")
    return (limited, "<p class=\"meta\">\(e(note))</p>\n")
  }

  // MARK: - Sections

  func achievementSection(_ table: Table, _ attachments: Attachments) throws(DataError) -> String {
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
      let (limited, note) = limitBars(data)
      out += figure(limited, id: "achievement-chart") + note
    }
    // Tables by strategy, at most maxTableRows rows in all.
    var groups: [(key: Int, name: String, rows: [Row])] = []
    for row in rows {
      let s = strategy(of: row.indicator)
      let key = s?.number ?? 99
      let name = s.map { t("策略\(Self.chineseNumerals[$0.number - 1])：\($0.name)", "Strategy \($0.number): \($0.name)") } ?? t("其他指標", "Other indicators")
      if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].rows.append(row) } else { groups.append((key, name, [row])) }
    }
    groups.sort { $0.key < $1.key }
    var budget = maxTableRows
    for group in groups where budget > 0 {
      out += "<h3>\(e(group.name))</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\" class=\"first\">\(e(t("指標", "Indicator")))</th><th scope=\"col\">\(e(t("機關", "Agency")))</th>"
      for y in sortedYears { out += "<th scope=\"col\" class=\"num\">\(e(options.yearLabel(y)))</th>" }
      out += "<th scope=\"col\" class=\"num\">\(e(t("最近實際值／目標值", "Latest actual / target")))</th></tr></thead>\n<tbody>\n"
      for row in group.rows.prefix(budget) {
        out += "<tr><td class=\"first\">\(e(row.indicator ?? ""))</td><td>\(e(row.agency ?? t("合計", "total")))</td>"
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
      budget -= group.rows.count
      out += "</tbody></table></div>\n"
    }
    out += overflowNote(shown: min(rows.count, maxTableRows), total: rows.count, table: table, suffix: "achievement", attachments)
    return out
  }

  /// Per year (latest first): one row per strategy (bold) and per measure, with the counts of
  /// each status. Counted by `StrategyRollup` from the achievement rows (total rows left out).
  func rollupSection(_ table: Table) throws(DataError) -> String {
    let source = ChartSource(table: table, file: "achievement")
    var entries: [StrategyRollup.Entry] = []
    for r in 0..<source.rowCount {
      if source.text("agency", r) == AchievementRatio.totalAgency { continue }
      guard let status = source.text("status", r).flatMap(AchievementStatus.init(rawValue:)) else { continue }
      entries.append(StrategyRollup.Entry(indicator: source.text("indicator", r), year: try source.integer("year", r), status: status))
    }
    let rollup = StrategyRollup(entries: entries)
    var out = "<p>\(e(t("每個指標與機關的年度績效目標計為一項；依指標所屬之具體策略與執行措施（行動方案）彙總各狀態的項數。", "Each target of each agency in a year counts once, under the strategy and measure of the Action Plan its indicator names.")))</p>\n"
    let statuses: [AchievementStatus] = [.achieved, .near, .behind, .noTarget, .noData]
    let years = Set(rollup.rows.map(\.year)).sorted(by: >)
    if years.count > 1 {
      out += "<p class=\"meta\">\(e(t("最近年度列出各執行措施；以前年度僅列各具體策略小計。", "The latest year lists every measure; earlier years list the strategies' subtotals only.")))</p>\n"
    }
    for (k, year) in years.enumerated() {
      out += "<h3>\(e(options.yearLabel(year)))</h3>\n<div class=\"scroll\"><table class=\"rollup\">\n<thead><tr><th scope=\"col\" class=\"first\">\(e(t("具體策略／執行措施", "Strategy / measure")))</th><th scope=\"col\" class=\"num\">\(e(t("目標數", "Targets")))</th>"
      for status in statuses { out += "<th scope=\"col\" class=\"num\">\(badge(status.rawValue))</th>" }
      out += "</tr></thead>\n<tbody>\n"
      for row in rollup.rows where row.year == year && (k == 0 || row.measure == nil) {
        let label: String
        if let s = row.strategy {
          if let m = row.measure {
            label = "\(s)-\(m) " + (row.measureTitle ?? "")
          } else {
            let name = options.language == .zhTW ? (row.strategyTitle ?? "") : (ActionPlanCatalog.plan.strategy(s)?.englishName ?? "")
            label = t("策略\(Self.chineseNumerals[s - 1])：", "Strategy \(s): ") + name
          }
        } else {
          label = t("其他指標（不在行動方案內）", "Other indicators (not in the plan)")
        }
        let cls = row.measure == nil ? " class=\"subtotal\"" : ""
        out += "<tr\(cls)><th scope=\"row\" class=\"first\">\(e(label))</th><td class=\"num\">\(row.targets)</td>"
        for status in statuses { out += "<td class=\"num\">\(row.count(status))</td>" }
        out += "</tr>\n"
      }
      out += "</tbody></table></div>\n"
    }
    return out
  }

  func quarterlySection(_ table: Table, _ attachments: Attachments) throws(DataError) -> String {
    let source = ChartSource(table: table, file: "quarterly")
    var years: [Int] = []
    for r in 0..<source.rowCount {
      let y = try source.integer("year", r)
      if !years.contains(y) { years.append(y) }
    }
    var out = "<p>\(e(t("累計達成率 = 第 1 季至第 q 季累計件數 ÷ 全年目標；預期進度 = q/4；進度比 ≥ 1 為符合進度。缺報的季別之後累計不計算，狀態為「資料不全」。", "Cumulative rate = cases in quarters 1…q ÷ annual target; expected pace = q/4; on track when the ratio of the two is ≥ 1. After a missing quarter the cumulative figure is not computed and the status is incomplete.")))</p>\n"
    var shownRows = 0, totalRows = 0
    for year in years.sorted(by: >) {
      let label = options.yearLabel(year)
      out += "<h3>\(e(label))</h3>\n"
      let (pace, behind) = try paceChart(source, year: year)
      let (limited, note) = limitBars(pace)
      out += figure(limited, id: "pace-\(year)") + note
      if !behind.isEmpty {
        out += "<p class=\"behind\">\(badge("behind")) \(e(t("進度落後（\(behind.count)）：", "Behind pace (\(behind.count)): ") + behind.joined(separator: t("、", ", "))))</p>\n"
      }
      out += "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\" class=\"first\">\(e(t("地檢署", "Office")))</th><th scope=\"col\" class=\"num\">\(e(t("全年目標", "Annual target")))</th>"
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
      totalRows += offices.count
      let room = max(0, maxTableRows - shownRows)
      shownRows += min(room, offices.count)
      for office in offices.prefix(room) {
        let row = cells[office]!
        out += "<tr><th scope=\"row\" class=\"first\">\(e(office))</th><td class=\"num\">\(e(number(targets[office])))</td>"
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
    }
    out += overflowNote(shown: shownRows, total: totalRows, table: table, suffix: "quarterly", attachments)
    return out
  }

  /// Bars of each office's pace at its latest reported quarter of `year`, ranked from the
  /// highest pace down (offices without a pace last), coloured and labelled by status, with a
  /// rule at pace 1 (on track); and the offices behind pace, in rank order.
  func paceChart(_ source: ChartSource, year: Int) throws(DataError) -> (ChartData, behind: [String]) {
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
    let ranked = offices.enumerated().sorted { a, b in
      let pa = latest[a.element]!.pace ?? -.infinity, pb = latest[b.element]!.pace ?? -.infinity
      return pa != pb ? pa > pb : a.offset < b.offset
    }.map(\.element)
    var points = ranked.map { office in
      ChartPoint(series: office, x: Double(year), y: latest[office]!.pace, kind: .observed, status: latest[office]!.status)
    }
    points.append(ChartPoint(series: options.ruleLabel(.pace), x: Double(year), y: 1, kind: .target))
    let quarters = Set(offices.map { latest[$0]!.quarter }).sorted().map(options.quarterLabel).joined(separator: t("、", ", "))
    let data = ChartData(
      kind: .achievement, points: points, xAxis: .year, yMeasure: .pace,
      title: t("各地檢署進度比排序（\(options.yearLabel(year))，最新一季：\(quarters)）", "Pace by office, ranked, \(options.yearLabel(year)) (latest quarter: \(quarters))"))
    return (data, ranked.filter { latest[$0]!.status == "behind" })
  }

  func trendSection(_ table: Table, _ attachments: Attachments) throws(DataError) -> String {
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
    // Figures in each series' unit, amounts in 萬元/億元 as on the chart's axis (`AxisUnit`).
    var unitOf: [String: String] = [:], largest: [String: Double] = [:]
    for p in observed?.points ?? [] where p.kind == .observed {
      if let u = p.unit { unitOf[p.series] = u }
      if let y = p.y { largest[p.series] = max(largest[p.series] ?? 0, abs(y)) }
    }
    for r in 0..<min(source.rowCount, maxTableRows) {
      var name = ChartData.seriesName([source.text("indicator", r), source.text("agency", r)], fallback: "")
      let unit = AxisUnit.choose(unit: unitOf[name], largest: largest[name] ?? 0, options: options)
      if let label = unit.label { name += t("（\(label)）", " (\(label))") }
      func scaled(_ x: Double?) -> Double? { x.map { $0 / unit.divisor } }
      let logScale = TrendCurve(model: source.text("model", r) ?? "linear", firstYear: 0, intercept: 0, slope: 0).isLogScale
      func slopeScaled(_ x: Double?) -> Double? { logScale ? x : scaled(x) }
      let first = try source.integer("first_year", r), last = try source.integer("last_year", r)
      let change = try source.number("annual_change_pct", r)
      var projection = ""
      if let year = try source.number("projection_year", r) {
        projection = options.yearLabel(Int(year)) + " " + number(scaled(try source.number("projection", r)))
      }
      let low = scaled(try source.number("projection_low", r)), high = scaled(try source.number("projection_high", r))
      let slopeLow = slopeScaled(try source.number("slope_low", r)), slopeHigh = slopeScaled(try source.number("slope_high", r))
      out += "<tr><th scope=\"row\" class=\"first\">\(e(name))</th><td>\(e(source.text("model", r) ?? ""))</td><td class=\"num\">\(e(source.text("n", r) ?? ""))</td>"
      out += "<td>\(e(options.yearLabel(first)))–\(e(options.yearLabel(last)))</td>"
      out += "<td class=\"num\">\(e(number(slopeScaled(try source.number("slope", r)))))</td>"
      out += "<td class=\"num\">\(slopeLow == nil ? "" : e(number(slopeLow) + " – " + number(slopeHigh)))</td>"
      out += "<td class=\"num\">\(change == nil ? "" : e(NiceScale.fixed(change!, digits: 1) + "%"))</td>"
      out += "<td class=\"num\">\(e(pValue(try source.number("p_value", r))))</td>"
      out += "<td class=\"num\">\(e(number(try source.number("r_squared", r))))</td>"
      out += "<td class=\"num\">\(e(projection))</td>"
      out += "<td class=\"num\">\(low == nil ? "" : e(number(low) + " – " + number(high)))</td></tr>\n"
    }
    out += "</tbody></table></div>\n"
    out += overflowNote(shown: min(source.rowCount, maxTableRows), total: source.rowCount, table: table, suffix: "trend", attachments)
    return out
  }

  func pValue(_ p: Double?) -> String {
    guard let p else { return "" }
    return p < 0.001 ? "< 0.001" : NiceScale.fixed(p, digits: 3)
  }

  func surveySection(_ table: Table, _ attachments: Attachments) throws(DataError) -> String {
    let source = ChartSource(table: table, file: "survey")
    var out = figure(try ChartData.recognise(source, options: options), id: "survey-chart")
    out += "<div class=\"scroll\"><table>\n<thead><tr>"
    for h in [t("指標", "Indicator"), t("年度", "Year"), t("樣本數", "n"), t("比例", "Proportion"), t("95% 信賴區間（Wilson）", "Wilson interval"), t("較前一年", "Change"), "z", "p"] {
      out += "<th scope=\"col\">\(e(h))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for r in 0..<min(source.rowCount, maxTableRows) {
      let year = try source.integer("year", r)
      let change = try source.number("change", r)
      out += "<tr><th scope=\"row\" class=\"first\">\(e(source.text("indicator", r) ?? ""))</th><td>\(e(options.yearLabel(year)))</td>"
      out += "<td class=\"num\">\(e(number(try source.number("n", r))))</td><td class=\"num\">\(e(percent(try source.number("proportion", r))))</td>"
      out += "<td class=\"num\">\(e(percent(try source.number("ci_low", r)) + " – " + percent(try source.number("ci_high", r))))</td>"
      out += "<td class=\"num\">\(change == nil ? "" : e((change! >= 0 ? "+" : "") + NiceScale.fixed(change! * 100, digits: 1) + t(" 個百分點", " pp")))</td>"
      out += "<td class=\"num\">\(e(number(try source.number("change_z", r))))</td><td class=\"num\">\(e(pValue(try source.number("change_p", r))))</td></tr>\n"
    }
    out += "</tbody></table></div>\n"
    out += overflowNote(shown: min(source.rowCount, maxTableRows), total: source.rowCount, table: table, suffix: "survey", attachments)
    return out
  }

  /// Each source's observations as read: at most `maxTableRows` rows of each on the page, the
  /// whole table as an attachment when cut.
  func appendixSection(_ attachments: Attachments) -> String {
    var out = "<p>\(e(t("以下為讀入的觀測值：年度為西元年，數值為讀入後的基本單位（見 unit 欄），line 為原始檔案行號。", "The observations as read: Gregorian years, figures in base units as read (see the unit column), line is the line in the source file.")))</p>\n"
    for (i, item) in content.appendix.enumerated() {
      out += "<h3>\(e(item.caption)) <small>(\(item.table.rowCount) \(e(t("筆", "rows"))))</small></h3>\n<div class=\"scroll\"><table class=\"data\">\n<thead><tr>"
      for name in item.table.names { out += "<th scope=\"col\">\(e(name))</th>" }
      out += "</tr></thead>\n<tbody>\n"
      for r in 0..<min(item.table.rowCount, maxTableRows) {
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
      out += "</tbody></table></div>\n"
      out += overflowNote(
        shown: min(item.table.rowCount, maxTableRows), total: item.table.rowCount, table: item.table,
        suffix: "data-\(i + 1)", attachments)
    }
    return out
  }

  static var css: String { Palette.css + layoutCSS }

  static let layoutCSS = """

    body { font-family: "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif; margin: 0; color: var(--ink); background: #fafafa; line-height: 1.55; }
    header, main, footer { max-width: 1080px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 24px; border-bottom: 3px solid var(--accent); background: #fff; }
    h1 { font-size: 1.6rem; margin: 0 0 8px; }
    h2 { font-size: 1.3rem; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #ccc; }
    h3 { font-size: 1.08rem; margin: 20px 0 8px; }
    .meta { color: var(--muted); font-size: 0.9rem; margin: 4px 0; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; font-size: 0.9rem; }
    dl.facts dt { font-weight: bold; }
    dl.facts dd { margin: 0; }
    ul.files { list-style: none; margin: 0; padding: 0; }
    .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 0.78rem; color: var(--muted); overflow-wrap: anywhere; }
    nav ol { display: flex; flex-wrap: wrap; gap: 4px 20px; padding-left: 1.2em; font-size: 0.95rem; }
    a { color: var(--link); }
    figure { margin: 12px 0; background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 4px; overflow-x: auto; }
    figure svg { display: block; max-width: 100%; height: auto; }
    figcaption { font-size: 0.85rem; color: var(--muted); padding: 4px 8px; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.88rem; margin: 8px 0 16px; }
    th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
    th.first, td.first { min-width: 12em; }
    thead th { background: var(--th); }
    tbody tr:nth-child(even) { background: var(--stripe); }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.subtotal th, tr.subtotal td { font-weight: bold; background: var(--th); }
    table.data { font-size: 0.8rem; }
    .badge { display: inline-block; padding: 0 6px; border-radius: 8px; border: 1px solid; font-size: 0.78rem; white-space: nowrap; }
    .summary .badge { font-size: 0.9rem; }
    footer { color: var(--muted); font-size: 0.85rem; padding-top: 16px; padding-bottom: 32px; }
    @page { size: A4; margin: 15mm 12mm 16mm; }
    @media print {
      body { background: #fff; font-size: 9.5pt; }
      header, main, footer { max-width: none; padding: 0; }
      header { border-bottom-width: 2px; }
      section { break-before: page; }
      h2, h3 { break-after: avoid; }
      .scroll, figure { overflow: visible; }
      figure { border: none; padding: 0; break-inside: avoid; }
      table { font-size: 8pt; width: 100%; }
      table.data { font-size: 7pt; }
      th, td { padding: 2px 4px; }
      th.first, td.first { min-width: 9em; }
      td.num { white-space: normal; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; }
      nav { display: none; }
      a { color: inherit; text-decoration: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
