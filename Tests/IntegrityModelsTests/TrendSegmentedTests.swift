import Foundation
import IntegrityModels
import IntegrityTables
import Testing
import TestSupport

/// Segmented regression (interrupted time series) against statsmodels OLS on
/// [1, x, D, (year − B)·D] (Tests/Fixtures/trends/ref_segmented.csv), and the Poisson GLM on
/// the same design (ref_segmented_poisson.csv).
@Suite struct TrendSegmentedTests {
  /// Linear (ref_segmented.csv) and log-linear (ref_segmented_log.csv: the same regression on
  /// ln y; our projection is the back-transform exp(·) of statsmodels' log-scale prediction).
  @Test(arguments: [TrendModel.linear, .loglinear])
  func againstStatsmodels(model: TrendModel) throws {
    let series = try trendFixtureSeries()
    let log = model == .loglinear
    let reference = try TrendReferenceTable(log ? "trends/ref_segmented_log.csv" : "trends/ref_segmented.csv").records
    #expect(reference.count == (log ? 4 : 6))
    for r in reference {
      let name = r["series"]!, level = r.trendNumber("level")!
      let options = TrendOptions(
        model: model, level: level, projectTo: r.trendInt("projection_year"), breakYear: r.trendInt("break_year"))
      let fit = try TrendFitter(options: options).fit(series[name]!)
      let effects = try #require(fit.breakEffects)
      let tag = "\(model) \(name) level \(level)"
      Self.expectTerms(fit, effects, r, 1e-9, tag)
      let (ok0, m0) = trendClose(fit.intercept, r.trendNumber("b0_est"), 1e-9, "\(tag) b0")
      #expect(ok0, "\(m0)")
      let (okR, mR) = trendClose(fit.rSquared, r.trendNumber("r_squared"), 1e-9, "\(tag) r_squared")
      #expect(okR, "\(mR)")
      let projection = try #require(fit.projection)
      for (value, column) in [(projection.value, "projection"), (projection.low!, "projection_low"), (projection.high!, "projection_high")] {
        let expected = r.trendNumber(column).map { log ? exp($0) : $0 }
        let (ok, message) = trendClose(value, expected, 1e-9, "\(tag) \(column)")
        #expect(ok, "\(message)")
      }
    }
  }

  /// Poisson on the segmented design (counts: rate ratios at the break) against statsmodels
  /// `GLM(family=Poisson())`, classical and `scale="X2"` (ref_segmented_poisson.csv); the
  /// projection is the mean's Wald interval on the log scale, back-transformed. IRLS: 1e-6.
  @Test func poissonAgainstStatsmodels() throws {
    let series = try trendFixtureSeries()
    let reference = try TrendReferenceTable("trends/ref_segmented_poisson.csv").records
    #expect(reference.count == 12)
    for r in reference {
      let name = r["series"]!, level = r.trendNumber("level")!
      let quasi = r["scale"] == "quasi"
      let options = TrendOptions(
        model: .poisson, level: level, projectTo: r.trendInt("projection_year"), breakYear: r.trendInt("break_year"),
        overdispersion: quasi, dispersionThreshold: .infinity)
      let fit = try TrendFitter(options: options).fit(series[name]!)
      let effects = try #require(fit.breakEffects)
      let tag = "poisson \(name) \(r["scale"]!) level \(level)"
      #expect(fit.quasiPoisson == quasi, "\(tag)")
      Self.expectTerms(fit, effects, r, 1e-6, tag)
      let projection = try #require(fit.projection)
      let checks: [(Double?, String)] = [
        (fit.intercept, "b0_est"), (fit.dispersion, "dispersion"), (projection.value, "projection"),
        (projection.low, "projection_low"), (projection.high, "projection_high"),
      ]
      for (value, column) in checks {
        let (ok, message) = trendClose(value, r.trendNumber(column), 1e-6, "\(tag) \(column)")
        #expect(ok, "\(message)")
      }
      // The fitted line at the projection year is the projection's centre.
      let (okF, mF) = trendClose(fit.fittedValue(year: projection.year), projection.value, 1e-12, "\(tag) fitted")
      #expect(okF, "\(mF)")
    }
  }

  /// b1 (the slope), b2 and b3 — estimate, SE, interval, p — against the reference row.
  static func expectTerms(
    _ fit: TrendFit, _ effects: SegmentedEffects, _ r: [String: String], _ tolerance: Double, _ tag: String
  ) {
    let b1 = TrendCoefficient(
      estimate: fit.slope!, standardError: fit.slopeStandardError, low: fit.slopeLow, high: fit.slopeHigh,
      pValue: fit.pValue)
    for (coefficient, term) in [(b1, "b1"), (effects.levelChange, "b2"), (effects.slopeChange, "b3")] {
      let pairs: [(Double?, String)] = [
        (coefficient.estimate, "est"), (coefficient.standardError, "se"), (coefficient.low, "low"),
        (coefficient.high, "high"), (coefficient.pValue, "p"),
      ]
      for (value, part) in pairs {
        let (ok, message) = trendClose(value, r.trendNumber("\(term)_\(part)"), tolerance, "\(tag) \(term)_\(part)")
        #expect(ok, "\(message)")
      }
    }
  }

  @Test func breakNeedsTwoYearsOnEachSide() throws {
    let s = TrendSeries(years: Array(2010...2016), values: [1, 2, 3, 4, 5, 7, 8])
    let fitter = TrendFitter(options: TrendOptions(model: .linear, breakYear: 2016))
    #expect(throws: TrendError.breakOutOfRange(breakYear: 2016, before: 6, after: 1)) { try fitter.fit(s) }
  }

  @Test func breakNotWithSen() throws {
    let fitter = TrendFitter(options: TrendOptions(model: .sen, breakYear: 2016))
    #expect(throws: TrendError.noSegmentedForm(.sen)) { try fitter.validate() }
    #expect(throws: Never.self) { try TrendFitter(options: TrendOptions(model: .poisson, breakYear: 2016)).validate() }
  }

  /// Issue 14: the library names its Swift options, never the command line's flags; the
  /// remedy is typed so that a caller can word it.
  @Test func breakWithSenNamesTheSwiftOption() throws {
    let error = TrendError.noSegmentedForm(.sen)
    #expect(error.remedy == .segmentedModel)
    #expect(error.description == "the sen model has no segmented form; " + Remedy.segmentedModel.description)
    #expect(error.description.contains("`TrendOptions.breakYear`"))
    #expect(!error.description.contains("--"))
  }

  @Test func forcedQuasiPoissonNoteNamesTheSwiftOption() throws {
    let s = TrendSeries(years: Array(2010...2016), values: [3, 9, 2, 12, 4, 15, 6])
    let fit = try TrendFitter(options: TrendOptions(model: .poisson, overdispersion: true)).fit(s)
    let note = try #require(fit.notes.first { $0.text == "quasi-Poisson SEs" })
    #expect(note.remedy == .overdispersion)
    #expect(note.description == "quasi-Poisson SEs; as `TrendOptions.overdispersion` asks")
    #expect(note.described(remedy: { _ in "X" }) == "quasi-Poisson SEs; X")
  }
}
