import RealModule

/// Inversion of a monotone tail probability on (0, ∞), shared by the quantile functions.
///
/// Solves P(u) = target for u > 0 by Newton's method on ln P as a function of w = ln u:
///
///     w ← w − ln(P/target) / (d ln P / d ln u),   d ln P / d ln u = ±u·pdf(u)/P(u),
///
/// keeping a bracket [lo, hi] of the root and falling back to geometric bisection when a
/// step leaves it. Working on ln P and ln u makes the function nearly linear in both
/// heavy tails (P ∝ u^−ν) and light ones, and keeps the relative accuracy of tiny targets
/// (1e-300). The step is applied as u·exp(Δw) so u keeps full precision even when
/// |ln u| is large. The result is as accurate as P itself: a relative error ε in P gives
/// ε/(u·pdf/P) in u.
///
/// Edge cases: if the root is beyond the largest finite double the result is +∞; if it is
/// below the smallest normal double (2.2e-308) the result is 0.
enum QuantileSearch {
  /// The quantile (`survival == false`: P(X ≤ x) = p) or inverse survival function
  /// (`survival`: P(X > x) = p) of a distribution on [0, ∞), by solving in whichever
  /// tail is smaller: p = 0 or 1 map to the ends of the support, outside [0, 1] is NaN.
  static func positiveSupport(
    _ p: Double, survival: Bool, lowerTail: (Double) -> Double, upperTail: (Double) -> Double
  ) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    let lower = survival ? 1 - p : p
    let upper = survival ? p : 1 - p
    if lower == 0 { return 0 }
    if upper == 0 { return .infinity }
    let solveInLowerTail = survival ? p > 0.5 : p <= 0.5
    return solveInLowerTail ? lowerTail(lower) : upperTail(upper)
  }

  static func positiveRoot(
    target: Double, increasing: Bool, starts: [Double],
    probability: (Double) -> Double, density: (Double) -> Double
  ) -> Double {
    let root = search(target: target, increasing: increasing, starts: starts,
                      probability: probability, density: density)
    // At the ends of the double range, say whether the true root lies beyond them.
    if root >= .greatestFiniteMagnitude {
      let p = probability(.greatestFiniteMagnitude)
      if p != target && (p < target) == increasing { return .infinity }
    }
    if root <= .leastNormalMagnitude {
      let p = probability(.leastNormalMagnitude)
      if p != target && (p > target) == increasing { return 0 }
    }
    return root
  }

  static func search(
    target: Double, increasing: Bool, starts: [Double],
    probability: (Double) -> Double, density: (Double) -> Double
  ) -> Double {
    // Pick the start whose probability is closest to the target on the log scale.
    var u = 1.0
    var best = Double.infinity
    for s in starts where s.isFinite && s > 0 {
      let distance = abs(Double.log(probability(s) / target))
      if distance < best || !best.isFinite { best = distance; u = s }
    }
    var lo = 0.0, hi = Double.infinity
    for iteration in 0..<300 {
      let p = probability(u)
      if p == target { return u }
      let tooLarge = (p > target) == increasing
      if tooLarge { hi = u } else { lo = u }
      if lo > 0 && hi.isFinite && hi <= lo.nextUp { return polish(u, target: target, probability: probability) }
      let slope = u * density(u) / p * (increasing ? 1 : -1)
      var dw = -Double.log(p / target) / slope
      if !dw.isFinite { dw = tooLarge ? -8 : 8 }
      dw = min(max(dw, -200), 200)
      // u·e^Δw as u + u·(e^Δw − 1): one rounding, where u·exp(Δw) would add exp's.
      var next = u + u * Double.expMinusOne(dw)
      if !(next > lo && next < hi) || iteration > 100 {
        if lo > 0 && hi.isFinite {
          next = Double.sqrt(lo) * Double.sqrt(hi)
        } else if lo == 0 {
          next = hi / 16
        } else {
          next = lo * 16
        }
        dw = .infinity
      }
      if next > .greatestFiniteMagnitude || next.isInfinite {
        if u == .greatestFiniteMagnitude { return .infinity }
        next = .greatestFiniteMagnitude
      }
      if next < .leastNormalMagnitude {
        // The root is below the normal doubles: report 0 (P there is below the target).
        if u == .leastNormalMagnitude { return 0 }
        next = .leastNormalMagnitude
      }
      if abs(dw) < 1e-13 { return polish(next, target: target, probability: probability) }
      u = next
    }
    return u
  }

  /// The double among u and its two neighbours whose probability is closest to the target
  /// (on the log scale): removes the last ulp or two that the Newton step can leave when
  /// P is steep (u·pdf/P ≫ 1, e.g. χ² with 1e6 degrees of freedom in a far tail).
  static func polish(_ u: Double, target: Double, probability: (Double) -> Double) -> Double {
    var best = u
    var bestDistance = abs(Double.log(probability(u) / target))
    for candidate in [u.nextDown, u.nextUp] where candidate > 0 && candidate.isFinite {
      let distance = abs(Double.log(probability(candidate) / target))
      if distance < bestDistance { best = candidate; bestDistance = distance }
    }
    return best
  }
}
