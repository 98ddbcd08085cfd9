import RealModule

/// Student's t distribution with ν > 0 degrees of freedom.
///
///     pdf(t) = (1 + t²/ν)^(−(ν+1)/2) / (√ν · B(ν/2, ½))
///     P(|T| ≥ |t|) = I_x(ν/2, ½),   x = ν/(ν + t²)          (Abramowitz & Stegun 26.7.1)
///     P(|T| <  |t|) = I_y(½, ν/2),   y = t²/(ν + t²)
///
/// so cdf(t) = ½·I_x(ν/2, ½) for t < 0 and sf(t) = ½·I_x(ν/2, ½) for t > 0, each tail
/// computed directly from the incomplete beta function (`SpecialFunctions`); x and y are
/// both formed from t² without the cancellation of 1 − x.
///
/// The quantile inverts these by a safeguarded Newton iteration on ln(tail) in ln|t|
/// (`QuantileSearch`), started from the Cornish–Fisher expansion about the normal quantile
/// (Abramowitz & Stegun 26.7.5) or, for few degrees of freedom in the far tail, from the
/// tail asymptote P(T > t) ≈ ν^(ν/2−1) t^(−ν) / B(ν/2, ½). Near the median it solves
/// ½·I_y(½, ν/2) = |p − ½| instead, so quantiles of p close to ½ keep full relative
/// precision (p − ½ is exact there).
public struct StudentT: Sendable, Equatable {
  /// ν > 0.
  public let degreesOfFreedom: Double

  /// Student's t with ν > 0 degrees of freedom (ν may be non-integer).
  public init(degreesOfFreedom: Double) {
    precondition(degreesOfFreedom > 0 && degreesOfFreedom.isFinite, "StudentT: degrees of freedom must be positive and finite")
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// The density (1 + t²/ν)^(−(ν+1)/2) / (√ν B(ν/2, ½)).
  public func pdf(_ t: Double) -> Double {
    if t.isNaN { return .nan }
    let nu = degreesOfFreedom
    let r = abs(t) / Double.sqrt(nu)
    let logKernel = r < 1e150 ? Double.log(onePlus: r * r) : 2 * Double.log(r)
    return Double.exp(-(nu + 1) / 2 * logKernel - SpecialFunctions.logBeta(nu / 2, 0.5)) / Double.sqrt(nu)
  }

  /// P(T ≤ t).
  public func cdf(_ t: Double) -> Double {
    let (tail, body) = split(t)
    return t < 0 ? tail : body
  }

  /// P(T > t), computed directly (not 1 − cdf).
  public func sf(_ t: Double) -> Double {
    let (tail, body) = split(t)
    return t < 0 ? body : tail
  }

  /// P(|T| ≥ |t|) = I_x(ν/2, ½) with x = ν/(ν+t²): exactly 2·sf(|t|), without forming 1 − cdf.
  public func twoSidedPValue(_ t: Double) -> Double {
    if t.isNaN { return .nan }
    let (x, y) = betaArguments(t)
    return SpecialFunctions.incompleteBeta(a: degreesOfFreedom / 2, b: 0.5, x: x, y: y).lower
  }

  /// The two-sided critical value t with P(|T| ≤ t) = level: quantile((1 + level)/2).
  public func criticalValue(level: Double) -> Double {
    quantile((1 + level) / 2)
  }

  /// The quantile: t with P(T ≤ t) = p. p = 0 → −∞, p = 1 → +∞, p outside [0, 1] → NaN.
  public func quantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    let sign: Double = p < 0.5 ? -1 : 1
    let nu = degreesOfFreedom
    if p > 0.25 && p < 0.75 {
      // Near the median: ½·I_y(½, ν/2) = |p − ½|, exact in p.
      let d = abs(p - 0.5)
      let z = Normal.standardQuantile(0.5 + d)
      let u = QuantileSearch.positiveRoot(
        target: d, increasing: true, starts: [cornishFisher(z), d / pdf(0)],
        probability: { u in
          let (x, y) = betaArguments(u)
          return 0.5 * SpecialFunctions.incompleteBeta(a: nu / 2, b: 0.5, x: x, y: y).upper
        },
        density: pdf)
      return sign * u
    }
    let q = min(p, 1 - p)  // exact for p ≥ 0.75 (Sterbenz)
    let z = -Normal.standardQuantile(q)
    let tailStart = Double.exp(
      ((nu / 2 - 1) * Double.log(nu) - SpecialFunctions.logBeta(nu / 2, 0.5) - Double.log(q)) / nu)
    let u = QuantileSearch.positiveRoot(
      target: q, increasing: false, starts: [cornishFisher(z), tailStart],
      probability: { u in split(u).tail }, density: pdf)
    return sign * u
  }

  /// The inverse survival function: t with P(T > t) = q, accurate for tiny q.
  public func survivalQuantile(_ q: Double) -> Double {
    -quantile(q)
  }

  /// x = ν/(ν+t²) and y = t²/(ν+t²), each to full relative precision.
  func betaArguments(_ t: Double) -> (x: Double, y: Double) {
    let nu = degreesOfFreedom
    let t2 = t * t
    if t2 > 1e300 {
      let a = abs(t)
      return ((nu / a) / a, 1)
    }
    let s = nu + t2
    return (nu / s, t2 / s)
  }

  /// (P(T beyond t on its own side), the rest): for t < 0 (cdf, sf), for t ≥ 0 (sf, cdf).
  func split(_ t: Double) -> (tail: Double, body: Double) {
    if t.isNaN { return (.nan, .nan) }
    if t.isInfinite { return (0, 1) }
    let nu = degreesOfFreedom
    if abs(t) > 1e150 {
      // x = ν/(ν+t²) < 1e-300 would underflow; there I_x(ν/2, ½) = x^(ν/2)/((ν/2)·B(ν/2, ½))
      // to relative O(x), and x^(ν/2) = (√ν/|t|)^ν.
      let ix = Double.pow(Double.sqrt(nu) / abs(t), nu)
        * Double.exp(-SpecialFunctions.logBeta(nu / 2, 0.5)) / (nu / 2)
      return (0.5 * ix, 1 - 0.5 * ix)
    }
    let (x, y) = betaArguments(t)
    let (ix, iy) = SpecialFunctions.incompleteBeta(a: nu / 2, b: 0.5, x: x, y: y)
    return (0.5 * ix, 0.5 + 0.5 * iy)
  }

  /// Cornish–Fisher start t ≈ z + (z³+z)/(4ν) + (5z⁵+16z³+3z)/(96ν²) (A&S 26.7.5).
  func cornishFisher(_ z: Double) -> Double {
    let nu = degreesOfFreedom
    let z2 = z * z
    return z + z * (z2 + 1) / (4 * nu) + z * ((5 * z2 + 16) * z2 + 3) / (96 * nu * nu)
  }
}
