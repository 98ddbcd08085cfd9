extension ChartData {
  /// This trend chart with the observed values of `observations` drawn as points.
  ///
  /// A trend series is matched to the observation series with the same name (its `group`,
  /// `indicator · agency` without any ` (model)` suffix). Only whole-year observations are
  /// added: a trend is fitted to yearly values, so quarterly rows are not drawn on it.
  public func addingObservations(_ observations: ChartData) -> ChartData {
    var copy = self
    var added: [ChartPoint] = []
    for series in seriesNames {
      guard let group = points.first(where: { $0.series == series })?.group else { continue }
      for p in observations.points where p.kind == .observed && p.series == group && p.x == p.x.rounded() {
        added.append(ChartPoint(series: series, x: p.x, y: p.y, kind: .observed, group: group, panel: group, unit: p.unit))
      }
    }
    // The fitted and projected values are in the observations' unit.
    var unitOf: [String: String] = [:]
    for p in added { if let u = p.unit { unitOf[p.series] = u } }
    copy.points = added + points.map { var p = $0; if p.unit == nil { p.unit = unitOf[p.series] }; return p }
    return copy
  }
}
