/// XY charts: quarterly pace lines, trends, survey intervals, observations, tidy data.
extension SVGChart {
  // MARK: - XY charts (quarterly, trend, survey, observations, tidy)

  /// One plot, or small multiples when the points name several panels: quarterly lines per
  /// office (one shared y scale, so offices compare), trend series each on its own y axis (their
  /// units may differ), observations per unit.
  func xyChart() -> String {
    let panels = data.panelNames
    guard panels.count > 1 else {
      let (body, h) = plot(data.points, left: 0, top: 44, width: width, plotHeight: plotHeight, yScale: nil, compact: false)
      let (legendText, legendHeight) = legend(legendEntries(), top: h + 2)
      return header(height: h + 2 + legendHeight + 8) + body + legendText + "</svg>\n"
    }
    let shared = data.kind == .quarterly ? yScale(for: data.points) : nil
    let columns = data.kind == .quarterly ? Swift.min(4, panels.count) : 1
    let cellWidth = width / Double(columns)
    let cellPlot = columns == 1 ? Swift.min(plotHeight, 220) : 110
    var out = "", y = 44.0, rowHeight = 0.0
    for (k, panel) in panels.enumerated() {
      let column = k % columns
      if column == 0 && k > 0 { y += rowHeight; rowHeight = 0 }
      let mine = data.points.filter { $0.panel == panel || ($0.panel == nil && $0.kind == .target) }
      let x0 = Double(column) * cellWidth
      out += "<g class=\"panel\">\n<text x=\"\(Self.c(x0 + 16))\" y=\"\(Self.c(y + 14))\" font-size=\"12\" font-weight=\"bold\" fill=\"#222222\">\(Markup.escape(Markup.truncate(panel, width: cellWidth - 24, fontSize: 12)))<title>\(Markup.escape(panel))</title></text>\n"
      let (body, bottom) = plot(mine, left: x0, top: y + 24, width: cellWidth, plotHeight: cellPlot, yScale: shared, compact: columns > 1)
      out += body + "</g>\n"
      rowHeight = Swift.max(rowHeight, bottom - y)
    }
    y += rowHeight
    if columns > 1 {
      // The shared axis titles, once.
      out += "<text x=\"16\" y=\"\(Self.c(y + 14))\" font-size=\"12\" fill=\"#333333\">\(Markup.escape(options.text("縱軸：", "Vertical: ") + yTitle(for: data.points) + options.text("；橫軸：", "; horizontal: ") + options.xTitle(data.xAxis)))</text>\n"
      y += 22
    }
    let (legendText, legendHeight) = legend(legendEntries(), top: y)
    return header(height: y + legendHeight + 8) + out + legendText + "</svg>\n"
  }

  /// The value-axis unit of `points` (`AxisUnit`): 萬元/億元 for amounts, the unit otherwise.
  func axisUnit(for points: [ChartPoint]) -> AxisUnit {
    guard data.yMeasure == .value else { return AxisUnit(divisor: 1, label: nil, isMoney: false) }
    var units = Set(points.compactMap(\.unit))
    if units.isEmpty {
      // No unit column: counts named as such (起訴貪瀆案件數, 受理檢舉人數) say their unit.
      let names = Set(points.filter { $0.kind != .target }.map(\.group))
      for (suffix, unit) in [("件數", "件"), ("人數", "人"), ("場次", "場次")] where !names.isEmpty && names.allSatisfy({ $0.hasSuffix(suffix) }) {
        units = [unit]
      }
    }
    var largest = 0.0
    for p in points { for v in [p.y, p.lower, p.upper] { if let v { largest = Swift.max(largest, abs(v)) } } }
    return AxisUnit.choose(unit: units.count == 1 ? units.first : nil, largest: largest, options: options)
  }

  func yTitle(for points: [ChartPoint]) -> String {
    data.yMeasure == .value ? axisUnit(for: points).title(options) : options.yTitle(data.yMeasure)
  }

