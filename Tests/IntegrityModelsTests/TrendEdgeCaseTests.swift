import Foundation
import IntegrityModels
import Testing
import TestSupport

/// Bad and degenerate input (issue 6), with hand-worked arithmetic.
@Suite struct TrendEdgeCaseTests {
  @Test(arguments: TrendModel.allCases)
  func fewerThanThreePointsIsAnError(model: TrendModel) throws {
    let fitter = TrendFitter(options: TrendOptions(model: model))
    #expect(throws: TrendError.tooFewPoints(have: 2, need: 3)) {
      try fitter.fit(TrendSeries(years: [2020, 2021], values: [3, 4]))
    }
  }

  /// y = 7, 7, 7, 7: the OLS line is y = 7 exactly. Slope 0 with SE 0 and CI [0, 0]; R², t and
  /// p are undefined (0/0), so empty, with a note. The projection to 2030 is 7 with interval [7, 7].
  @Test func constantSeriesLinear() throws {
    let s = TrendSeries(years: [2019, 2020, 2021, 2022], values: [7, 7, 7, 7])
    let fit = try TrendFitter(options: TrendOptions(model: .linear, projectTo: 2030)).fit(s)
    #expect(fit.slope == 0 && fit.slopeStandardError == 0)
    #expect(fit.slopeLow == 0 && fit.slopeHigh == 0)
    #expect(fit.intercept == 7)
    #expect(fit.pValue == nil && fit.rSquared == nil)
    #expect(fit.notes.contains { $0.text.contains("constant series") })
    #expect(fit.projection == Projection(year: 2030, value: 7, low: 7, high: 7, interval: .prediction))
  }

  @Test func loglinearNamesTheNonPositiveValue() throws {
    let s = TrendSeries(years: [2019, 2020, 2021, 2022], values: [5, 3, 0, 4])
    #expect(throws: TrendError.nonPositive(index: 2, year: 2021, value: 0)) {
      try TrendFitter(options: TrendOptions(model: .loglinear)).fit(s)
    }
  }

  /// Gaps are skipped, not interpolated: n counts the years used, x keeps the real spacing.
  /// y = 1, 2, 4 at 2010, 2011, 2013 (x = 0, 1, 3): x̄ = 4/3, ȳ = 7/3,
  /// Sxy = (−4/3)(−4/3) + (−1/3)(−1/3) + (5/3)(5/3) = (16 + 1 + 25)/9 = 42/9,
  /// Sxx = (16 + 1 + 25)/9 = 42/9, so b = 1 and a = 7/3 − 4/3 = 1.
  @Test func gapsAreSkipped() throws {
    let fit = try TrendFitter(options: TrendOptions(model: .linear)).fit(
      TrendSeries(years: [2010, 2011, 2013], values: [1, 2, 4]))
    #expect(fit.n == 3)
    #expect(isClose(fit.slope, 1, relative: 1e-14))
    #expect(isClose(fit.intercept, 1, relative: 1e-14))
  }

  /// The "short" fixture, y = 12, 15, 14, 19 in 2019–2022 (x = 0…3): x̄ = 1.5, ȳ = 15,
  /// Sxy = (−1.5)(−3) + (−0.5)(0) + (0.5)(−1) + (1.5)(4) = 10, Sxx = 5 → b = 2, a = 15 − 3 = 12.
  /// Target 25 (higher is better): 12 + 2x ≥ 25 ⇔ x ≥ 6.5 → first whole year x = 7 → 2026.
  /// At --to 2028, the fitted 12 + 2·9 = 30 ≥ 25 → reaches the target.
  /// Lower is better with target 13: 12 + 2x ≤ 13 already at x = 0 → 2019; at 2028, 30 > 13 → no.
  @Test func targetCrossingHandWorked() throws {
    let s = TrendSeries(years: [2019, 2020, 2021, 2022], values: [12, 15, 14, 19])
    let fit = try TrendFitter(options: TrendOptions(model: .linear, projectTo: 2028)).fit(s)
    let up = fit.crossing(target: 25)
    #expect(up.year == 2026 && up.reachesTarget == true)
    let down = fit.crossing(target: 13, higherIsBetter: false)
    #expect(down.year == 2019 && down.reachesTarget == false)
    // A falling line never reaches a higher target.
    let falling = try TrendFitter(options: TrendOptions(model: .linear)).fit(
      TrendSeries(years: [2019, 2020, 2021], values: [3, 2, 1]))
    #expect(falling.crossing(target: 10).year == nil)
  }

  @Test func autoPicksByDataKind() {
    #expect(TrendDataKind.classify([3, 0, 5, 8], unit: nil).automaticModel == .poisson)
    #expect(TrendDataKind.classify([1.25e8, 1.6e8, 2.1e8], unit: "元").automaticModel == .loglinear)
    #expect(TrendDataKind.classify([73.2, 74.5, 74.1], unit: "%").automaticModel == .linear)
    #expect(TrendDataKind.classify([1.5, -0.5, 2], unit: nil).automaticModel == .linear)
  }
}
