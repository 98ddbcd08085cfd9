import Foundation
import IntegrityModels
import Testing
import TestSupport

/// Theil–Sen against `scipy.stats.theilslopes(method="separate")` and Mann–Kendall against
/// `pymannkendall.original_test` (Tests/Fixtures/trends/ref_sen.csv).
@Suite struct TheilSenTests {
  @Test func againstScipyAndPymannkendall() throws {
    let series = try trendFixtureSeries()
    let reference = try TrendReferenceTable("trends/ref_sen.csv").records
    #expect(reference.count == 16)
    for r in reference {
      let name = r["series"]!, level = r.trendNumber("level")!
      let fit = try TrendFitter(options: TrendOptions(model: .sen, level: level)).fit(series[name]!)
      let mk = try #require(fit.mannKendall)
      let tag = "\(name) level \(level)"
      let checks: [(Double?, String)] = [
        (fit.intercept, "intercept"), (fit.slope, "slope"), (fit.slopeLow, "slope_low"),
        (fit.slopeHigh, "slope_high"), (fit.pValue, "p_value"), (mk.s, "mk_s"), (mk.varianceS, "mk_var_s"),
        (mk.z, "mk_z"), (mk.tau, "mk_tau"),
      ]
      for (value, column) in checks {
        let (ok, message) = trendClose(value, r.trendNumber(column), 1e-9, "\(tag) \(column)")
        #expect(ok, "\(message)")
      }
      #expect(fit.slopeStandardError == nil && fit.rSquared == nil)
    }
  }

  /// Hand-worked: y = 1, 3, 2 at x = 0, 1, 2. Slopes (3−1)/1 = 2, (2−1)/2 = 0.5, (2−3)/1 = −1;
  /// median 0.5; intercept = median(y) − 0.5·median(x) = 2 − 0.5 = 1.5.
  /// S = sign(3−1) + sign(2−1) + sign(2−3) = 1 + 1 − 1 = 1; Var S = 3·2·11/18 = 11/3;
  /// z = (1 − 1)/√(11/3) = 0, p = 1; τ = 1/3.
  @Test func handWorked() throws {
    let line = try #require(TheilSen(x: [0, 1, 2], y: [1, 3, 2]))
    #expect(line.slope == 0.5)
    #expect(line.intercept == 1.5)
    let mk = MannKendall([1, 3, 2])
    #expect(mk.s == 1)
    #expect(isClose(mk.varianceS, 11.0 / 3, relative: 1e-15))
    #expect(mk.z == 0 && mk.pValue == 1)
    #expect(isClose(mk.tau, 1.0 / 3, relative: 1e-15))
  }

  /// All values tied: every pairwise slope is 0, S = 0, Var S = 0 → z = 0, p = 1.
  @Test func constantSeries() throws {
    let fit = try TrendFitter(options: TrendOptions(model: .sen)).fit(
      TrendSeries(years: [2018, 2019, 2020, 2021], values: [4, 4, 4, 4]))
    #expect(fit.slope == 0)
    #expect(fit.pValue == 1)
    #expect(fit.mannKendall?.varianceS == 0)
  }
}
