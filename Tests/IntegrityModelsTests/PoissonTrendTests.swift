import Foundation
import IntegrityModels
import Testing
import TestSupport

/// Poisson GLM (IRLS) against statsmodels `GLM(family=Poisson())`, classical and with
/// `scale="X2"` (quasi-Poisson); Tests/Fixtures/trends/ref_poisson.csv. Tolerance 1e-6 (IRLS).
@Suite struct PoissonTrendTests {
  @Test func againstStatsmodels() throws {
    let series = try trendFixtureSeries()
    let reference = try TrendReferenceTable("trends/ref_poisson.csv").records
    #expect(reference.count >= 20)
    for r in reference {
      let name = r["series"]!, level = r.trendNumber("level")!
      let quasi = r["scale"] == "quasi"
      // classical rows: never switch to quasi; quasi rows: force it.
      let options = TrendOptions(
        model: .poisson, level: level, projectTo: r.trendInt("projection_year"), overdispersion: quasi,
        dispersionThreshold: .infinity)
      let fit = try TrendFitter(options: options).fit(series[name]!)
      let tag = "\(name) \(r["scale"]!) level \(level)"
      #expect(fit.quasiPoisson == quasi, "\(tag)")
      let checks: [(Double?, String)] = [
        (fit.intercept, "intercept"), (fit.slope, "slope"), (fit.slopeStandardError, "slope_se"),
        (fit.slopeLow, "slope_low"), (fit.slopeHigh, "slope_high"), (fit.pValue, "p_value"),
        (fit.dispersion, "dispersion"), (fit.projection?.value, "projection"),
        (fit.projection?.low, "projection_low"), (fit.projection?.high, "projection_high"),
      ]
      for (value, column) in checks {
        let (ok, message) = trendClose(value, r.trendNumber(column), 1e-6, "\(tag) \(column)")
        #expect(ok, "\(message)")
      }
      let (ok, message) = trendClose(fit.annualChangePercent, r.trendNumber("slope").map { 100 * expm1($0) }, 1e-6, "\(tag) annual change")
      #expect(ok, "\(message)")
    }
  }

  /// The overdispersed fixture has Pearson dispersion > 1.5, so quasi-Poisson SEs are chosen
  /// by default and said so; the short series (dispersion ≈ 0.18 in statsmodels) keeps Wald SEs.
  @Test func quasiPoissonChosenWhenOverdispersed() throws {
    let series = try trendFixtureSeries()
    let fitter = TrendFitter(options: TrendOptions(model: .poisson))
    let over = try fitter.fit(series["overdispersed"]!)
    #expect(over.quasiPoisson == true)
    #expect((over.dispersion ?? 0) > 1.5)
    #expect(over.notes.contains { $0.text.contains("quasi-Poisson") })
    let short = try fitter.fit(series["short"]!)
    #expect(short.quasiPoisson == false)
  }

  @Test func nonIntegerCountsWarnButFit() throws {
    let s = TrendSeries(years: [2018, 2019, 2020, 2021], values: [2.5, 3, 4.5, 6])
    let fit = try TrendFitter(options: TrendOptions(model: .poisson)).fit(s)
    #expect(fit.slope != nil)
    #expect(fit.warnings.contains { $0.contains("not whole counts") })
  }

  @Test func negativeAndAllZeroCountsAreErrors() throws {
    let fitter = TrendFitter(options: TrendOptions(model: .poisson))
    #expect(throws: TrendError.negativeCount(index: 1, year: 2019, value: -1)) {
      try fitter.fit(TrendSeries(years: [2018, 2019, 2020], values: [1, -1, 2]))
    }
    #expect(throws: TrendError.allZeroCounts) {
      try fitter.fit(TrendSeries(years: [2018, 2019, 2020], values: [0, 0, 0]))
    }
  }

  /// Many series are fitted in chunks on several threads; each result equals the series fitted
  /// alone, in input order (3,000 series: 375 copies of each fixture series).
  @Test(arguments: [TrendModel.poisson, .sen])
  func chunkedFitsEqualSingleFits(model: TrendModel) throws {
    let fixtures = try trendFixtureSeries().filter { $0.value.values.allSatisfy { $0 >= 0 } }.sorted { $0.key < $1.key }
    let many = (0..<3000).map { fixtures[$0 % fixtures.count].value }
    let fitter = TrendFitter(options: TrendOptions(model: model, projectTo: 2030))
    let together = fitter.fit(many)
    #expect(together.count == many.count)
    let alone = fixtures.map { try? fitter.fit($0.value) }
    for (i, result) in together.enumerated() {
      let fit = try? result.get()
      #expect(fit == alone[i % fixtures.count], "series \(i)")
    }
  }
}
