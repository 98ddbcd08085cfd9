/// The model of a trend line (`trend --model`).
///
/// x = year − first_year throughout, so the intercept is the fitted value at the first year.
public enum TrendModel: String, Sendable, Hashable, CaseIterable, Codable {
  /// Ordinary least squares y = a + b·x; t-based SE, CI and p.
  case linear
  /// Ordinary least squares on ln y (every y > 0); annual change = 100·(eᵇ − 1) %.
  case loglinear
  /// Poisson GLM with log link, fitted by IRLS; Wald SE (quasi-Poisson when overdispersed).
  case poisson
  /// Theil–Sen slope with Sen's CI and the Mann–Kendall test.
  case sen

  /// True when slope and intercept are on the log scale (ln y per year).
  public var isLogScale: Bool { self == .loglinear || self == .poisson }
}
