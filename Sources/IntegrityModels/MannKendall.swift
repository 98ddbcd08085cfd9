/// The Mann–Kendall trend test (Mann 1945; Kendall 1975; Gilbert 1987, §16.4), as
/// pymannkendall's `original_test`.
///
///     S = Σᵢ<ⱼ sign(yⱼ − yᵢ)                      (order of the years only)
///     Var S = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18   (t: sizes of groups of tied y)
///     z = (S − 1)/√Var S if S > 0;  0 if S = 0;  (S + 1)/√Var S if S < 0   (continuity)
///     p = 2·P(Z > |z|),  τ = S / (n(n−1)/2)
///
/// p comes from the normal survival function; pymannkendall's 2·(1 − Φ(|z|)) agrees to
/// its cancellation error (≈ 1e-16 absolute), checked when the fixture is made.
///
/// Edge cases: n < 2 or Var S = 0 (all values tied) → z = 0, p = 1.
public struct MannKendall: Sendable, Equatable, Codable {
  /// Kendall's S.
  public var s: Double
  /// Var S with the tie correction.
  public var varianceS: Double
  /// The continuity-corrected normal score.
  public var z: Double
  /// Two-sided p-value.
  public var pValue: Double
  /// Kendall's τ = S / (n(n−1)/2).
  public var tau: Double

  /// Tests `values` (in time order) for a monotonic trend.
  public init(_ values: [Double]) {
    let n = values.count
    var s = 0
    for i in 0..<n {
      for j in (i + 1)..<max(n, i + 1) {
        if values[j] > values[i] { s += 1 } else if values[j] < values[i] { s -= 1 }
      }
    }
    let nn = Double(n)
    var variance = nn * (nn - 1) * (2 * nn + 5)
    for t in TheilSen.tieGroupSizes(values) { variance -= t * (t - 1) * (2 * t + 5) }
    variance /= 18
    self.s = Double(s)
    self.varianceS = variance
    if s == 0 || variance <= 0 {
      z = 0
    } else {
      z = (Double(s) - (s > 0 ? 1 : -1)) / variance.squareRoot()
    }
    pValue = z == 0 ? 1 : TrendInference.zTwoSidedPValue(z)
    tau = n > 1 ? Double(s) / (0.5 * nn * (nn - 1)) : 0
  }
}
