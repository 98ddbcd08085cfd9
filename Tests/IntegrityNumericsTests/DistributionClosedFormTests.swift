import Foundation
import Testing
@testable import IntegrityNumerics

/// Distributions with elementary closed forms, worked by hand (external truth that needs no
/// reference software), plus properties the reference grid cannot show.
@Suite("Distributions: closed forms and identities")
struct DistributionClosedFormTests {
  func relativeError(_ a: Double, _ b: Double) -> Double { a == b ? 0 : abs(a - b) / abs(b) }

  /// t with ν = 1 is the Cauchy distribution: cdf(t) = ½ + atan(t)/π, so for t < 0
  /// cdf(t) = atan(1/|t|)/π (no cancellation), and the quantile is −1/tan(πp)... we check
  /// cdf(−1) = ¼ exactly as arithmetic: atan(1) = π/4 → ¼.
  @Test func cauchyIsStudentTWithOneDegreeOfFreedom() {
    let t = StudentT(degreesOfFreedom: 1)
    #expect(relativeError(t.cdf(-1), 0.25) <= 1e-15)
    #expect(relativeError(t.sf(1), 0.25) <= 1e-15)
    for x in [0.001, 0.3, 2.0, 17.0, 1e3, 1e8, 1e100] {
      let exact = Foundation.atan(1 / x) / Double.pi  // P(T > x) = ½ − atan(x)/π = atan(1/x)/π
      #expect(relativeError(t.sf(x), exact) <= 1e-14, "sf(\(x))")
      #expect(relativeError(t.cdf(-x), exact) <= 1e-14, "cdf(-\(x))")
    }
    // 0.975 quantile of Cauchy = tan(π·0.475) = 12.7062047361747…: the textbook t(1) critical value.
    #expect(relativeError(t.criticalValue(level: 0.95), Foundation.tan(Double.pi * 0.475)) <= 1e-14)
  }

  /// ν = 2: cdf(t) = ½ + t/(2√(2+t²)); upper tail P(T > x) = ½(1 − x/√(2+x²)) =
  /// 1/(√(2+x²)·(√(2+x²) + x)) after multiplying by the conjugate (no cancellation).
  @Test func studentTWithTwoDegreesOfFreedom() {
    let t = StudentT(degreesOfFreedom: 2)
    for x in [0.01, 0.5, 1.0, 4.0, 100.0, 1e6, 1e100] {
      let r = (2 + x * x).squareRoot()
      let exact = 1 / (r * (r + x))
      #expect(relativeError(t.sf(x), exact) <= 1e-14, "sf(\(x))")
      // the quantile of P(T > x) = q: x = (1−2q)/√(2q(1−q)).
      let q = exact
      #expect(relativeError(t.survivalQuantile(q), (1 - 2 * q) / (2 * q * (1 - q)).squareRoot()) <= 1e-13, "isf(\(q))")
    }
    // Hand-worked: x = 1 → √3 = 1.7320508…; sf = 1/(√3(√3+1)) = 1/(3 + √3) = 0.21132486540518713.
    #expect(relativeError(t.sf(1), 0.211_324_865_405_187_13) <= 1e-15)
  }

  /// χ² with k = 2 is exponential with mean 2: sf(x) = exp(−x/2), quantile(p) = −2·ln(1−p).
  @Test func chiSquaredWithTwoDegreesOfFreedomIsExponential() {
    let c = ChiSquared(degreesOfFreedom: 2)
    for x in [1e-10, 0.1, 1, 10, 100, 1000] {
      #expect(relativeError(c.sf(x), Foundation.exp(-x / 2)) <= 1e-14, "sf(\(x))")
      #expect(relativeError(c.cdf(x), -Foundation.expm1(-x / 2)) <= 1e-14, "cdf(\(x))")
    }
    for q in [1e-300, 1e-20, 0.05, 0.5, 0.9] {
      #expect(relativeError(c.survivalQuantile(q), -2 * Foundation.log(q)) <= 1e-14, "isf(\(q))")
    }
    // Hand-worked: P(χ²₂ > 5.991464547107979) = 0.05 since −2·ln 0.05 = 5.991464547107979.
    #expect(relativeError(c.survivalQuantile(0.05), 5.991_464_547_107_979) <= 1e-15)
  }

  /// F(2, 2): cdf(f) = f/(1+f) (I_x(1,1) = x with x = f/(1+f)); sf = 1/(1+f).
  @Test func fisherFWithTwoAndTwoDegreesOfFreedom() {
    let f = FisherF(d1: 2, d2: 2)
    for x in [1e-50, 0.25, 1, 3, 1e10] {
      #expect(relativeError(f.cdf(x), x / (1 + x)) <= 1e-14, "cdf(\(x))")
      #expect(relativeError(f.sf(x), 1 / (1 + x)) <= 1e-14, "sf(\(x))")
    }
    // quantile(p) = p/(1−p): p = 0.75 → 3.
    #expect(relativeError(f.quantile(0.75), 3) <= 1e-15)
    #expect(relativeError(f.survivalQuantile(1e-100), 1e100 - 1) <= 1e-14)
  }

  /// Symmetries and the inference conveniences the models use.
  @Test func identities() {
    let n = Normal()
    #expect(n.cdf(0) == 0.5)
    #expect(n.quantile(0.5) == 0)
    // Hand-worked: 1.959963984540054 is Φ⁻¹(0.975) (the 1.96 of every textbook, to 16 digits).
    #expect(relativeError(n.criticalValue(level: 0.95), 1.959_963_984_540_054) <= 1e-15)
    #expect(n.twoSidedPValue(-3) == n.twoSidedPValue(3))
    #expect(relativeError(n.twoSidedPValue(3), 2 * n.sf(3)) <= 1e-15)
    for nu in [0.5, 1, 7, 1e4] {
      let t = StudentT(degreesOfFreedom: nu)
      for x in [0.3, 2.5, 40] {
        #expect(relativeError(t.twoSidedPValue(x), 2 * t.sf(x)) <= 1e-15, "ν=\(nu) x=\(x)")
        #expect(t.cdf(-x) == t.sf(x))
      }
      #expect(t.quantile(0.5) == 0)
      #expect(t.criticalValue(level: 0.95) == t.quantile(0.975))
    }
    // Out-of-range probabilities give NaN, the ends give the support's ends.
    #expect(StudentT(degreesOfFreedom: 3).quantile(1.5).isNaN)
    #expect(StudentT(degreesOfFreedom: 3).quantile(0) == -.infinity)
    #expect(ChiSquared(degreesOfFreedom: 3).quantile(0) == 0)
    #expect(FisherF(d1: 3, d2: 4).survivalQuantile(0) == .infinity)
  }
}
