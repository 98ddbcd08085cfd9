/// How charts are labelled: language of titles and axes, and ROC or Gregorian years.
public struct ChartOptions: Sendable, Equatable {
  public var language: ChartLanguage
  /// Label years in the ROC calendar (民國, Gregorian − 1911): `113年` / `ROC 113`.
  public var rocYears: Bool

  public init(language: ChartLanguage = .zhTW, rocYears: Bool = false) {
    self.language = language
    self.rocYears = rocYears
  }
}

extension ChartOptions {
  /// The label of a Gregorian year: `2024`, or `113年` / `ROC 113` with `rocYears`.
  public func yearLabel(_ year: Int) -> String {
    guard rocYears else { return String(year) }
    let roc = year - 1911
    return language == .zhTW ? "\(roc)年" : "ROC \(roc)"
  }

  /// The label of a quarter: `第3季` / `Q3`.
  public func quarterLabel(_ quarter: Int) -> String {
    language == .zhTW ? "第\(quarter)季" : "Q\(quarter)"
  }

  /// The label of an x value on `axis`.
  public func xLabel(_ x: Double, axis: ChartData.XAxis) -> String {
    let whole = Int(x.rounded(.down))
    switch axis {
    case .quarter: return quarterLabel(whole)
    case .year:
      let fraction = x - Double(whole)
      guard fraction > 0 else { return yearLabel(whole) }
      return yearLabel(whole) + (language == .zhTW ? "第\(Int((fraction * 4).rounded()) + 1)季" : " Q\(Int((fraction * 4).rounded()) + 1)")
    }
  }

  /// `zh` in Traditional Chinese, `en` otherwise.
  public func text(_ zh: String, _ en: String) -> String { language == .zhTW ? zh : en }

  /// The x axis title.
  public func xTitle(_ axis: ChartData.XAxis) -> String {
    switch axis {
    case .year: text(rocYears ? "年度（民國）" : "年度", rocYears ? "Year (ROC)" : "Year")
    case .quarter: text("季別", "Quarter")
    }
  }

  /// The y axis title.
  public func yTitle(_ measure: ChartData.YMeasure) -> String {
    switch measure {
    case .ratio: text("達成率", "Achievement ratio")
    case .cumulativeRate: text("累計達成率（累計件數 ÷ 全年目標）", "Cumulative rate (cumulative ÷ annual target)")
    case .pace: text("進度比（累計達成率 ÷ 預期進度）", "Pace (cumulative rate ÷ expected q/4)")
    case .proportion: text("比例", "Proportion")
    case .value: text("數值", "Value")
    }
  }

  /// The default title of a chart of `kind`.
  public func title(_ kind: ChartKind) -> String {
    switch kind {
    case .achievement: text("績效目標達成率", "Achievement ratio by indicator and agency")
    case .quarterly: text("目標案件每季累計達成率", "Target cases: cumulative rate by quarter")
    case .trend: text("趨勢與推估", "Trend and projection")
    case .survey: text("廉政民意調查比例與 Wilson 信賴區間", "Survey proportions with Wilson intervals")
    case .tidy, .observations: text("實際值", "Reported figures")
    }
  }

  /// The legend name of a point kind.
  public func kindLabel(_ kind: PointKind, chart: ChartKind) -> String {
    switch kind {
    case .observed: text("實際值", "Observed")
    case .fitted: text("趨勢線", "Fitted")
    case .projection: text("推估值", "Projection")
    case .target: chart == .quarterly ? text("預期進度（q/4）", "Expected pace (q/4)") : text("目標", "Target")
    case .band: text("推估區間", "Projection interval")
    }
  }

  /// The legend name of the reference rule of a bar chart (ratio or pace 1).
  public func ruleLabel(_ measure: ChartData.YMeasure) -> String {
    measure == .pace ? text("符合進度（100%）", "On track (100%)") : text("目標（100%）", "Target (100%)")
  }

  /// The display name of a status written by `achievement` or `quarterly`.
  public func statusLabel(_ status: String) -> String {
    switch status {
    case "achieved": text("達成", "achieved")
    case "near": text("接近", "near")
    case "behind": text("落後", "behind")
    case "no-target": text("無目標", "no target")
    case "no-data": text("無資料", "no data")
    case "on-track": text("符合進度", "on track")
    case "incomplete": text("資料不全", "incomplete")
    case "partial": text("部分季別", "partial")
    default: status
    }
  }

  /// The fill colour of a status (`Palette`, the same in every chart, badge and spec).
  public static func statusColour(_ status: String?) -> String { Palette.swatch(status).fill }

  /// Status values in legend order (`Palette.statusOrder`).
  public static var statusOrder: [String] { Palette.statusOrder }

  /// The categorical series colours (`Palette.series`).
  public static var palette: [String] { Palette.series }
}
