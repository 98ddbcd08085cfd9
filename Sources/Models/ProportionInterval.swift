/// Confidence intervals and tests for proportions.
public enum ProportionInterval {
  /// The Wilson score interval for p̂ from n respondents at normal quantile z = z₍₁₊level₎/₂:
  ///
  ///     centre = (p̂ + z²/2n) / (1 + z²/n)
  ///     half   = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²)
  ///
  /// Source: Wilson (1927), JASA 22(158):209–212. Checked against statsmodels
  /// `proportion_confint(method="wilson")` (Tests/Fixtures/reference/make_trends.py).
  /// Edge cases: n ≤ 0 → nil; p̂ ∈ {0, 1} still gives an interval inside [0, 1].
  public static func wilson(proportion p: Double, n: Double, level: Double) -> (low: Double, high: Double)? {
    guard n > 0, p >= 0, p <= 1 else { return nil }
    let z = TrendInference.zCritical(level: level)
    let z2 = z * z
    let denominator = 1 + z2 / n
    let centre = (p + z2 / (2 * n)) / denominator
    let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
    return (centre - half, centre + half)
  }
}

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
