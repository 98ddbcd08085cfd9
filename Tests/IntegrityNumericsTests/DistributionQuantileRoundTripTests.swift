import Foundation
import Testing
import TestSupport
@testable import IntegrityNumerics

/// Robustness of the quantile search over many (seeded, random) degrees of freedom in
/// [0.3, 1e6] (the brief's range) and probabilities in [1e-300, ½] on either side, and
/// beyond the reference grid: the quantile must reproduce its probability.
/// This is a consistency property, not a check of the numbers (the reference grid does
/// that against mpmath); it catches a search that stops early or brackets the wrong root.
///
/// Tolerance: rounding u to a double moves P(u) by a relative (u·pdf(u)/P(u))·ε/2, so the
/// bound is 1e-12 + 2ε·(u·pdf/P), 1e-12 being the accuracy target of the cdf itself (worst
/// 4.2e-13 on the reference grid; F with both degrees of freedom ≳ 1e3 reaches ~9e-13 here).
@Suite("Distributions: quantile round trips")
struct DistributionQuantileRoundTripTests {

  static func logUniform(_ low: Double, _ high: Double, _ rng: inout SplitMix64) -> Double {
    Foundation.exp(Double.random(in: Foundation.log(low)...Foundation.log(high), using: &rng))
  }

  func check(_ label: String, p: Double, lower: Bool, u: Double,
             tail: (Double) -> Double, pdf: (Double) -> Double) -> String? {
    guard u.isFinite else { return nil }  // beyond the doubles (e.g. t(0.3) at 1e-300): documented
    if u == 0 { return nil }              // below the normal doubles: documented as 0
    let back = tail(u)
    let slope = abs(u * pdf(u) / back)
    let error = abs(back / p - 1)
    let bound = 1e-12 + 2 * .ulpOfOne * slope
    return error <= bound ? nil : "\(label) p=\(p) \(lower ? "lower" : "upper") → u=\(u), tail(u)=\(back), error \(error) > \(bound)"
  }

  @Test func randomQuantilesReproduceTheirProbabilities() {
    var rng = SplitMix64(seed: 20_261_125)
    var failures: [String] = []
    for _ in 0..<400 {
      let df = Self.logUniform(0.3, 1e6, &rng)
      let df2 = Self.logUniform(0.3, 1e6, &rng)
      let p = Self.logUniform(1e-300, 0.5, &rng)
      let t = StudentT(degreesOfFreedom: df)
      let f = FisherF(d1: df, d2: df2)
      let c = ChiSquared(degreesOfFreedom: df)
      let label = String(format: "df=%.6g df2=%.6g", df, df2)
      let checks: [String?] = [
        check("t " + label, p: p, lower: true, u: t.quantile(p), tail: t.cdf, pdf: t.pdf),
        check("t " + label, p: p, lower: false, u: t.survivalQuantile(p), tail: t.sf, pdf: t.pdf),
        check("F " + label, p: p, lower: true, u: f.quantile(p), tail: f.cdf, pdf: f.pdf),
        check("F " + label, p: p, lower: false, u: f.survivalQuantile(p), tail: f.sf, pdf: f.pdf),
        check("chi2 " + label, p: p, lower: true, u: c.quantile(p), tail: c.cdf, pdf: c.pdf),
        check("chi2 " + label, p: p, lower: false, u: c.survivalQuantile(p), tail: c.sf, pdf: c.pdf),
        check("normal", p: p, lower: true, u: Normal().quantile(p), tail: Normal().cdf, pdf: Normal().pdf),
      ]
      failures += checks.compactMap { $0 }
    }
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(30).joined(separator: "\n"))")
  }

  @Test func edgeInputs() {
    let t = StudentT(degreesOfFreedom: 4), f = FisherF(d1: 2, d2: 9), c = ChiSquared(degreesOfFreedom: 3)
    #expect(t.cdf(.nan).isNaN && f.sf(.nan).isNaN && c.cdf(.nan).isNaN && Normal().sf(.nan).isNaN)
    #expect(t.cdf(-.infinity) == 0 && t.sf(-.infinity) == 1 && t.cdf(.infinity) == 1)
    #expect(f.cdf(-1) == 0 && f.sf(0) == 1 && c.cdf(-3) == 0 && c.sf(.infinity) == 0)
    #expect(Normal().cdf(-.infinity) == 0 && Normal().sf(.infinity) == 0)
    #expect(t.twoSidedPValue(0) == 1)
    #expect(Normal().quantile(-0.1).isNaN && f.quantile(1.1).isNaN && c.survivalQuantile(.nan).isNaN)
  }
}
