/// One row of chart data: the tidy long form `series,x,y,kind,lower,upper`.
///
/// `x` is a number: a Gregorian year for yearly charts, the quarter 1…4 for the
/// quarterly pace chart. `y` is nil when the figure is missing (a gap, never NaN).
/// `lower`/`upper` carry an interval (a band or an error bar). `group` decides the
/// colour (the series itself, or e.g. the year of a quarterly line), and `status`
/// carries an achievement or pace status for colouring; `panel` puts the point in one of
/// several small multiples (an office of the quarterly chart, a series of a trend chart),
/// and `unit` is the unit of `y` (`元`, `件`, …) when known. None of these is printed in
/// the tidy table, whose columns are exactly the commands' columns.
public struct ChartPoint: Sendable, Equatable {
  public var series: String
  public var x: Double
  public var y: Double?
  public var kind: PointKind
  public var lower: Double?
  public var upper: Double?
  /// The colour group (defaults to the series).
  public var group: String
  /// An achievement/pace status (`achieved`, `near`, `on-track`, …) when the source has one.
  public var status: String?
  /// The small multiple the point is drawn in (nil: one plot).
  public var panel: String?
  /// The unit of `y`, `lower` and `upper` (base units, e.g. `元`), when known.
  public var unit: String?

  public init(
    series: String, x: Double, y: Double?, kind: PointKind, lower: Double? = nil,
    upper: Double? = nil, group: String? = nil, status: String? = nil, panel: String? = nil, unit: String? = nil
  ) {
    self.panel = panel
    self.unit = unit
    self.series = series
    self.x = x
    self.y = y
    self.kind = kind
    self.lower = lower
    self.upper = upper
    self.group = group ?? series
    self.status = status
  }
}
