import RealModule

extension SpecialFunctions {
  /// The regularized lower incomplete gamma function
  ///
  ///     P(a, x) = γ(a, x) / Γ(a) = (1/Γ(a)) ∫₀ˣ t^(a−1) e^(−t) dt,   a > 0, x ≥ 0.
  ///
  /// For x < a + 1 from the series P = x^a e^(−x)/Γ(a) · Σₙ xⁿ / (a(a+1)…(a+n)); otherwise
  /// as 1 − Q with Q from its continued fraction (Numerical Recipes, 3rd ed., §6.2,
  /// eqs. 6.2.5 and 6.2.7). The prefactor x^a e^(−x)/Γ(a) is formed for a ≥ 10 as
  /// √(a/2π) · exp(−a·rlog1((x−a)/a) − δ(a)) (DiDonato & Morris 1986, ACM TOMS 12:377,
  /// function RCOMP), so large a loses no digits to the cancellation of a·ln x against x.
  ///
  /// Edge cases: x ≤ 0 → 0, x = +∞ → 1, NaN → NaN.
  public static func regularizedGammaP(a: Double, x: Double) -> Double {
    incompleteGamma(a: a, x: x).lower
  }

  /// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x) = Γ(a, x)/Γ(a),
  /// computed directly where it is the small side (see `regularizedGammaP`).
  public static func regularizedGammaQ(a: Double, x: Double) -> Double {
    incompleteGamma(a: a, x: x).upper
  }

  /// Both P(a, x) and Q(a, x).
  static func incompleteGamma(a: Double, x: Double) -> (lower: Double, upper: Double) {
    precondition(a > 0, "incomplete gamma: a must be positive")
    if x.isNaN { return (.nan, .nan) }
    if x <= 0 { return (0, 1) }
    if x == .infinity { return (1, 0) }
    if x < a + 1 {
      let lower = gammaPrefactor(a: a, x: x) * gammaSeries(a: a, x: x)
      return (lower, 1 - lower)
    } else {
      let upper = gammaPrefactor(a: a, x: x) * gammaContinuedFraction(a: a, x: x)
      return (1 - upper, upper)
    }
  }

  /// x^a e^(−x) / Γ(a).
  ///
  /// For a ≥ 10, with e = (x − a)/a: x^a e^(−x)/Γ(a) = √(a/(2π)) · exp(−a·rlog1(e) − δ(a)),
  /// where a·rlog1(e) = (x − a) − a·ln(x/a) is taken from the series when |e| < 0.7.
  /// Otherwise x^a · e^(−x) / Γ(a) factor by factor (exp(a ln x − x − ln Γ(a)) if that underflows).
  static func gammaPrefactor(a: Double, x: Double) -> Double {
    if a >= 10 {
      let e = (x - a) / a
      // With x − a exact (Sterbenz, a/2 ≤ x ≤ 2a) e carries one rounding, and a·rlog1(e)
      // keeps relative accuracy; (x − a) − a·ln(x/a) would cost a·ε absolute (1e-12 at a = 1e4).
      let exponent = abs(e) < 0.7 ? a * rlog1(e) : (x - a) - a * Double.log(x / a)
      return Double.sqrt(a) / 2.506_628_274_631_000_502_4 * Double.exp(-exponent - stirlingError(a))
    }
    if x < 700 {
      // x^a · e^(−x) / Γ(a) factor by factor: each is good to an ulp or two, where
      // exp(a ln x − x − ln Γ(a)) would carry a relative error of about x·ε.
      let value = Double.pow(x, a) * Double.exp(-x) / Double.gamma(a)
      if value.isNormal { return value }
    }
    return Double.exp(a * Double.log(x) - x - Double.logGamma(a))
  }

  /// Σₙ₌₀ xⁿ / (a(a+1)…(a+n)), so that P(a, x) = prefactor · series (NR eq. 6.2.5).
  static func gammaSeries(a: Double, x: Double) -> Double {
    var denominator = a
    var term = 1 / a
    var sum = term
    let limit = 100_000 + Int(40 * Double.sqrt(a))
    for _ in 0..<limit {
      denominator += 1
      term *= x / denominator
      sum += term
      if term <= sum * 1e-17 { break }
    }
    return sum
  }

  /// The continued fraction for Q(a, x) = prefactor · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …)))
  /// (NR eq. 6.2.7), by the modified Lentz method; converges fast for x > a + 1.
  static func gammaContinuedFraction(a: Double, x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    let limit = 100_000 + Int(40 * Double.sqrt(a))
    var i = 1
    while i <= limit {
      let id = Double(i)
      let an = -id * (id - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) <= .ulpOfOne { break }
      i += 1
    }
    return h
  }
}
