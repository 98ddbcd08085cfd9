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
        added.append(ChartPoint(series: series, x: p.x, y: p.y, kind: .observed, group: group))
      }
    }
    copy.points = added + points
    return copy
  }
}
