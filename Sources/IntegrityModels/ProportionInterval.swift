/// Confidence intervals and tests for proportions.
public enum ProportionInterval {
  /// The Wilson score interval for p̂ from n respondents at normal quantile z = z₍₁₊level₎/₂:
  ///
  ///     centre = (p̂ + z²/2n) / (1 + z²/n)
  ///     half   = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²)
  ///
  /// Source: Wilson (1927), JASA 22(158):209–212. Checked against statsmodels
  /// `proportion_confint(method="wilson")` (Tests/Fixtures/reference/make_trends.py).
  /// Edge cases: n ≤ 0 → nil. The limits are clamped to [0, 1], and p̂ = 0 gives a lower
  /// limit of exactly 0, p̂ = 1 an upper limit of exactly 1 (there centre ∓ half is 0 or 1
  /// exactly, but the floating-point difference leaves 1.4e-17 or 1.0000000000000002).
  public static func wilson(proportion p: Double, n: Double, level: Double) -> (low: Double, high: Double)? {
    guard n > 0, p >= 0, p <= 1 else { return nil }
    let z = TrendInference.zCritical(level: level)
    let z2 = z * z
    let denominator = 1 + z2 / n
    let centre = (p + z2 / (2 * n)) / denominator
    let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
    let low = p == 0 ? 0 : min(max(centre - half, 0), 1)
    let high = p == 1 ? 1 : min(max(centre + half, 0), 1)
    return (low, high)
  }
}
