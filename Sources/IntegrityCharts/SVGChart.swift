/// A chart drawn natively as SVG 1.1, with no external renderer.
///
/// Output is deterministic (same data → same bytes): coordinates are rounded to 0.01 px
/// and printed in shortest form, colours come from fixed palettes, and nothing depends on
/// the clock, the locale or hashing order. All text is XML-escaped. The root carries
/// `role="img"` with `<title>` and `<desc>` (WAI-ARIA Graphics; SVG 1.1 §5.4), each mark
/// has its own `<title>` with the values it shows, and the font stack names Noto Sans CJK TC,
/// PingFang TC and Microsoft JhengHei before `sans-serif` so Chinese text renders on Linux,
/// macOS and Windows. Axis ticks are Heckbert's nice numbers (`NiceScale`).
public struct SVGChart: Sendable {
  public var data: ChartData
  public var options: ChartOptions
  /// Total width in px.
  public var width: Double
  /// Height of the plotting area in px (XY charts; bar charts size by rows).
  public var plotHeight: Double
  /// Prefix for element ids, unique per chart when several share one HTML page.
  public var idPrefix: String

  public static let fontFamily = "'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif"

  public init(
    _ data: ChartData, options: ChartOptions = ChartOptions(), width: Double = 720, plotHeight: Double = 300,
    idPrefix: String = "chart"
  ) {
    self.data = data
    self.options = options
    self.width = width
    self.plotHeight = plotHeight
    self.idPrefix = idPrefix
  }

  /// The SVG document (no XML declaration, so it can be inlined in HTML), ending with a newline.
  public var text: String {
    data.kind == .achievement ? barChart() : xyChart()
  }

  // MARK: - Shared pieces

  var title: String { data.title ?? options.title(data.kind) }
  var chartText: ChartText { ChartText(data: data, options: options) }

  func header(height: Double) -> String {
    let t = "\(idPrefix)-title", d = "\(idPrefix)-desc"
    return """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Markup.coordinate(width))" height="\(Markup.coordinate(height))" \
      viewBox="0 0 \(Markup.coordinate(width)) \(Markup.coordinate(height))" role="img" aria-labelledby="\(t) \(d)" \
      font-family="\(SVGChart.fontFamily)" font-size="12">
      <title id="\(t)">\(Markup.escape(title))</title>
      <desc id="\(d)">\(Markup.escape(chartText.description))</desc>
      <rect x="0" y="0" width="\(Markup.coordinate(width))" height="\(Markup.coordinate(height))" fill="#ffffff"/>
      <text x="16" y="24" font-size="15" font-weight="bold" fill="#222222">\(Markup.escape(Markup.truncate(title, width: width - 32, fontSize: 15)))</text>

      """
  }

  func colour(group: String) -> String {
    let index = data.groupNames.firstIndex(of: group) ?? 0
    return Palette.series[index % Palette.series.count]
  }

  static func c(_ x: Double) -> String { Markup.coordinate(x) }

  /// A legend entry: a swatch and a label.
  struct LegendEntry {
    enum Swatch { case line(String, dashed: Bool), box(String, stroke: String? = nil), interval(String) }
    var swatch: Swatch
    var label: String
  }

  /// Legend entries flowed in rows below the plot, starting at `top`; returns the markup and its height.
  func legend(_ entries: [LegendEntry], top: Double) -> (String, Double) {
    guard !entries.isEmpty else { return ("", 0) }
    let fontSize = 11.0, rowHeight = 18.0, left = 16.0, right = width - 16
    let maxLabel = 260.0
    var out = "<g class=\"legend\">\n"
    var x = left, y = top + 12
    for entry in entries {
      let label = Markup.truncate(entry.label, width: maxLabel, fontSize: fontSize)
      let w = 22 + Markup.textWidth(label, fontSize: fontSize) + 14
      if x + w > right && x > left { x = left; y += rowHeight }
      let sx = Self.c(x), sy = Self.c(y)
      switch entry.swatch {
      case .line(let colour, let dashed):
        out += "<line x1=\"\(sx)\" y1=\"\(sy)\" x2=\"\(Self.c(x + 16))\" y2=\"\(sy)\" stroke=\"\(colour)\" stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"5 3\"" : "")/>"
      case .box(let colour, let stroke):
        out += "<rect x=\"\(sx)\" y=\"\(Self.c(y - 5))\" width=\"16\" height=\"10\" fill=\"\(colour)\"\(stroke.map { " stroke=\"\($0)\"" } ?? "")/>"
      case .interval(let colour):
        out += "<path d=\"M\(Self.c(x + 8)) \(Self.c(y - 6))V\(Self.c(y + 6))M\(Self.c(x + 4)) \(Self.c(y - 6))H\(Self.c(x + 12))M\(Self.c(x + 4)) \(Self.c(y + 6))H\(Self.c(x + 12))\" stroke=\"\(colour)\" stroke-width=\"1.5\" fill=\"none\"/>"
      }
      out += "<text x=\"\(Self.c(x + 22))\" y=\"\(Self.c(y + 4))\" font-size=\"\(Self.c(fontSize))\" fill=\"#333333\">\(Markup.escape(label))"
      if label != entry.label { out += "<title>\(Markup.escape(entry.label))</title>" }
      out += "</text>\n"
      x += w
    }
    out += "</g>\n"
    return (out, y - top + rowHeight)
  }
}
