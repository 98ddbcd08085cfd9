import IntegrityNumerics
/// One year of a survey indicator: a proportion from n respondents, its Wilson interval,
/// and the change from the previous surveyed year with the pooled two-proportion z-test.
/// One row of `survey`.
public struct SurveyProportion: Sendable, Equatable, Codable {
  public var year: Int
  /// Respondents.
  public var n: Double
  /// p̂ as a proportion in [0, 1].
  public var proportion: Double
  /// Wilson interval at the requested level.
  public var ciLow: Double?
  public var ciHigh: Double?
  /// The change from the previous year in the series (p₂ − p₁), its z and p.
  public var change: Double?
  public var changeZ: Double?
  public var changeP: Double?

  public init(year: Int, n: Double, proportion: Double) {
    self.year = year
    self.n = n
    self.proportion = proportion
  }
}
