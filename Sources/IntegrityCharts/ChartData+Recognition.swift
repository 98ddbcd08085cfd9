import IntegrityTables

extension ChartData {
  /// Chart data from a result table, recognised by its header (`ChartKind.recognise`).
  ///
  /// - achievement: one bar per (indicator · agency, year) with y = ratio and the row's
  ///   status; one `target` row per year at ratio 1 (the target met exactly).
  /// - quarterly: one line per (office, year) over quarters, y = cumulative_rate, coloured
  ///   by year; `target` rows give the expected pace from the `expected_rate` column.
  /// - trend: the fitted line over first_year…last_year, the projection from last_year to
  ///   projection_year, and the projection interval as a `band` row at projection_year
  ///   (`fitted(x)` is documented at `TrendCurve`).
  /// - survey: one point per (indicator, year) with the Wilson interval as lower/upper.
  /// - observations: the reported values per (indicator · agency), with targets.
  /// - tidy: our own `series,x,y,kind,lower,upper`, read back.
  ///
  /// Throws `DataError` (file:line:column) for a header no kind matches or a cell that is
  /// not a number where one is required.
  public static func recognise(_ source: ChartSource, options: ChartOptions = ChartOptions()) throws(DataError) -> ChartData {
    guard let kind = ChartKind.recognise(header: source.table.names) else {
      throw DataError(
        file: source.file, line: source.lines.map { ($0.first ?? 2) - 1 } ?? 1, column: 1,
        message: "expected the output of achievement, quarterly, trend or survey, chart data (series,x,y,kind) or observations (year,value); found header",
        found: source.table.names.joined(separator: ","))
    }
    switch kind {
    case .achievement: return try achievement(source, options: options)
    case .quarterly: return try quarterly(source, options: options)
    case .trend: return try trend(source, options: options)
    case .survey: return try survey(source, options: options)
    case .tidy: return try tidy(source)
    case .observations: return try observations(source, options: options)
    }
  }

  /// `indicator · agency`, whichever are present, or the fallback.
  static func seriesName(_ parts: [String?], fallback: String) -> String {
    let present = parts.compactMap { $0 }
    return present.isEmpty ? fallback : present.joined(separator: " · ")
  }

  static func achievement(_ source: ChartSource, options: ChartOptions) throws(DataError) -> ChartData {
    var points: [ChartPoint] = []
    var years: [Int] = []
    let total = options.text("合計", "total")
    for row in 0..<source.rowCount {
      let year = try source.integer("year", row)
      let series = seriesName([source.text("indicator", row), source.text("agency", row)], fallback: total)
      points.append(ChartPoint(
        series: series, x: Double(year), y: try source.number("ratio", row), kind: .observed,
        status: source.text("status", row)))
      if !years.contains(year) { years.append(year) }
    }
    let target = options.kindLabel(.target, chart: .achievement)
    for year in years.sorted() {
      points.append(ChartPoint(series: target, x: Double(year), y: 1, kind: .target))
    }
    return ChartData(kind: .achievement, points: points, xAxis: .year, yMeasure: .ratio)
  }

  static func quarterly(_ source: ChartSource, options: ChartOptions) throws(DataError) -> ChartData {
    var points: [ChartPoint] = []
    var expected: [Int: Double] = [:]
    for row in 0..<source.rowCount {
      let year = try source.integer("year", row)
      let quarter = try source.integer("quarter", row)
      let agency = seriesName([source.text("indicator", row), source.text("agency", row)], fallback: options.text("合計", "total"))
      let yearText = options.yearLabel(year)
      points.append(ChartPoint(
        series: "\(agency) \(yearText)", x: Double(quarter), y: try source.number("cumulative_rate", row),
        kind: .observed, group: yearText, status: source.text("status", row), panel: agency))
      if expected[quarter] == nil, let rate = try source.number("expected_rate", row) {
        expected[quarter] = rate
      }
    }
    let label = options.kindLabel(.target, chart: .quarterly)
    for quarter in expected.keys.sorted() {
      points.append(ChartPoint(series: label, x: Double(quarter), y: expected[quarter], kind: .target))
    }
    return ChartData(kind: .quarterly, points: points, xAxis: .quarter, yMeasure: .cumulativeRate)
  }

  static func trend(_ source: ChartSource, options: ChartOptions) throws(DataError) -> ChartData {
    var models = Set<String>()
    for row in 0..<source.rowCount { if let m = source.text("model", row) { models.insert(m) } }
    var points: [ChartPoint] = []
    for row in 0..<source.rowCount {
      let model = source.text("model", row) ?? "linear"
      let base = seriesName(
        [source.text("indicator", row), source.text("agency", row)], fallback: options.text("數列", "series"))
      let series = models.count > 1 ? "\(base) (\(model))" : base
      points += try trendPoints(source, row: row, series: series, model: model).map { point in
        var p = point
        p.group = base
        p.panel = base
        return p
      }
    }
    return ChartData(kind: .trend, points: points, xAxis: .year, yMeasure: .value)
  }

