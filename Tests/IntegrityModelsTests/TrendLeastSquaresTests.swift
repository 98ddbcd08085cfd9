import Foundation
import IntegrityModels
import Testing
import TestSupport

/// Linear and log-linear trends against statsmodels OLS (Tests/Fixtures/trends/ref_*.csv,
/// written by Tests/Fixtures/reference/make_trends.py).
@Suite struct TrendLeastSquaresTests {
  @Test(arguments: ["linear", "loglinear"])
  func againstStatsmodels(model: String) throws {
    let series = try trendFixtureSeries()
    let reference = try TrendReferenceTable("trends/ref_\(model).csv").records
    #expect(reference.count >= 12)
    for r in reference {
      let name = r["series"]!, level = r.trendNumber("level")!
      let options = TrendOptions(model: TrendModel(rawValue: model)!, level: level, projectTo: r.trendInt("projection_year"))
      let fit = try TrendFitter(options: options).fit(series[name]!)
      let tag = "\(model) \(name) level \(level)"
      #expect(fit.n == r.trendInt("n"), "\(tag) n")
      #expect(fit.firstYear == r.trendInt("first_year") && fit.lastYear == r.trendInt("last_year"), "\(tag) years")
      let checks: [(Double?, String)] = [
        (fit.intercept, "intercept"), (fit.slope, "slope"), (fit.slopeStandardError, "slope_se"),
        (fit.slopeLow, "slope_low"), (fit.slopeHigh, "slope_high"), (fit.pValue, "p_value"),
        (fit.rSquared, "r_squared"),
      ]
      for (value, column) in checks {
        let (ok, message) = trendClose(value, r.trendNumber(column), 1e-9, "\(tag) \(column)")
        #expect(ok, "\(message)")
      }
      let projection = try #require(fit.projection)
      let back: (Double?) -> Double? = { v in model == "loglinear" ? v.map { exp($0) } : v }
      for (value, column) in [(projection.value, "fitted"), (projection.low!, "obs_low"), (projection.high!, "obs_high")] {
        let (ok, message) = trendClose(value, back(r.trendNumber(column)), 1e-9, "\(tag) projection \(column)")
        #expect(ok, "\(message)")
      }
      if model == "loglinear" {
        // annual change = 100·(e^b − 1) of statsmodels' slope and its CI ends.
        for (value, column) in [
          (fit.annualChangePercent, "slope"), (fit.annualChangeLow, "slope_low"), (fit.annualChangeHigh, "slope_high"),
        ] {
          let (ok, message) = trendClose(value, r.trendNumber(column).map { 100 * expm1($0) }, 1e-9, "\(tag) annual change \(column)")
          #expect(ok, "\(message)")
        }
      } else {
        #expect(fit.annualChangePercent == nil)
      }
    }
  }

  /// 2,000 series sharing one pattern of years, fitted in one batch: series j is
  /// y_j = c_j·y + d_j for the "ties" fixture y. OLS is affine-equivariant, so
  /// slope_j = c_j·slope, se_j = |c_j|·se, and p and R² are unchanged (statsmodels' values).
  @Test func batchOfAffineCopies() throws {
    let base = try #require(try trendFixtureSeries()["ties"])
    let r = try #require(try TrendReferenceTable("trends/ref_linear.csv").records.first {
      $0["series"] == "ties" && $0["level"] == "0.95"
    })
    // c = (j mod 7 − 3) + 0.3·(j mod 5 + 1) is never 0 (0.3k is not a whole number for k = 1…5).
    let scales: [Double] = (0..<2000).map { (j: Int) -> Double in
      let whole = Double(j % 7 - 3)
      let part = 0.3 * Double(j % 5 + 1)
      return whole + part
    }
    let shifts: [Double] = (0..<2000).map { (j: Int) -> Double in Double(j) * 10.25 - 3000 }
    let copies = zip(scales, shifts).map { c, d in TrendSeries(years: base.years, values: base.values.map { c * $0 + d }) }
    let fits = TrendFitter(options: TrendOptions(model: .linear)).fit(copies)
    #expect(fits.count == 2000)
    var failures = 0
    for (j, result) in fits.enumerated() {
      let fit = try result.get()
      let c = scales[j]
      let ok = isClose(fit.slope, c * r.trendNumber("slope")!, relative: 1e-9)
        && isClose(fit.slopeStandardError, abs(c) * r.trendNumber("slope_se")!, relative: 1e-9)
        && isClose(fit.pValue, r.trendNumber("p_value")!, relative: 1e-9)
        && isClose(fit.rSquared, r.trendNumber("r_squared")!, relative: 1e-9)
        && isClose(fit.intercept, c * r.trendNumber("intercept")! + shifts[j], relative: 1e-9, absolute: 1e-9)
      if !ok {
        failures += 1
        if failures < 5 { Issue.record("copy \(j) (c = \(c)): slope \(fit.slope ?? .nan), se \(fit.slopeStandardError ?? .nan)") }
      }
    }
    #expect(failures == 0)
  }

  /// Series with different patterns of missing years are grouped, and each group's results
  /// match fitting the series alone.
  @Test func mixedPatternsMatchSingleFits() throws {
    let all = try trendFixtureSeries()
    let names = all.keys.sorted()
    let options = TrendOptions(model: .linear, projectTo: 2030)
    let together = TrendFitter(options: options).fit(names.map { all[$0]! })
    for (name, result) in zip(names, together) {
      let alone = try TrendFitter(options: options).fit(all[name]!)
      #expect(try result.get() == alone, "\(name)")
    }
  }
}
