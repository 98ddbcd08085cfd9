import IntegrityTables

/// A Vega-Lite v5 specification of a chart, with its data inlined.
///
/// The spec is a plain JSON document (`JSONValue`, keys in a fixed order, so the same
/// data gives the same bytes) that any Vega-Lite v5 renderer draws as it is: the online
/// editor, `vl-convert`, Altair, Observable. Layers per chart kind:
///
/// - achievement: horizontal bars of the ratio per (indicator · agency), one bar per year
///   (`yOffset`), coloured by status (`Palette`) and labelled `year · ratio · status`; rows
///   without a ratio (zero-event and milestone targets, no data) as labelled diamonds at 0;
///   a dashed rule at ratio 1 (the target);
/// - quarterly: small multiples (`facet`), one per office, cumulative-rate lines coloured by
///   year against the dashed expected pace q/4;
/// - trend: observed points, fitted line, dashed projection and the projection interval
///   as an error bar; several series are faceted, each with its own y axis (units differ);
/// - value axes name their unit, amounts in 萬元/億元 (`AxisUnit`);
/// - survey: points joined by lines with Wilson intervals as error bars;
/// - observations, tidy: lines with points, targets dashed, and any fitted, projection
///   and band rows.
///
/// Reference: Vega-Lite v5 documentation, https://vega.github.io/vega-lite/docs/ (layer,
/// errorbar, yOffset); the tests validate every spec against the v5 JSON schema that ships
/// inside the `altair` package and render it with `vl-convert`.
public struct VegaLiteSpec: Sendable {
  public var data: ChartData
  public var options: ChartOptions
  public var width: Int
  public var height: Int

  /// The schema every spec names.
  public static let schema = "https://vega.github.io/schema/vega-lite/v5.json"

  /// The CJK-capable font stack of every chart (Traditional Chinese first).
  public static let fontStack = "\"Noto Sans CJK TC\", \"PingFang TC\", \"Microsoft JhengHei\", sans-serif"

  public init(_ data: ChartData, options: ChartOptions = ChartOptions(), width: Int = 640, height: Int = 360) {
    self.data = data
    self.options = options
    self.width = width
    self.height = height
  }

  /// The spec as JSON.
  public var json: JSONValue {
    let title = data.title ?? options.title(data.kind)
    var members: [(String, JSONValue)] = [
      ("$schema", .string(Self.schema)),
      ("description", .string(description)),
      ("title", .object([("text", .string(title))])),
      ("width", .integer(width)),
    ]
    if data.kind == .achievement {
      // With `yOffset`, the step is the height of one bar (one year within a group), tall
      // enough for its label.
      members.append(("height", .object([("step", .integer(15))])))
    } else {
      members.append(("height", .integer(height)))
    }
    let panels = data.kind == .achievement ? [] : data.panelNames
    if panels.count > 1 {
      // Small multiples: the layers once per panel; rows without a panel (targets) in each.
      let quarterly = data.kind == .quarterly
      members.removeAll { $0.0 == "width" || $0.0 == "height" }
      var rows: [JSONValue] = []
      for p in data.points {
        if p.panel != nil { rows.append(value(p)); continue }
        for panel in panels { var q = p; q.panel = panel; rows.append(value(q)) }
      }
      members += [
        ("config", config),
        ("data", .object([("values", .array(rows))])),
        ("facet", .object([
          ("field", .string("panel")), ("type", .string("nominal")), ("title", .null),
          ("sort", .array(panels.map(JSONValue.string))),
        ])),
        ("columns", .integer(quarterly ? 4 : 1)),
        ("spec", .object([
          ("width", .integer(quarterly ? 150 : width)), ("height", .integer(quarterly ? 110 : Swift.min(height, 240))),
          ("layer", .array(xyLayers)),
        ])),
        ("resolve", .object([("scale", .object([("y", .string(quarterly ? "shared" : "independent"))]))])),
      ]
      return .object(members)
    }
    members += [
      ("config", config),
      ("data", .object([("values", .array(data.points.map(value)))])),
      ("layer", .array(data.kind == .achievement ? achievementLayers : xyLayers)),
    ]
    return .object(members)
  }

