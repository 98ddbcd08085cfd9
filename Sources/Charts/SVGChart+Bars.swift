/// Horizontal bar charts: achievement ratios and quarterly pace, coloured by status.
extension SVGChart {
  // MARK: - Achievement bars

  func barChart() -> String {
    let bars = data.points.filter { $0.kind == .observed }
    let series = ChartData.ordered(bars.map(\.series))
    let years = Array(Set(bars.map(\.x))).sorted()
    let fontSize = 11.0
    let labelWidth = Swift.min(300, (series.map { Markup.textWidth($0, fontSize: fontSize) }.max() ?? 40) + 4)
    let left = 16 + labelWidth + 8, right = width - 24, top = 44.0
    let barHeight = years.count > 1 ? Swift.max(4, Swift.min(10, 30 / Double(years.count))) : 14
    let groupHeight = barHeight * Double(years.count) + 8
    let plotH = groupHeight * Double(series.count)
    let bottom = top + plotH
    let ratios = bars.compactMap(\.y) + [0, 1]
    let scale = NiceScale(min: 0, max: ratios.max() ?? 1, ticks: 6)
    func px(_ r: Double) -> Double { left + (r - scale.lower) / (scale.upper - scale.lower) * (right - left) }

    var out = "<g class=\"x-axis\" fill=\"#555555\" font-size=\"11\">\n"
    for tick in scale.ticks {
      let x = Self.c(px(tick))
      out += "<line x1=\"\(x)\" y1=\"\(Self.c(top))\" x2=\"\(x)\" y2=\"\(Self.c(bottom))\" stroke=\"#e3e3e3\"/>"
      out += "<text x=\"\(x)\" y=\"\(Self.c(bottom + 16))\" text-anchor=\"middle\">\(Markup.escape(scale.label(tick, percent: true)))</text>\n"
    }
    out += "<text x=\"\(Self.c((left + right) / 2))\" y=\"\(Self.c(bottom + 34))\" text-anchor=\"middle\" fill=\"#333333\" font-size=\"12\">\(Markup.escape(options.yTitle(data.yMeasure)))</text>\n"
    out += "</g>\n<g class=\"marks\">\n"
    for (i, name) in series.enumerated() {
      let groupTop = top + Double(i) * groupHeight + 4
      let label = Markup.truncate(name, width: labelWidth, fontSize: fontSize)
      out += "<text x=\"\(Self.c(left - 6))\" y=\"\(Self.c(groupTop + (groupHeight - 8) / 2 + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#333333\">\(Markup.escape(label))<title>\(Markup.escape(name))</title></text>\n"
      for (j, year) in years.enumerated() {
        guard let p = bars.first(where: { $0.series == name && $0.x == year }) else { continue }
        let y = groupTop + Double(j) * barHeight
        let fill = ChartOptions.statusColour(p.status)
        if let r = p.y {  // a zero still shows as a 1.5 px sliver
          out += "<rect x=\"\(Self.c(px(0)))\" y=\"\(Self.c(y))\" width=\"\(Self.c(Swift.max(1.5, px(r) - px(0))))\" height=\"\(Self.c(barHeight - 1))\" fill=\"\(fill)\"><title>\(Markup.escape(markTitle(p)))</title></rect>\n"
        } else {
          // No ratio (zero-event or milestone targets, or no data): a status marker at 0.
          let cx = px(0) + 5, cy = y + (barHeight - 1) / 2, s = Swift.max(2.5, (barHeight - 1) / 2)
          out += "<path d=\"M\(Self.c(cx - s)) \(Self.c(cy))L\(Self.c(cx)) \(Self.c(cy - s))L\(Self.c(cx + s)) \(Self.c(cy))L\(Self.c(cx)) \(Self.c(cy + s))Z\" fill=\"\(fill)\"><title>\(Markup.escape(markTitle(p)))</title></path>\n"
        }
      }
    }
    out += "<line x1=\"\(Self.c(px(1)))\" y1=\"\(Self.c(top - 4))\" x2=\"\(Self.c(px(1)))\" y2=\"\(Self.c(bottom))\" stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
    out += "</g>\n"
    var entries = ChartOptions.statusOrder.filter { s in bars.contains { $0.status == s } }.map {
      LegendEntry(swatch: .box(ChartOptions.statusColour($0)), label: options.statusLabel($0))
    }
    entries.append(LegendEntry(swatch: .line("#333333", dashed: true), label: options.ruleLabel(data.yMeasure)))
    if years.count > 1 {
      let order = options.xLabel(years.first!, axis: .year) + " → " + options.xLabel(years.last!, axis: .year)
      entries.append(LegendEntry(swatch: .box("#ffffff"), label: options.text("每組長條由上而下：\(order)", "Bars in each group, top to bottom: \(order)")))
    }
    let (legendText, legendHeight) = legend(entries, top: bottom + 40)
    let height = bottom + 40 + legendHeight + 8
    return header(height: height) + out + legendText + "</svg>\n"
  }
}
