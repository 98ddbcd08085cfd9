/// Horizontal bar charts: achievement ratios and quarterly pace, coloured by status
/// (`Palette`) and labelled at the bar's end with the year, the ratio and the status word,
/// so neither the year nor the status depends on colour or on hovering.
extension SVGChart {
  // MARK: - Achievement bars

  func barChart() -> String {
    let bars = data.points.filter { $0.kind == .observed }
    let series = ChartData.ordered(bars.map(\.series))
    let years = Array(Set(bars.map(\.x))).sorted()
    let fontSize = 11.0
    let labelWidth = Swift.min(260, (series.map { Markup.textWidth($0, fontSize: fontSize) }.max() ?? 40) + 4)
    let valueLabelWidth = 130.0  // room for "2024 · 108.8% · 達成" after the longest bar
    let left = 16 + labelWidth + 8, right = width - 24 - valueLabelWidth, top = 44.0
    let barHeight = 15.0
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
    // The reference rule first, so the bar labels' white halo keeps them legible across it.
    out += "<line x1=\"\(Self.c(px(1)))\" y1=\"\(Self.c(top - 4))\" x2=\"\(Self.c(px(1)))\" y2=\"\(Self.c(bottom))\" stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
    for (i, name) in series.enumerated() {
      let groupTop = top + Double(i) * groupHeight + 4
      let label = Markup.truncate(name, width: labelWidth, fontSize: fontSize)
      out += "<text x=\"\(Self.c(left - 6))\" y=\"\(Self.c(groupTop + (groupHeight - 8) / 2 + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#333333\">\(Markup.escape(label))<title>\(Markup.escape(name))</title></text>\n"
      for (j, year) in years.enumerated() {
        guard let p = bars.first(where: { $0.series == name && $0.x == year }) else { continue }
        let y = groupTop + Double(j) * barHeight
        let swatch = Palette.swatch(p.status)
        let end: Double
        if let r = p.y {  // a zero still shows as a 1.5 px sliver
          end = px(0) + Swift.max(1.5, px(r) - px(0))
          out += "<rect x=\"\(Self.c(px(0)))\" y=\"\(Self.c(y))\" width=\"\(Self.c(Swift.max(1.5, px(r) - px(0))))\" height=\"\(Self.c(barHeight - 2))\" fill=\"\(swatch.fill)\" stroke=\"\(swatch.stroke)\" stroke-width=\"0.8\"><title>\(Markup.escape(markTitle(p)))</title></rect>\n"
        } else {
          // No ratio (zero-event or milestone targets, or no data): a status marker at 0.
          let cx = px(0) + 6, cy = y + (barHeight - 2) / 2, s = (barHeight - 2) / 2
          end = cx + s
          out += "<path d=\"M\(Self.c(cx - s)) \(Self.c(cy))L\(Self.c(cx)) \(Self.c(cy - s))L\(Self.c(cx + s)) \(Self.c(cy))L\(Self.c(cx)) \(Self.c(cy + s))Z\" fill=\"\(swatch.fill)\" stroke=\"\(swatch.stroke)\" stroke-width=\"0.8\"><title>\(Markup.escape(markTitle(p)))</title></path>\n"
        }
        out += "<text x=\"\(Self.c(end + 4))\" y=\"\(Self.c(y + barHeight - 5))\" font-size=\"10\" fill=\"#222222\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(Markup.escape(barLabel(p)))</text>\n"
      }
    }
    out += "</g>\n"
    var entries = ChartOptions.statusOrder.filter { s in bars.contains { $0.status == s } }.map {
      LegendEntry(swatch: .box(Palette.swatch($0).fill, stroke: Palette.swatch($0).stroke), label: options.statusLabel($0))
    }
    entries.append(LegendEntry(swatch: .line("#333333", dashed: true), label: options.ruleLabel(data.yMeasure)))
    let (legendText, legendHeight) = legend(entries, top: bottom + 40)
    let height = bottom + 40 + legendHeight + 8
    return header(height: height) + out + legendText + "</svg>\n"
  }

  /// The text after a bar: `2024 · 108.8% · 達成` (the year, the ratio or pace, the status word).
  func barLabel(_ p: ChartPoint) -> String {
    var parts = [options.xLabel(p.x, axis: .year)]
    if let y = p.y { parts.append(NiceScale.fixed(y * 100, digits: 1) + "%") }
    if let status = p.status { parts.append(options.statusLabel(status)) }
    return parts.joined(separator: " · ")
  }
}
