/// The Theil–Sen slope and Sen's confidence interval for it.
///
///     b = median{ (yⱼ − yᵢ)/(xⱼ − xᵢ) : xⱼ > xᵢ }        (Theil 1950; Sen 1968)
///     a = median(y) − b·median(x)                      ("separate" intercept, Conover 1980)
///
/// Confidence interval (Sen 1968, eq. 2.6): with N pairwise slopes sorted, n points and
/// tie groups of sizes t in x and in y,
///
///     σ² = [n(n−1)(2n+5) − Σₓ t(t−1)(2t+5) − Σ_y t(t−1)(2t+5)] / 18
///     R_u = min(round((N + z·σ)/2), N − 1),  R_l = max(round((N − z·σ)/2) − 1, 0)
///
/// with z = z₍₁₊level₎/₂ and `round` to nearest, ties to even (NumPy's `np.round`); the
/// interval is [slope[R_l], slope[R_u]] (0-based). This is exactly
/// `scipy.stats.theilslopes(y, x, alpha=level, method="separate")`, which the tests check.
///
/// Edge cases: fewer than 2 points → `nil` slope; σ² ≤ 0 → no interval.
/// - Complexity: O(n² log n) for the n(n−1)/2 slopes.
public struct TheilSen: Sendable, Equatable {
  /// The median pairwise slope.
  public var slope: Double
  /// median(y) − slope·median(x).
  public var intercept: Double
  /// Sen's confidence interval for the slope.
  public var slopeLow: Double?
  public var slopeHigh: Double?

  /// Fits the Theil–Sen line through (x, y) with Sen's CI at `level`.
  public init?(x: [Double], y: [Double], level: Double = 0.95) {
    precondition(x.count == y.count)
    let n = x.count
    var slopes = [Double]()
    slopes.reserveCapacity(n * (n - 1) / 2)
    for i in 0..<n {
      for j in 0..<n where x[j] > x[i] {
        slopes.append((y[j] - y[i]) / (x[j] - x[i]))
      }
    }
    guard !slopes.isEmpty else { return nil }
    slopes.sort()
    slope = TheilSen.median(sorted: slopes)
    intercept = TheilSen.median(sorted: y.sorted()) - slope * TheilSen.median(sorted: x.sorted())
    let z = TrendInference.zCritical(level: level)
    let nn = Double(n)
    var variance = nn * (nn - 1) * (2 * nn + 5)
    for t in TheilSen.tieGroupSizes(x) + TheilSen.tieGroupSizes(y) {
      variance -= t * (t - 1) * (2 * t + 5)
    }
    variance /= 18
    guard variance > 0 else {
      slopeLow = nil
      slopeHigh = nil
      return
    }
    let sigma = variance.squareRoot()
    let count = Double(slopes.count)
    let upper = min(Int(((count + z * sigma) / 2).rounded(.toNearestOrEven)), slopes.count - 1)
    let lower = max(Int(((count - z * sigma) / 2).rounded(.toNearestOrEven)) - 1, 0)
    slopeLow = slopes[lower]
    slopeHigh = slopes[upper]
  }

  /// The median of sorted values (mean of the middle two for an even count).
  static func median(sorted v: [Double]) -> Double {
    let m = v.count / 2
    return v.count % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2
  }

  /// The sizes (≥ 2) of groups of equal values.
  static func tieGroupSizes(_ v: [Double]) -> [Double] {
    let s = v.sorted()
    var sizes = [Double]()
    var i = 0
    while i < s.count {
      var j = i + 1
      while j < s.count && s[j] == s[i] { j += 1 }
      if j - i > 1 { sizes.append(Double(j - i)) }
      i = j
    }
    return sizes
  }
}