  /// The fitted, projection and band rows of one `trend` result row.
  static func trendPoints(_ source: ChartSource, row: Int, series: String, model: String) throws(DataError) -> [ChartPoint] {
    let first = try source.integer("first_year", row)
    let last = try source.integer("last_year", row)
    guard let intercept = try source.number("intercept", row), let slope = try source.number("slope", row),
      last >= first
    else { return [] }
    var curve = TrendCurve(model: model, firstYear: first, intercept: intercept, slope: slope)
    if let breakYear = try source.number("break_year", row) {
      curve.breakYear = Int(breakYear)
      curve.levelChange = try source.number("level_change", row) ?? 0
      curve.slopeChange = try source.number("slope_change", row) ?? 0
    }
    var points = (first...last).map { year in
      ChartPoint(series: series, x: Double(year), y: curve.fitted(year), kind: .fitted)
    }
    if let year = try source.number("projection_year", row), let value = try source.number("projection", row) {
      let projectionYear = Int(year)
      if projectionYear > last {
        points += (last...projectionYear).map { y in
          ChartPoint(series: series, x: Double(y), y: y == projectionYear ? value : curve.fitted(y), kind: .projection)
        }
      }
      let low = try source.number("projection_low", row)
      let high = try source.number("projection_high", row)
      if low != nil || high != nil {
        points.append(ChartPoint(series: series, x: year, y: value, kind: .band, lower: low, upper: high))
      }
    }
    return points
  }

  static func survey(_ source: ChartSource, options: ChartOptions) throws(DataError) -> ChartData {
    var points: [ChartPoint] = []
    for row in 0..<source.rowCount {
      let year = try source.integer("year", row)
      let series = seriesName(
        [source.text("indicator", row), source.text("agency", row)], fallback: options.text("比例", "proportion"))
      points.append(ChartPoint(
        series: series, x: Double(year), y: try source.number("proportion", row), kind: .observed,
        lower: try source.number("ci_low", row), upper: try source.number("ci_high", row)))
    }
    return ChartData(kind: .survey, points: points, xAxis: .year, yMeasure: .proportion)
  }

  static func observations(_ source: ChartSource, options: ChartOptions) throws(DataError) -> ChartData {
    var points: [ChartPoint] = []
    var targets: [ChartPoint] = []
    let hasQuarter = source.has("quarter")
    for row in 0..<source.rowCount {
      let year = try source.integer("year", row)
      var x = Double(year)
      if hasQuarter, let q = try source.number("quarter", row) { x += (q - 1) / 4 }
      let series = seriesName(
        [source.text("indicator", row), source.text("agency", row)], fallback: options.text("實際值", "value"))
      let unit = source.text("unit", row)
      points.append(ChartPoint(series: series, x: x, y: try source.number("value", row), kind: .observed, unit: unit))
      if let target = try source.number("target", row) {
        targets.append(ChartPoint(series: series, x: x, y: target, kind: .target, unit: unit))
      }
    }
    // Series of different units never share an axis: one panel per unit when there are several.
    let units = ChartData.ordered(points.map { $0.unit ?? "" })
    if units.count > 1 {
      points = points.map { var p = $0; p.panel = p.unit ?? options.text("（未註明單位）", "(no unit)"); return p }
      targets = targets.map { var p = $0; p.panel = p.unit ?? options.text("（未註明單位）", "(no unit)"); return p }
    }
    return ChartData(kind: .observations, points: points + targets, xAxis: .year, yMeasure: .value)
  }

  static func tidy(_ source: ChartSource) throws(DataError) -> ChartData {
    var points: [ChartPoint] = []
    let kindColumn = (source.columnIndex("kind") ?? 0) + 1
    for row in 0..<source.rowCount {
      guard let x = try source.number("x", row) else {
        throw DataError(
          file: source.file, line: source.line(row), column: (source.columnIndex("x") ?? 0) + 1,
          columnName: "x", message: "expected a number", found: "")
      }
      let kindText = source.text("kind", row) ?? ""
      guard let kind = PointKind(rawValue: kindText) else {
        throw DataError(
          file: source.file, line: source.line(row), column: kindColumn, columnName: "kind",
          message: "expected one of observed, fitted, projection, target, band", found: kindText)
      }
      points.append(ChartPoint(
        series: source.text("series", row) ?? "", x: x, y: try source.number("y", row), kind: kind,
        lower: try source.number("lower", row), upper: try source.number("upper", row)))
    }
    return ChartData(kind: .tidy, points: points, xAxis: .year, yMeasure: .value)
  }
}
