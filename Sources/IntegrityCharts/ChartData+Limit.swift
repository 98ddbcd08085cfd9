extension ChartData {
  /// A bar chart with at most `maxBars` bar series: all when they fit, else the lowest and the
  /// highest halves ranked by the `y` of their latest bar (the largest `x`; a bar without `y`
  /// ranks by its status: achieved or on-track above every ratio, any other status below), in
  /// their original order.
  /// Other kinds of chart are returned as they are.
  ///
  /// - Returns: the chart, how many bar series it draws and how many there were.
  public func limitingBars(to maxBars: Int) -> (data: ChartData, shown: Int, total: Int) {
    guard kind == .achievement else { return (self, 0, 0) }
    let bars = points.filter { $0.kind == .observed }
    let series = ChartData.ordered(bars.map(\.series))
    guard series.count > maxBars, maxBars > 0 else { return (self, series.count, series.count) }
    func rank(_ p: ChartPoint) -> Double {
      if let y = p.y { return y }
      return p.status == "achieved" || p.status == "on-track" ? .infinity : -.infinity
    }
    var latest: [String: (x: Double, rank: Double)] = [:]
    for p in bars where p.x >= (latest[p.series]?.x ?? -.infinity) { latest[p.series] = (p.x, rank(p)) }
    let best = latest.mapValues(\.rank)
    let ranked = series.enumerated().sorted { a, b in
      let ra = best[a.element]!, rb = best[b.element]!
      return ra != rb ? ra < rb : a.offset < b.offset
    }.map(\.element)
    let half = maxBars / 2
    let keep = Set(ranked.prefix(half) + ranked.suffix(maxBars - half))
    var copy = self
    copy.points = points.filter { $0.kind != .observed || keep.contains($0.series) }
    return (copy, keep.count, series.count)
  }
}

extension ChartData {
  /// At most `maxPanels` small multiples: all when they fit, else the lowest and the highest
  /// halves ranked by each panel's last observed value (its latest x; a panel with none
  /// ranks lowest), in their original order. Points without a panel (shared references such
  /// as the expected pace) are kept.
  ///
  /// - Returns: the chart, how many panels it draws and how many there were.
  public func limitingPanels(to maxPanels: Int) -> (data: ChartData, shown: Int, total: Int) {
    let panels = panelNames
    guard panels.count > maxPanels, maxPanels > 0 else { return (self, panels.count, panels.count) }
    var last: [String: (x: Double, y: Double)] = [:]
    for p in points where p.kind == .observed {
      guard let panel = p.panel, let y = p.y else { continue }
      if let known = last[panel], known.x > p.x || (known.x == p.x && known.y >= y) { continue }
      last[panel] = (p.x, y)
    }
    let ranked = panels.enumerated().sorted { a, b in
      let ra = last[a.element]?.y ?? -.infinity, rb = last[b.element]?.y ?? -.infinity
      return ra != rb ? ra < rb : a.offset < b.offset
    }.map(\.element)
    let half = maxPanels / 2
    let keep = Set(ranked.prefix(half) + ranked.suffix(maxPanels - half))
    var copy = self
    copy.points = points.filter { $0.panel == nil || keep.contains($0.panel!) }
    return (copy, keep.count, panels.count)
  }
}
