import Foundation
import IntegrityModels
import IntegrityTables
import Testing
import TestSupport
@testable import IntegrityDecimal

/// Survey proportions against statsmodels: `proportion_confint(method="wilson")`,
/// `proportions_ztest` (pooled) and `WLS` with weights n/(p(1−p))
/// (Tests/Fixtures/trends/ref_survey*.csv).
@Suite struct SurveyProportionTests {
  func surveys() throws -> [String: (years: [Int], p: [Double], n: [Double])] {
    var out = [String: (years: [Int], p: [Double], n: [Double])]()
    for r in try TrendReferenceTable("trends/survey.csv").records {
      let scale = r["unit"] == "%" ? 100.0 : 1.0
      var entry = out[r["indicator"]!] ?? ([], [], [])
      entry.years.append(r.trendInt("year"))
      entry.p.append(r.trendNumber("value")! / scale)
      entry.n.append(r.trendNumber("n")!)
      out[r["indicator"]!] = entry
    }
    return out
  }

  @Test func yearlyAgainstStatsmodels() throws {
    let data = try surveys()
    let reference = try TrendReferenceTable("trends/ref_survey.csv").records
    #expect(reference.count == 34)
    for r in reference {
      let name = r["indicator"]!, level = r.trendNumber("level")!
      let d = try #require(data[name])
      let rows = SurveySeries(years: d.years, proportions: d.p, sizes: d.n).yearly(level: level)
      let row = try #require(rows.first { $0.year == r.trendInt("year") })
      let tag = "\(name) \(row.year) level \(level)"
      let checks: [(Double?, String)] = [
        (row.proportion, "proportion"), (row.ciLow, "ci_low"), (row.ciHigh, "ci_high"), (row.change, "change"),
        (row.changeZ, "change_z"), (row.changeP, "change_p"),
      ]
      for (value, column) in checks {
        let (ok, message) = trendClose(value, r.trendNumber(column), 1e-9, "\(tag) \(column)")
        #expect(ok, "\(message)")
      }
    }
  }

  @Test func trendAgainstStatsmodelsWLS() throws {
    let data = try surveys()
    for r in try TrendReferenceTable("trends/ref_survey_trend.csv").records {
      let name = r["indicator"]!, level = r.trendNumber("level")!
      let d = try #require(data[name])
      let fit = try SurveySeries(years: d.years, proportions: d.p, sizes: d.n).trend(
        level: level, projectTo: r.trendInt("projection_year"))
      let tag = "\(name) level \(level)"
      let checks: [(Double?, String)] = [
        (fit.intercept, "intercept_pp"), (fit.slope, "slope_pp"), (fit.slopeStandardError, "slope_se_pp"),
        (fit.slopeLow, "slope_low_pp"), (fit.slopeHigh, "slope_high_pp"), (fit.pValue, "p_value"),
        (fit.rSquared, "r_squared"), (fit.projection?.value, "projection_pp"),
        (fit.projection?.low, "projection_low_pp"), (fit.projection?.high, "projection_high_pp"),
      ]
      for (value, column) in checks {
        let (ok, message) = trendClose(value, r.trendNumber(column), 1e-9, "\(tag) \(column)")
        #expect(ok, "\(message)")
      }
      #expect(fit.method == "survey-wls")
    }
  }

  /// Hand-worked Wilson at p̂ = 0, n = 10, 95 %: z = 1.959963984540054, z² = 3.841458820694124;
  /// centre = (0 + z²/20)/(1 + z²/10) = 0.1920729410347062/1.3841458820694124 = 0.13876593…;
  /// half = z·√(z²/400)/(1 + z²/10) = z²/20/(1 + z²/10) = the same, so the interval is [0, 0.27753…].
  @Test func wilsonAtZero() throws {
    let ci = try #require(ProportionInterval.wilson(proportion: 0, n: 10, level: 0.95))
    #expect(abs(ci.low) < 1e-15)
    #expect(isClose(ci.high, 2 * 0.1920729410347062 / 1.3841458820694124, relative: 1e-12))
  }

  @Test func trendRejectsDegenerateInput() throws {
    #expect(throws: TrendError.tooFewPoints(have: 2, need: 3)) {
      try SurveySeries(years: [2020, 2021], proportions: [0.4, 0.5], sizes: [100, 100]).trend(level: 0.95)
    }
    #expect(throws: TrendError.self) {
      try SurveySeries(years: [2020, 2021, 2022], proportions: [0.4, 1, 0.5], sizes: [100, 100, 100]).trend(level: 0.95)
    }
  }

  /// 37.7% − 35.4% is 0.023 exactly; subtracting the rounded doubles 0.377 − 0.354 gives
  /// 0.02300000000000002. With the decimals as written, the change is rounded once.
  @Test func changeIsTheExactDecimalDifference() {
    let exact = [DecimalNumber(significand: 354, exponent: -3), DecimalNumber(significand: 377, exponent: -3)]
    let rows = SurveySeries(years: [2017, 2018], proportions: [0.354, 0.377], sizes: [1082, 1087],
                            exactProportions: exact).yearly(level: 0.95)
    #expect(0.377 - 0.354 != 0.023)
    #expect(rows[1].change == 0.023)
  }
}
