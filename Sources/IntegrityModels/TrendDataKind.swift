/// What a series measures, for `--auto`: counts → Poisson, positive amounts →
/// log-linear, rates and anything else → linear.
public enum TrendDataKind: String, Sendable, Hashable, CaseIterable, Codable {
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
  public static func classify(_ values: [Double], unit: String?, name: String? = nil) -> TrendDataKind {
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