  /// A nice y scale over the points' values (in displayed units).
  func yScale(for points: [ChartPoint]) -> NiceScale {
    let divisor = axisUnit(for: points).divisor
    var ys: [Double] = []
    for p in points {
      if let y = p.y { ys.append(y / divisor) }
      if let l = p.lower { ys.append(l / divisor) }
      if let u = p.upper { ys.append(u / divisor) }
    }
    if data.yMeasure == .cumulativeRate { ys += [0, 1] }
    return NiceScale(min: ys.min() ?? 0, max: ys.max() ?? 1, ticks: 6)
  }

  /// One plot of `points` in the box starting at (`left`, `top`) of `width`; returns the
  /// markup and the bottom of the x-axis title. `compact`: a small multiple (no axis titles,
  /// fewer ticks).
  func plot(
    _ points: [ChartPoint], left x0: Double, top: Double, width: Double, plotHeight: Double, yScale shared: NiceScale?,
    compact: Bool
  ) -> (String, Double) {
    let unit = axisUnit(for: points)
    let yScale = shared ?? yScale(for: points)
    let percent = data.yMeasure != .value
    let yLabels = yScale.ticks.map { yScale.label($0, percent: percent) }
    let labelWidth = yLabels.map { Markup.textWidth($0, fontSize: 11) }.max() ?? 20
    let left = x0 + (compact ? 8 : 16 + 18) + labelWidth + 8  // y title, labels, gap
    let right = x0 + width - (compact ? 10 : 24)
    let bottom = top + plotHeight
    let plotWidth = right - left

    // x: whole years (or quarters 1…4), half a step of padding on each side.
    let xs = points.map(\.x)
    var xMin = xs.min() ?? 0, xMax = xs.max() ?? 1
    if data.xAxis == .quarter { xMin = Swift.min(xMin, 1); xMax = Swift.max(xMax, 4) }
    let span = Swift.max(xMax - xMin, 1)
    let xStep = data.xAxis == .quarter ? 1 : Swift.max(1, NiceScale.nice(span / (compact ? 4 : 8), round: true).rounded(.up))
    let xLo = xMin - 0.5, xHi = xMax + 0.5
    func px(_ x: Double) -> Double { left + (x - xLo) / (xHi - xLo) * plotWidth }
    func py(_ y: Double) -> Double { bottom - (y / unit.divisor - yScale.lower) / (yScale.upper - yScale.lower) * plotHeight }
    func pyScaled(_ y: Double) -> Double { bottom - (y - yScale.lower) / (yScale.upper - yScale.lower) * plotHeight }

    var out = ""
    // Grid and y axis.
    out += "<g class=\"y-axis\" fill=\"#555555\" font-size=\"11\">\n"
    for (tick, label) in zip(yScale.ticks, yLabels) {
      let y = Self.c(pyScaled(tick))
      out += "<line x1=\"\(Self.c(left))\" y1=\"\(y)\" x2=\"\(Self.c(right))\" y2=\"\(y)\" stroke=\"#e3e3e3\"/>"
      out += "<text x=\"\(Self.c(left - 6))\" y=\"\(Self.c(pyScaled(tick) + 4))\" text-anchor=\"end\">\(Markup.escape(label))</text>\n"
    }
    if !compact {
      let yTitle = data.yMeasure == .value ? unit.title(options) : options.yTitle(data.yMeasure)
      let yMid = (top + bottom) / 2, tx = x0 + 24
      out += "<text x=\"\(Self.c(tx))\" y=\"\(Self.c(yMid))\" text-anchor=\"middle\" transform=\"rotate(-90 \(Self.c(tx)) \(Self.c(yMid)))\" fill=\"#333333\" font-size=\"12\">\(Markup.escape(Markup.truncate(yTitle, width: plotHeight, fontSize: 12)))</text>\n"
    }
    out += "</g>\n"
    // x axis.
    out += "<g class=\"x-axis\" fill=\"#555555\" font-size=\"11\">\n"
    out += "<line x1=\"\(Self.c(left))\" y1=\"\(Self.c(bottom))\" x2=\"\(Self.c(right))\" y2=\"\(Self.c(bottom))\" stroke=\"#888888\"/>\n"
    var tick = (xMin / xStep).rounded(.up) * xStep
    while tick <= xMax + 1e-9 {
      let x = Self.c(px(tick))
      let label = compact && data.xAxis == .quarter ? "Q\(Int(tick))" : options.xLabel(tick, axis: data.xAxis)
      out += "<line x1=\"\(x)\" y1=\"\(Self.c(bottom))\" x2=\"\(x)\" y2=\"\(Self.c(bottom + 4))\" stroke=\"#888888\"/>"
      out += "<text x=\"\(x)\" y=\"\(Self.c(bottom + 17))\" text-anchor=\"middle\">\(Markup.escape(label))</text>\n"
      tick += xStep
    }
    var end = bottom + 24
    if !compact {
      out += "<text x=\"\(Self.c((left + right) / 2))\" y=\"\(Self.c(bottom + 36))\" text-anchor=\"middle\" fill=\"#333333\" font-size=\"12\">\(Markup.escape(options.xTitle(data.xAxis)))</text>\n"
      end = bottom + 46
    }
    out += "</g>\n"

    // Marks, series by series, kinds in a fixed order: band, target, fitted, projection, observed.
    out += "<g class=\"marks\">\n"
    for series in ChartData.ordered(points.map(\.series)) {
      let mine = points.filter { $0.series == series }
      guard let first = mine.first else { continue }
      let isTargetOnly = mine.allSatisfy { $0.kind == .target }
      let colour = isTargetOnly ? Palette.reference : colour(group: first.group)
      out += "<g class=\"series\">\n"
      // Band: an area when it spans several x, else an interval bar.
      let band = mine.filter { $0.kind == .band && $0.lower != nil && $0.upper != nil }.sorted { $0.x < $1.x }
      if band.count >= 2 {
        var d = ""
        for (i, p) in band.enumerated() { d += (i == 0 ? "M" : "L") + "\(Self.c(px(p.x))) \(Self.c(py(p.upper!)))" }
        for p in band.reversed() { d += "L\(Self.c(px(p.x))) \(Self.c(py(p.lower!)))" }
        out += "<path d=\"\(d)Z\" fill=\"\(colour)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
      } else {
        for p in band { out += interval(p, colour: colour, px: px, py: py, kind: .band) }
      }
      // Target and fitted/projection lines.
      for kind in [PointKind.target, .fitted, .projection] {
        let line = mine.filter { $0.kind == kind }.sorted { $0.x < $1.x }
        let stroke = kind == .target ? Palette.reference : colour
        let dash = kind == .fitted ? "" : " stroke-dasharray=\"6 4\""
        for segment in segments(line) {
          if segment.count == 1, let p = segment.first, let y = p.y {
            out += "<line x1=\"\(Self.c(px(p.x) - 8))\" y1=\"\(Self.c(py(y)))\" x2=\"\(Self.c(px(p.x) + 8))\" y2=\"\(Self.c(py(y)))\" stroke=\"\(stroke)\" stroke-width=\"1.8\"\(dash)/>\n"
          } else if segment.count > 1 {
            out += "<path d=\"\(path(segment, px: px, py: py))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(kind == .target ? "1.5" : "2")\"\(dash)/>\n"
          }
        }
      }
      // Observed: intervals, then a line (not for trend, where points stand alone), then points.
      let observed = mine.filter { $0.kind == .observed }.sorted { $0.x < $1.x }
      for p in observed where p.lower != nil && p.upper != nil {
        out += interval(p, colour: colour, px: px, py: py, kind: .observed)
      }
      if data.kind != .trend {
        for segment in segments(observed) where segment.count > 1 {
          out += "<path d=\"\(path(segment, px: px, py: py))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
        }
      }
      for p in observed {
        guard let y = p.y else { continue }
        let r = data.kind == .quarterly ? "2.5" : "3.5"
        out += "<circle cx=\"\(Self.c(px(p.x)))\" cy=\"\(Self.c(py(y)))\" r=\"\(r)\" fill=\"\(colour)\"><title>\(Markup.escape(markTitle(p)))</title></circle>\n"
      }
      out += "</g>\n"
    }
    out += "</g>\n"
    return (out, end)
  }

