/// The language of chart and report text. Traditional Chinese is the default.
public enum ChartLanguage: String, Sendable, Hashable, CaseIterable, Codable {
  case zhTW = "zh-TW"
  case en

  /// The BCP 47 tag for `lang` attributes.
  public var tag: String { rawValue }
}
