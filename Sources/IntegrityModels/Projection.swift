/// A trend line carried forward to a year (`--to YEAR`).
///
/// | model      | value                      | interval                                        |
/// |------------|----------------------------|-------------------------------------------------|
/// | linear     | a + b·x                    | prediction interval ŷ ± t·√(s² + se(ŷ)²)        |
/// | loglinear  | exp(a + b·x) (the median)  | exp of the prediction interval on the log scale |
/// | poisson    | exp(η̂), η̂ = a + b·x        | CI of the mean: exp(η̂ ± z·se(η̂))                |
/// | sen        | a + b·x                    | none                                            |
///
/// Sources: statsmodels `get_prediction().summary_frame()` (`obs_ci_*` for OLS, `mean_ci_*`
/// for GLM), which the tests compare against.
public struct Projection: Sendable, Equatable, Codable {
  /// What the interval covers.
  public enum Interval: String, Sendable, Equatable, Codable {
    /// A new observation (OLS prediction interval).
    case prediction
    /// The mean (GLM confidence interval of μ).
    case confidence
    /// No interval.
    case none
  }
  /// The year projected to.
  public var year: Int
  /// The projected value, on the data's scale.
  public var value: Double
  /// Lower end of the interval.
  public var low: Double?
  /// Upper end of the interval.
  public var high: Double?
  /// What the interval covers.
  public var interval: Interval

  public init(year: Int, value: Double, low: Double?, high: Double?, interval: Interval) {
    self.year = year
    self.value = value
    self.low = low
    self.high = high
    self.interval = interval
  }
}
