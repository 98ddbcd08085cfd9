/// The two-proportion z-test with pooled variance, for the change between two surveys:
///
///     p̄ = (p₁n₁ + p₂n₂)/(n₁ + n₂),  z = (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)),  p = 2·P(Z > |z|)
///
/// Source: Fleiss, Levin & Paik (2003), *Statistical Methods for Rates and Proportions*,
/// §2.5 (without continuity correction). Checked against statsmodels `proportions_ztest`.
/// Edge case: p̄ ∈ {0, 1} (no variance) → nil.
public struct ProportionChange: Sendable, Equatable {
  /// p₂ − p₁.
  public var change: Double
  /// The z statistic.
  public var z: Double
  /// Two-sided p-value.
  public var pValue: Double

  public init?(previous p1: Double, n1: Double, current p2: Double, n2: Double) {
    let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    let variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    guard variance > 0 else { return nil }
    change = p2 - p1
    z = (p2 - p1) / variance.squareRoot()
    pValue = TrendInference.zTwoSidedPValue(z)
  }
}
