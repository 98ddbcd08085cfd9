/// Chart-ready data: what is drawn, independent of how (tidy CSV, Vega-Lite, SVG).
///
/// Built from a result table of `achievement`, `quarterly`, `trend` or `survey`, from
/// observations, or from tidy chart data read back (`ChartData+Recognition.swift`).
public struct ChartData: Sendable, Equatable {
  /// What the chart shows.
  public var kind: ChartKind
  /// The rows, in drawing order.
  public var points: [ChartPoint]
  /// What `x` means.
  public var xAxis: XAxis
  /// What `y` means (decides the axis title and number format).
  public var yMeasure: YMeasure
  /// An optional title (e.g. the indicator's name); the default title depends on `kind`.
  public var title: String?

  /// The x axis: calendar years or quarters of a year.
  public enum XAxis: String, Sendable, Hashable, Codable {
    case year
    case quarter
  }

  /// The quantity on the y axis.
  public enum YMeasure: String, Sendable, Hashable, Codable {
    /// An achievement ratio (1 = 100 %).
    case ratio
    /// A cumulative rate against the annual target (1 = 100 %).
    case cumulativeRate
    /// Quarterly pace: cumulative rate ÷ expected rate q/4 (1 = on track).
    case pace
    /// A proportion in [0, 1].
    case proportion
    /// A reported figure in its own unit.
    case value
  }

  public init(
    kind: ChartKind, points: [ChartPoint], xAxis: XAxis = .year, yMeasure: YMeasure = .value,
    title: String? = nil
  ) {
    self.kind = kind
    self.points = points
    self.xAxis = xAxis
    self.yMeasure = yMeasure
    self.title = title
  }

  /// Series names in order of first appearance.
  public var seriesNames: [String] { Self.ordered(points.map(\.series)) }

  /// Colour groups in order of first appearance (points of kind `target` excluded).
  public var groupNames: [String] {
    Self.ordered(points.filter { $0.kind != .target }.map(\.group))
  }

  /// Panels (small multiples) in order of first appearance; empty or one: a single plot.
  public var panelNames: [String] { Self.ordered(points.compactMap(\.panel)) }

  /// The unit shared by every point that has one (nil when none is known or they differ).
  public var unit: String? {
    let units = Set(points.compactMap(\.unit))
    return units.count == 1 ? units.first : nil
  }

  /// The points of one kind, in order.
  public func points(kind: PointKind) -> [ChartPoint] { points.filter { $0.kind == kind } }

  static func ordered(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  /// The points whose series is `name`.
  public func subset(series name: String) -> ChartData {
    var copy = self
    copy.points = points.filter { $0.series == name }
    return copy
  }
}