  /// Runs of consecutive points with a value (a missing y breaks the line).
  func segments(_ points: [ChartPoint]) -> [[ChartPoint]] {
    var runs: [[ChartPoint]] = [[]]
    for p in points {
      if p.y == nil { if !(runs.last!.isEmpty) { runs.append([]) } } else { runs[runs.count - 1].append(p) }
    }
    return runs.filter { !$0.isEmpty }
  }

  func path(_ points: [ChartPoint], px: (Double) -> Double, py: (Double) -> Double) -> String {
    var d = ""
    for (i, p) in points.enumerated() { d += (i == 0 ? "M" : "L") + "\(Self.c(px(p.x))) \(Self.c(py(p.y!)))" }
    return d
  }

  func interval(_ p: ChartPoint, colour: String, px: (Double) -> Double, py: (Double) -> Double, kind: PointKind) -> String {
    guard let lo = p.lower, let hi = p.upper else { return "" }
    let x = px(p.x), a = py(lo), b = py(hi)
    let d = "M\(Self.c(x)) \(Self.c(a))V\(Self.c(b))M\(Self.c(x - 4)) \(Self.c(a))H\(Self.c(x + 4))M\(Self.c(x - 4)) \(Self.c(b))H\(Self.c(x + 4))"
    let label = "\(p.series) \(options.xLabel(p.x, axis: data.xAxis)): \(chartText.yText(lo)) – \(chartText.yText(hi))"
    return "<path d=\"\(d)\" stroke=\"\(colour)\" stroke-width=\"1.5\" fill=\"none\"><title>\(Markup.escape(label))</title></path>\n"
  }

