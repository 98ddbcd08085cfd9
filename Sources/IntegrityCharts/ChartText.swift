/// Plain-language text about a chart: its accessible description and value labels.
struct ChartText {
  var data: ChartData
  var options: ChartOptions

  /// One or two sentences: what is drawn, over which range, and how many series.
  var description: String {
    let observed = data.points.filter { $0.kind != .target }
    let xs = observed.map(\.x)
    let series = data.groupNames.count
    var range = ""
    if let lo = xs.min(), let hi = xs.max() {
      range = lo == hi ? options.xLabel(lo, axis: data.xAxis)
        : options.xLabel(lo, axis: data.xAxis) + options.text("至", "–") + options.xLabel(hi, axis: data.xAxis)
    }
    let title = data.title ?? options.title(data.kind)
    if xs.isEmpty { return options.text("\(title)：沒有資料。", "\(title): no data.") }
    switch data.kind {
    case .achievement where data.yMeasure == .pace:
      return options.text(
        "\(title)：\(data.seriesNames.count - 1) 個單位，長條為最新一季的進度比，顏色表示狀態，虛線為符合進度（100%）。",
        "\(title): \(data.seriesNames.count - 1) offices; bars show the pace at the latest quarter coloured by status, the dashed rule marks on-track (100%).")
    case .achievement:
      return options.text(
        "\(title)：\(data.seriesNames.count - 1) 個指標與機關組合，\(range)，長條為達成率，顏色表示狀態，虛線為目標（100%）。",
        "\(title): \(data.seriesNames.count - 1) indicator and agency pairs, \(range); bars show the achievement ratio coloured by status, the dashed rule marks the target (100%).")
    case .quarterly:
      return options.text(
        "\(title)：每條線為一個地檢署一個年度的累計達成率（\(range)），顏色表示年度，虛線為預期進度 q/4。",
        "\(title): each line is one office in one year (\(range)), coloured by year; the dashed line is the expected pace q/4.")
    case .trend:
      return options.text(
        "\(title)：\(series) 個數列，\(range)；圓點為實際值，實線為趨勢線，虛線為推估，直線為推估區間。",
        "\(title): \(series) series, \(range); dots are observed values, the solid line the fitted trend, the dashed line the projection, the vertical bar its interval.")
    case .survey:
      return options.text(
        "\(title)：\(series) 個數列，\(range)；點為比例，直線為 Wilson 信賴區間。",
        "\(title): \(series) series, \(range); points are proportions, bars their Wilson intervals.")
    case .observations, .tidy:
      return options.text(
        "\(title)：\(series) 個數列，\(range)；虛線為目標值。",
        "\(title): \(series) series, \(range); dashed lines are targets.")
    }
  }

  /// The y value as shown in tooltips and tables.
  func yText(_ y: Double?) -> String {
    guard let y else { return options.text("無資料", "n/a") }
    if data.yMeasure != .value { return NiceScale.fixed(y * 100, digits: 1) + "%" }
    let digits = y == y.rounded() ? 0 : (abs(y) >= 100 ? 1 : 3)
    return NiceScale.fixed(y, digits: digits)
  }
}
