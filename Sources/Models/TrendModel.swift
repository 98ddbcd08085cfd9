/// The model of a trend line (DESIGN.md §4, `trend --model`).
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

/// What a series measures, for `--auto` (issue 6): counts → Poisson, positive amounts →
/// log-linear, rates and anything else → linear.
public enum SeriesKind: String, Sendable, Hashable, CaseIterable, Codable {
  /// Non-negative whole numbers (cases, reports, meetings).
  case count
  /// Positive amounts that grow multiplicatively (NT$ seized, rewards paid).
  case amount
  /// Rates, percentages and other values that may be any real number.
  case rate

  /// The model `--auto` picks for this kind.
  public var automaticModel: TrendModel {
    switch self {
    case .count: .poisson
    case .amount: .loglinear
    case .rate: .linear
    }
  }

  /// Classifies a series by its unit and name first, its values second:
  /// - a unit `%`, or a unit or name with 率 / 比例 / "rate" / "%" → rate;
  /// - a money unit or name (元, 金額, NT$, TWD) with every value > 0 → amount;
  /// - every value a whole number ≥ 0 → count;
  /// - every value > 0 → amount; otherwise → rate.
  ///
  /// - Parameters:
  ///   - values: the series' values.
  ///   - unit: the unit after scaling (`元`, `件`, `%`, …), if known.
  ///   - name: the indicator's name, if known.
  public static func classify(_ values: [Double], unit: String?, name: String? = nil) -> SeriesKind {
    let unit = unit ?? ""
    let label = (unit + " " + (name ?? "")).lowercased()
    if unit == "%" || ["率", "比例", "rate", "%"].contains(where: { label.contains($0) }) { return .rate }
    let money = ["元", "金額", "nt$", "twd"].contains(where: { label.contains($0) })
    if money && values.allSatisfy({ $0 > 0 }) { return .amount }
    let whole = values.allSatisfy { $0 >= 0 && $0 == $0.rounded() }
    if whole { return .count }
    if values.allSatisfy({ $0 > 0 }) { return .amount }
    return .rate
  }
}