  func markTitle(_ p: ChartPoint) -> String {
    var text = "\(p.series) \(options.xLabel(p.x, axis: data.xAxis)): \(chartText.yText(p.y))"
    if let status = p.status { text += " (\(options.statusLabel(status)))" }
    return text
  }

  func legendEntries() -> [LegendEntry] {
    var entries: [LegendEntry] = []
    let groups = data.points.filter { $0.kind != .target }.map(\.group)
    let names = ChartData.ordered(groups)
    let shown = names.count > 16 ? Array(names.prefix(15)) : names
    for g in shown { entries.append(LegendEntry(swatch: .box(colour(group: g)), label: g)) }
    if shown.count < names.count {
      entries.append(LegendEntry(swatch: .box("#ffffff"), label: options.text("…另 \(names.count - shown.count) 項", "… \(names.count - shown.count) more")))
    }
    let kinds = Set(data.points.map(\.kind))
    let grey = "#555555"
    if kinds.contains(.observed) && data.kind == .trend {
      entries.append(LegendEntry(swatch: .box(grey), label: options.kindLabel(.observed, chart: data.kind)))
    }
    if kinds.contains(.fitted) { entries.append(LegendEntry(swatch: .line(grey, dashed: false), label: options.kindLabel(.fitted, chart: data.kind))) }
    if kinds.contains(.projection) { entries.append(LegendEntry(swatch: .line(grey, dashed: true), label: options.kindLabel(.projection, chart: data.kind))) }
    if kinds.contains(.band) { entries.append(LegendEntry(swatch: .interval(grey), label: options.kindLabel(.band, chart: data.kind))) }
    if data.kind == .survey { entries.append(LegendEntry(swatch: .interval(grey), label: options.text("Wilson 信賴區間", "Wilson interval"))) }
    if kinds.contains(.target) { entries.append(LegendEntry(swatch: .line("#333333", dashed: true), label: options.kindLabel(.target, chart: data.kind))) }
    return entries
  }
}
