import IntegrityNumerics
import IntegrityTables
import IntegrityDecimal

/// A survey indicator over the years: proportions with sample sizes.
public struct SurveySeries: Sendable, Equatable {
  public var years: [Int]
  /// Proportions in [0, 1].
  public var proportions: [Double]
  /// Sample sizes.
  public var sizes: [Double]
  /// The proportions as the decimals written, when known: the year-on-year change is
  /// then their exact difference rounded once (37.7% − 35.4% = 0.023, not the
  /// 0.02300000000000002 of subtracting two rounded doubles).
  public var exactProportions: [DecimalNumber]?

  public init(years: [Int], proportions: [Double], sizes: [Double], exactProportions: [DecimalNumber]? = nil) {
    precondition(years.count == proportions.count && years.count == sizes.count)
    precondition(exactProportions.map { $0.count == years.count } ?? true)
    self.years = years
    self.proportions = proportions
    self.sizes = sizes
    self.exactProportions = exactProportions
  }

  /// Each year with its Wilson interval and the change from the year before.
  public func yearly(level: Double) -> [SurveyProportion] {
    years.indices.map { i in
      var row = SurveyProportion(year: years[i], n: sizes[i], proportion: proportions[i])
      if let ci = ProportionInterval.wilson(proportion: proportions[i], n: sizes[i], level: level) {
        (row.ciLow, row.ciHigh) = (ci.low, ci.high)
      }
      if i > 0, let test = ProportionChange(
        previous: proportions[i - 1], n1: sizes[i - 1], current: proportions[i], n2: sizes[i]) {
        (row.change, row.changeZ, row.changeP) = (test.change, test.z, test.pValue)
        if let exact = exactProportions {
          var difference = DecimalSum(exact[i])
          difference.add(DecimalNumber(significand: -exact[i - 1].significand, exponent: exact[i - 1].exponent))
          row.change = difference.double
        }
      }
      return row
    }
  }

  /// The WLS trend line p = a + b·x with weights wᵢ = nᵢ/(pᵢ(1 − pᵢ)) (the inverse sampling
  /// variances), reported in percentage points: intercept and slope ×100, with the t-based SE,
  /// CI and p of an ordinary WLS fit (scale estimated, as statsmodels `WLS`) and the weighted R².
  ///
  /// A projection carries the confidence interval of the line (the mean), not a prediction
  /// interval: the sampling variance of a future survey depends on its unknown n.
  ///
  /// Edge cases: fewer than 3 years → `TrendError.tooFewPoints`; a proportion of 0 or 1 has
  /// an infinite weight → `TrendError.unsupported` naming the year.
  public func trend(level: Double, projectTo: Int? = nil) throws(TrendError) -> TrendFit {
    guard years.count >= 3 else { throw .tooFewPoints(have: years.count, need: 3) }
    if let i = proportions.indices.first(where: { !(proportions[$0] > 0 && proportions[$0] < 1) }) {
      throw .unsupported("survey trend: proportion \(proportions[i]) in \(years[i]) has no sampling variance")
    }
    let weights = proportions.indices.map { sizes[$0] / (proportions[$0] * (1 - proportions[$0])) }
    let batch: SeriesBatch
    do {
      batch = try SeriesBatch(design: TrendDesign.matrix(years: years, breakYear: nil), weights: weights)
    } catch {
      throw .unsupported("survey trend: \(error)")
    }
    let fits = batch.fit(Matrix(rows: years.count, columns: 1, columnMajor: proportions), level: level)
    var fit = TrendFit(model: .linear, n: years.count, firstYear: years[0], lastYear: years[years.count - 1])
    fit.method = "survey-wls"
    let a = fits.coefficient(0, series: 0)
    let b = fits.coefficient(1, series: 0)
    fit.intercept = 100 * a.estimate
    fit.slope = 100 * b.estimate
    fit.slopeStandardError = b.standardError.map { 100 * $0 }
    fit.slopeLow = b.low.map { 100 * $0 }
    fit.slopeHigh = b.high.map { 100 * $0 }
    fit.pValue = b.pValue
    fit.rSquared = fits.rSquared(0)
    fit.notes.append("WLS, weights n/(p(1-p)); intercept and slope in percentage points")
    if let year = projectTo {
      // A future survey's sample size is unknown, so the interval is the CI of the line,
      // ŷ ± t·se(ŷ) (statsmodels `get_prediction().summary_frame()` mean_ci_*), in percent.
      let x0 = TrendDesign.row(year: year, firstYear: years[0], breakYear: nil)
      let prediction = fits.prediction(at: x0, series: 0)
      var half: Double?
      if let se = prediction.seFit, let t = fits.tCritical { half = t * se }
      fit.projection = Projection(
        year: year, value: 100 * prediction.fit, low: half.map { 100 * (prediction.fit - $0) },
        high: half.map { 100 * (prediction.fit + $0) }, interval: .confidence)
    }
    return fit
  }
}