  /// The serialized spec, indented, ending with a newline.
  public var text: String { json.serialized(indent: 2) + "\n" }

  /// One sentence saying what the chart shows (also the SVG `<desc>`).
  public var description: String { ChartText(data: data, options: options).description }

  var config: JSONValue {
    .object([
      ("font", .string(Self.fontStack)),
      ("axis", .object([("labelFontSize", .integer(11)), ("titleFontSize", .integer(12))])),
      ("legend", .object([("labelFontSize", .integer(11)), ("titleFontSize", .integer(12)), ("labelLimit", .integer(260))])),
    ])
  }

  /// One inlined data row: the tidy fields plus display labels.
  func value(_ p: ChartPoint) -> JSONValue {
    func number(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
    return .object([
      ("series", .string(p.series)),
      ("x", .number(p.x)),
      ("y", number(p.y)),
      ("kind", .string(p.kind.rawValue)),
      ("lower", number(p.lower)),
      ("upper", number(p.upper)),
      ("group", .string(p.group)),
      ("x_label", .string(options.xLabel(p.x, axis: data.xAxis))),
      ("kind_label", .string(options.kindLabel(p.kind, chart: data.kind))),
      ("status", p.status.map(JSONValue.string) ?? .null),
      ("status_label", p.status.map { .string(options.statusLabel($0)) } ?? .null),
      ("panel", p.panel.map(JSONValue.string) ?? .null),
      ("label", .string(barLabel(p))),
    ])
  }

  /// `2024 · 108.8% · 達成`: the text beside an achievement bar (as `SVGChart.barLabel`).
  func barLabel(_ p: ChartPoint) -> String {
    SVGChart(data, options: options).barLabel(p)
  }

  /// The value-axis unit (`AxisUnit`, as in the SVG): 萬元/億元 for amounts.
  var axisUnit: AxisUnit { SVGChart(data, options: options).axisUnit(for: data.points) }

  var isPercent: Bool { data.yMeasure != .value }

  func filter(_ kind: PointKind) -> JSONValue {
    .array([.object([("filter", .object([("field", .string("kind")), ("equal", .string(kind.rawValue))]))])])
  }

  var xEncoding: JSONValue {
    var axis: [(String, JSONValue)] = [("title", .string(options.xTitle(data.xAxis)))]
    switch data.xAxis {
    case .year:
      axis.append(("tickMinStep", .integer(1)))
      if options.rocYears {
        let expr = options.language == .zhTW ? "(datum.value - 1911) + '年'" : "'ROC ' + (datum.value - 1911)"
        axis.append(("labelExpr", .string(expr)))
      } else {
        axis.append(("format", .string("d")))
      }
    case .quarter:
      axis.append(("tickMinStep", .integer(1)))
      let expr = options.language == .zhTW ? "'第' + datum.value + '季'" : "'Q' + datum.value"
      axis.append(("labelExpr", .string(expr)))
      axis.append(("values", .array((1...4).map { JSONValue.integer($0) })))
    }
    var scale: [(String, JSONValue)] = [("zero", .bool(false))]
    if data.xAxis == .quarter { scale.append(("domain", .array([.integer(1), .integer(4)]))) }
    return .object([
      ("field", .string("x")), ("type", .string("quantitative")),
      ("scale", .object(scale)), ("axis", .object(axis)),
    ])
  }

  func yEncoding(field: String = "y", title: Bool = true) -> JSONValue {
    var axis: [(String, JSONValue)] = []
    if isPercent { axis.append(("format", .string("%"))) }
    let unit = axisUnit
    if !isPercent && unit.divisor != 1 {
      axis.append(("labelExpr", .string("format(datum.value / \(Int(unit.divisor)), ',')")))
    }
    var members: [(String, JSONValue)] = [("field", .string(field)), ("type", .string("quantitative"))]
    if title {
      // Small multiples repeat the title on every row: the short form there.
      let faceted = data.kind != .achievement && data.panelNames.count > 1
      let percentTitle = faceted && data.yMeasure == .cumulativeRate ? options.text("累計達成率", "Cumulative rate") : options.yTitle(data.yMeasure)
      members.append(("title", .string(isPercent ? percentTitle : unit.title(options))))
    } else {
      members.append(("title", .null))
    }
    if !axis.isEmpty { members.append(("axis", .object(axis))) }
    if data.yMeasure == .value { members.append(("scale", .object([("zero", .bool(false))]))) }
    return .object(members)
  }

  var colourEncoding: JSONValue {
    let groups = data.groupNames
    let range = groups.indices.map { JSONValue.string(Palette.series[$0 % Palette.series.count]) }
    let title: String
    switch data.kind {
    case .quarterly: title = options.xTitle(.year)
    case .survey: title = options.text("指標", "Indicator")
    default: title = options.text("數列", "Series")
    }
    return .object([
      ("field", .string("group")), ("type", .string("nominal")), ("title", .string(title)),
      ("scale", .object([("domain", .array(groups.map(JSONValue.string))), ("range", .array(range))])),
    ])
  }

  var tooltip: JSONValue {
    .array([
      .object([("field", .string("series")), ("type", .string("nominal")), ("title", .string(options.text("數列", "Series")))]),
      .object([("field", .string("x_label")), ("type", .string("nominal")), ("title", .string(options.xTitle(data.xAxis)))]),
      .object([
        ("field", .string("y")), ("type", .string("quantitative")), ("title", .string(options.yTitle(data.yMeasure))),
        ("format", .string(isPercent ? ".1%" : ",.4~g")),
      ]),
    ])
  }

  var xyLayers: [JSONValue] {
    // Targets last, so the expected pace or target line is drawn on top.
    var layers: [JSONValue] = []
    let present = Set(data.points.map(\.kind))
    if present.contains(.band) {
      layers.append(.object([
        ("transform", filter(.band)),
        ("mark", .object([("type", .string("errorbar")), ("ticks", .bool(true)), ("thickness", .number(1.5))])),
        ("encoding", .object([
          ("x", xEncoding), ("y", yEncoding(field: "lower")),
          ("y2", .object([("field", .string("upper"))])), ("color", colourEncoding),
        ])),
      ]))
    }
    if present.contains(.fitted) {
      layers.append(line(.fitted, dashed: false, points: false))
    }
    if present.contains(.projection) {
      layers.append(line(.projection, dashed: true, points: false))
    }
    if present.contains(.observed) {
      if data.kind == .trend {
        layers.append(.object([
          ("transform", filter(.observed)),
          ("mark", .object([("type", .string("point")), ("filled", .bool(true)), ("size", .integer(40))])),
          ("encoding", .object([("x", xEncoding), ("y", yEncoding()), ("color", colourEncoding), ("tooltip", tooltip)])),
        ]))
      } else {
        layers.append(line(.observed, dashed: false, points: true))
      }
    }
    if present.contains(.target) {
      var encoding: [(String, JSONValue)] = [("x", xEncoding), ("y", yEncoding())]
      if data.kind == .observations || data.kind == .tidy { encoding.append(("detail", .object([("field", .string("series")), ("type", .string("nominal"))]))) }
      layers.append(.object([
        ("transform", filter(.target)),
        ("mark", .object([
          ("type", .string("line")), ("color", .string("#333333")), ("strokeDash", .array([.integer(6), .integer(4)])),
          ("strokeWidth", .number(2)),
        ])),
        ("encoding", .object(encoding)),
      ]))
    }
    return layers
  }

  func line(_ kind: PointKind, dashed: Bool, points: Bool) -> JSONValue {
    var mark: [(String, JSONValue)] = [("type", .string("line"))]
    if dashed { mark.append(("strokeDash", .array([.integer(6), .integer(4)]))) }
    if points { mark.append(("point", .bool(true))) }
    var encoding: [(String, JSONValue)] = [("x", xEncoding), ("y", yEncoding()), ("color", colourEncoding)]
    encoding.append(("detail", .object([("field", .string("series")), ("type", .string("nominal"))])))
    if kind == .observed { encoding.append(("tooltip", tooltip)) }
    return .object([("transform", filter(kind)), ("mark", .object(mark)), ("encoding", .object(encoding))])
  }

  var achievementLayers: [JSONValue] {
    let statuses = ChartOptions.statusOrder.filter { s in data.points.contains { $0.status == s } }
    let yField: JSONValue = .object([
      ("field", .string("series")), ("type", .string("nominal")), ("sort", .null),
      ("title", .null), ("axis", .object([("labelLimit", .integer(320))])),
    ])
    let yOffset: JSONValue = .object([("field", .string("x_label")), ("type", .string("nominal"))])
    let colour: JSONValue = .object([
      ("field", .string("status_label")), ("type", .string("nominal")),
      ("title", .string(options.text("狀態", "Status"))),
      ("scale", .object([
        ("domain", .array(statuses.map { .string(options.statusLabel($0)) })),
        ("range", .array(statuses.map { .string(Palette.swatch($0).fill) })),
      ])),
    ])
    let stroke: JSONValue = .object([
      ("field", .string("status_label")), ("type", .string("nominal")), ("legend", .null),
      ("scale", .object([
        ("domain", .array(statuses.map { .string(options.statusLabel($0)) })),
        ("range", .array(statuses.map { .string(Palette.swatch($0).stroke) })),
      ])),
    ])
    let tooltip: JSONValue = .array([
      .object([("field", .string("series")), ("type", .string("nominal")), ("title", .string(options.text("數列", "Series")))]),
      .object([("field", .string("x_label")), ("type", .string("nominal")), ("title", .string(options.xTitle(.year)))]),
      .object([("field", .string("y")), ("type", .string("quantitative")), ("title", .string(options.yTitle(data.yMeasure))), ("format", .string(".1%"))]),
      .object([("field", .string("status_label")), ("type", .string("nominal")), ("title", .string(options.text("狀態", "Status")))]),
    ])
    let xRatio: JSONValue = .object([
      ("field", .string("y")), ("type", .string("quantitative")),
      ("title", .string(options.yTitle(data.yMeasure))), ("axis", .object([("format", .string("%"))])),
    ])
    let observed: JSONValue = .object([("filter", .object([("field", .string("kind")), ("equal", .string("observed"))]))])
    func only(_ test: String) -> JSONValue { .array([observed, .object([("filter", .string(test))])]) }
    // Bars where there is a ratio.
    let bar: JSONValue = .object([
      ("transform", only("isValid(datum.y)")),
      ("mark", .object([("type", .string("bar")), ("strokeWidth", .number(0.8))])),
      ("encoding", .object([
        ("y", yField), ("yOffset", yOffset), ("x", xRatio), ("color", colour), ("stroke", stroke), ("tooltip", tooltip),
      ])),
    ])
    // Zero-event and milestone targets and rows without data: a diamond at 0, as in the SVG.
    let marker: JSONValue = .object([
      ("transform", only("!isValid(datum.y)")),
      ("mark", .object([("type", .string("point")), ("shape", .string("diamond")), ("filled", .bool(true)), ("size", .integer(90)), ("strokeWidth", .number(0.8))])),
      ("encoding", .object([
        ("y", yField), ("yOffset", yOffset), ("x", .object([("datum", .integer(0)), ("type", .string("quantitative"))])),
        ("color", colour), ("stroke", stroke), ("tooltip", tooltip),
      ])),
    ])
    // The year, ratio and status word beside every bar or marker.
    let label: JSONValue = .object([
      ("transform", .array([observed, .object([("calculate", .string("isValid(datum.y) ? datum.y : 0")), ("as", .string("label_x"))])])),
      ("mark", .object([
        ("type", .string("text")), ("align", .string("left")), ("dx", .integer(8)), ("fontSize", .integer(10)),
        ("color", .string(Palette.ink)),
      ])),
      ("encoding", .object([
        ("y", yField), ("yOffset", yOffset), ("x", .object([("field", .string("label_x")), ("type", .string("quantitative"))])),
        ("text", .object([("field", .string("label")), ("type", .string("nominal"))])),
      ])),
    ])
    let rule: JSONValue = .object([
      ("transform", filter(.target)),
      ("mark", .object([("type", .string("rule")), ("color", .string(Palette.reference)), ("strokeDash", .array([.integer(4), .integer(3)]))])),
      ("encoding", .object([("x", .object([("field", .string("y")), ("type", .string("quantitative"))]))])),
    ])
    return [rule, bar, marker, label]  // the rule under the bars and their labels
  }
}
