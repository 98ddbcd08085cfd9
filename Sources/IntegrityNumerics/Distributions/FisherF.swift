import RealModule

/// The F distribution (Fisher–Snedecor) with d1, d2 > 0 degrees of freedom.
///
///     P(F ≤ f) = I_x(d1/2, d2/2),   x = d1·f/(d1·f + d2)      (Abramowitz & Stegun 26.6.2)
///     P(F > f) = I_y(d2/2, d1/2),   y = d2/(d1·f + d2)
///     pdf(f)   = x^(d1/2) · y^(d2/2) / (f · B(d1/2, d2/2))
///
/// Both tails come directly from the incomplete beta function (`SpecialFunctions`); the
/// quantile inverts them with `QuantileSearch`, started from the better of the
/// log-normal approximation ln F ≈ N(0, 2/d1 + 2/d2) and the tail asymptotes
/// I_x(a, b) ≈ x^a/(a B(a, b)) for small x.
public struct FisherF: Sendable, Equatable {
  /// Numerator degrees of freedom d1 > 0.
  public let d1: Double
  /// Denominator degrees of freedom d2 > 0.
  public let d2: Double

  /// F(d1, d2), both positive and finite (non-integer allowed).
  public init(d1: Double, d2: Double) {
    precondition(d1 > 0 && d2 > 0 && d1.isFinite && d2.isFinite, "FisherF: degrees of freedom must be positive and finite")
    self.d1 = d1
    self.d2 = d2
  }

  /// The density; 0 for f < 0.
  public func pdf(_ f: Double) -> Double {
    if f.isNaN { return .nan }
    if f < 0 || f.isInfinite { return 0 }
    if f == 0 {
      if d1 < 2 { return .infinity }
      if d1 > 2 { return 0 }
      return 1  // d1 = 2: x^1·1/(f·B(1, b)) → d1/d2 · b·... = 1 at f = 0 (B(1, b) = 1/b, d1/d2·b = 1)
    }
    let (x, y) = betaArguments(f)
    return SpecialFunctions.betaPrefactor(a: d1 / 2, b: d2 / 2, x: x, y: y) / f
  }

  /// P(F ≤ f).
  public func cdf(_ f: Double) -> Double { tails(f).lower }

  /// P(F > f), computed directly (not 1 − cdf).
  public func sf(_ f: Double) -> Double { tails(f).upper }

  /// The quantile: f with P(F ≤ f) = p. p = 0 → 0, p = 1 → +∞, outside [0, 1] → NaN.
  public func quantile(_ p: Double) -> Double {
    QuantileSearch.positiveSupport(p, survival: false, lowerTail: solve(lowerTail:), upperTail: solve(upperTail:))
  }

  /// The inverse survival function: f with P(F > f) = q, accurate for tiny q.
  public func survivalQuantile(_ q: Double) -> Double {
    QuantileSearch.positiveSupport(q, survival: true, lowerTail: solve(lowerTail:), upperTail: solve(upperTail:))
  }

  func solve(lowerTail p: Double) -> Double {
    let a = d1 / 2, b = d2 / 2
    let logB = SpecialFunctions.logBeta(a, b)
    let xb = Double.exp((Double.log(p) + Double.log(a) + logB) / a)
    let asymptote = d2 * xb / (d1 * (1 - xb))
    return QuantileSearch.positiveRoot(
      target: p, increasing: true, starts: [logNormalStart(p, upper: false), asymptote, 1],
      probability: { tails($0).lower }, density: pdf)
  }

  func solve(upperTail q: Double) -> Double {
    let a = d1 / 2, b = d2 / 2
    let logB = SpecialFunctions.logBeta(a, b)
    let yb = Double.exp((Double.log(q) + Double.log(b) + logB) / b)
    let asymptote = d2 * (1 - yb) / (d1 * yb)
    return QuantileSearch.positiveRoot(
      target: q, increasing: false, starts: [logNormalStart(q, upper: true), asymptote, 1],
      probability: { tails($0).upper }, density: pdf)
  }

  func logNormalStart(_ probability: Double, upper: Bool) -> Double {
    let z = Normal.standardQuantile(probability)
    return Double.exp((upper ? -z : z) * Double.sqrt(2 / d1 + 2 / d2))
  }

  /// x = d1·f/(d1·f + d2) and y = d2/(d1·f + d2), each to full relative precision.
  func betaArguments(_ f: Double) -> (x: Double, y: Double) {
    let v = d1 * f
    if v.isInfinite { return (1, d2 / d1 / f) }
    let s = v + d2
    return (v / s, d2 / s)
  }

  func tails(_ f: Double) -> (lower: Double, upper: Double) {
    if f.isNaN { return (.nan, .nan) }
    if f <= 0 { return (0, 1) }
    if f.isInfinite { return (1, 0) }
    let (x, y) = betaArguments(f)
    return SpecialFunctions.incompleteBeta(a: d1 / 2, b: d2 / 2, x: x, y: y)
  }
}
