import RealModule

/// The chi-square distribution with k > 0 degrees of freedom.
///
///     P(X ≤ x) = P(k/2, x/2),   P(X > x) = Q(k/2, x/2)     (Abramowitz & Stegun 26.4.19)
///     pdf(x)   = (x/2)^(k/2) e^(−x/2) / (x · Γ(k/2))
///
/// with P and Q the regularized incomplete gamma functions (`SpecialFunctions`), each tail
/// computed directly. The quantile inverts them with `QuantileSearch`, started from the
/// better of the Wilson–Hilferty approximation x ≈ k(1 − 2/(9k) + z√(2/(9k)))³ (Wilson &
/// Hilferty 1931) and the lower-tail asymptote P(a, z) ≈ z^a/Γ(a+1).
public struct ChiSquared: Sendable, Equatable {
  /// k > 0.
  public let degreesOfFreedom: Double

  /// χ² with k > 0 degrees of freedom (non-integer allowed).
  public init(degreesOfFreedom: Double) {
    precondition(degreesOfFreedom > 0 && degreesOfFreedom.isFinite, "ChiSquared: degrees of freedom must be positive and finite")
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// The density; 0 for x < 0.
  public func pdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x < 0 || x.isInfinite { return 0 }
    let k = degreesOfFreedom
    if x == 0 { return k < 2 ? .infinity : (k == 2 ? 0.5 : 0) }
    return SpecialFunctions.gammaPrefactor(a: k / 2, x: x / 2) / x
  }

  /// P(X ≤ x).
  public func cdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    return SpecialFunctions.incompleteGamma(a: degreesOfFreedom / 2, x: max(x, 0) / 2).lower
  }

  /// P(X > x), computed directly (not 1 − cdf).
  public func sf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    return SpecialFunctions.incompleteGamma(a: degreesOfFreedom / 2, x: max(x, 0) / 2).upper
  }

  /// The quantile: x with P(X ≤ x) = p. p = 0 → 0, p = 1 → +∞, outside [0, 1] → NaN.
  public func quantile(_ p: Double) -> Double {
    QuantileSearch.positiveSupport(p, survival: false, lowerTail: solve(lowerTail:), upperTail: solve(upperTail:))
  }

  /// The inverse survival function: x with P(X > x) = q, accurate for tiny q.
  public func survivalQuantile(_ q: Double) -> Double {
    QuantileSearch.positiveSupport(q, survival: true, lowerTail: solve(lowerTail:), upperTail: solve(upperTail:))
  }

  func solve(lowerTail p: Double) -> Double {
    let a = degreesOfFreedom / 2
    let asymptote = 2 * Double.exp((Double.log(p) + Double.logGamma(a + 1)) / a)
    return QuantileSearch.positiveRoot(
      target: p, increasing: true, starts: [wilsonHilferty(Normal.standardQuantile(p)), asymptote],
      probability: cdf, density: pdf)
  }

  func solve(upperTail q: Double) -> Double {
    let a = degreesOfFreedom / 2
    // Upper asymptote Q(a, z) ≈ z^(a−1) e^(−z)/Γ(a): two fixed-point steps from z = −ln q.
    var z = -Double.log(q)
    for _ in 0..<2 { z = max(-Double.log(q) + (a - 1) * Double.log(max(z, 1e-300)) - Double.logGamma(a), 1e-300) }
    return QuantileSearch.positiveRoot(
      target: q, increasing: false, starts: [wilsonHilferty(-Normal.standardQuantile(q)), 2 * z],
      probability: sf, density: pdf)
  }

  /// Wilson–Hilferty: k(1 − 2/(9k) + z√(2/(9k)))³ (negative → no start).
  func wilsonHilferty(_ z: Double) -> Double {
    let k = degreesOfFreedom
    let c = 2 / (9 * k)
    let base = 1 - c + z * Double.sqrt(c)
    return base > 0 ? k * base * base * base : -1
  }
}
