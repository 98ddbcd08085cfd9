import IntegrityNumerics
import IntegrityTables
import RealModule

/// Fits trend lines to one series or to many at once.
///
/// Linear and log-linear series (with or without a break) are grouped by their pattern of
/// years; each group shares one design and is solved by one `SeriesBatch` (two `dgemm`s for
/// the whole group). Poisson (IRLS) and Sen are fitted series by series.
///
/// Edge cases:
/// - fewer than 3 years → `TrendError.tooFewPoints` (5, and 2 on each side, with a break);
/// - a constant series → slope 0 with SE 0 and CI [0, 0]; R², t and p `nil`, with a note
///   (not R² = 1, not a p-value made of rounding noise);
/// - log-linear with a value ≤ 0 → `TrendError.nonPositive` naming its position;
/// - Poisson with non-integer values → fitted, with a warning.
public struct TrendFitter: Sendable {
  /// The model and what to report.
  public var options: TrendOptions

  public init(options: TrendOptions) {
    self.options = options
  }

  /// Checks that the options combine (a break with linear, log-linear or Poisson models).
  public func validate() throws(TrendError) {
    if options.breakYear != nil, options.model == .sen {
      throw .noSegmentedForm(options.model)
    }
  }

  /// Fits one series.
  public func fit(_ series: TrendSeries) throws(TrendError) -> TrendFit {
    try fit([series])[0].get()
  }

  /// Fits every series; each result is the fit or why that series cannot be fitted.
  public func fit(_ all: [TrendSeries]) -> [Result<TrendFit, TrendError>] {
    fit(all) { _, result in result }
  }

  /// Fits every series and hands each result, with the series' index, to `each` (on
  /// every core when there are many): `each`'s values in the series' order. A caller that
  /// turns each fit into something else (a report's row) builds its array directly,
  /// without an array of fits between: at 17,857 series that array is 9 MB of memory
  /// written once and copied from once.
  public func fit<T: Sendable>(
    _ all: [TrendSeries], each: @Sendable (_ series: Int, _ result: consuming Result<TrendFit, TrendError>) -> T
  ) -> [T] {
    do { try validate() } catch {
      return all.indices.map { each($0, .failure(error)) }
    }
    var failures: [(index: Int, error: TrendError)] = []
    // Series grouped by their years; a series on the years of the one before (the usual
    // case) joins its group without hashing the years.
    var groups: [(years: [Int], members: [Int])] = []
    var groupOfYears = [[Int]: Int]()
    var last = -1
    var oneByOne = [Int]()
    // By index, reading each series in place (a copy would retain its two arrays, which
    // are cache-cold here).
    for index in all.indices {
      do {
        try check(all[index])
      } catch {
        failures.append((index, error))
        continue
      }
      switch options.model {
      case .linear, .loglinear:
        if last < 0 || groups[last].years != all[index].years {
          last = groupOfYears[all[index].years] ?? groups.count
          if last == groups.count {
            groupOfYears[all[index].years] = last
            groups.append((all[index].years, []))
          }
        }
        groups[last].members.append(index)
      case .poisson, .sen: oneByOne.append(index)
      }
    }
    if groups.count == 1, oneByOne.isEmpty, groups[0].members.count == all.count {
      // Every series fitted, on the same years (the usual case): the results in order as they come.
      return fitLeastSquares(years: groups[0].years, series: all, each: each)
    }
    // Otherwise each result put in its place (the array only now: 8.9 MB for 17,857 fits).
    var results = [Result<TrendFit, TrendError>?](repeating: nil, count: all.count)
    for (index, error) in failures { results[index] = .failure(error) }
    // Each fit moved to its place, not copied (a copy retains every array a fit holds).
    for (years, members) in groups {
      var fits = fitLeastSquares(years: years, series: members.map { all[$0] }) { _, result in result }
      for (k, index) in members.enumerated() { results[index] = fits.take(at: k) }
    }
    var fits = fitEach(oneByOne.map { all[$0] })
    for (k, index) in oneByOne.enumerated() { results[index] = fits.take(at: k) }
    // (Each fit copied into `each`: this path is the rare one, series on different years.)
    return Self.map(results.count) { [results] index in each(index, results[index]!) }
  }

  /// Poisson or Sen, series by series (on every core when there are many).
  func fitEach(_ series: [TrendSeries]) -> [Result<TrendFit, TrendError>] {
    Self.map(series.count) { [self] j in
      if options.model == .sen { return .success(fitSen(series[j])) }
      do throws(TrendError) { return .success(try fitPoisson(series[j])) } catch { return .failure(error) }
    }
  }

  /// `(0..<count).map(transform)`; from 2,000 series on, on every core (`Chunks`).
  static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    Chunks.map(count, minimum: 2_000, each: transform)
  }

  // MARK: - Checks

  func check(_ series: TrendSeries) throws(TrendError) {
    if let breakYear = options.breakYear {
      let before = series.years.filter { $0 < breakYear }.count
      let after = series.count - before
      if series.count < 5 { throw .tooFewPoints(have: series.count, need: 5) }
      if before < 2 || after < 2 { throw .breakOutOfRange(breakYear: breakYear, before: before, after: after) }
    }
    if series.count < 3 { throw .tooFewPoints(have: series.count, need: 3) }
    switch options.model {
    case .loglinear:
      if let i = series.values.firstIndex(where: { !($0 > 0) }) {
        throw .nonPositive(index: i, year: series.years[i], value: series.values[i])
      }
    case .poisson:
      if let i = series.values.firstIndex(where: { $0 < 0 }) {
        throw .negativeCount(index: i, year: series.years[i], value: series.values[i])
      }
      if !series.values.contains(where: { $0 > 0 }) { throw .allZeroCounts }
    case .linear, .sen:
      break
    }
  }

  // MARK: - Least squares (linear, log-linear, segmented), batched

  func fitLeastSquares<T: Sendable>(
    years: [Int], series: [TrendSeries], each: @Sendable (Int, consuming Result<TrendFit, TrendError>) -> T
  ) -> [T] {
    let n = years.count, k = series.count
    let log = options.model == .loglinear
    var y = [Double]()
    y.reserveCapacity(n * k)
    for j in series.indices { y += log ? series[j].values.map { Double.log($0) } : series[j].values }
    let batch: SeriesBatch
    do {
      batch = try SeriesBatch(design: TrendDesign.matrix(years: years, breakYear: options.breakYear))
    } catch LinearAlgebraError.unavailable(let what) {
      return series.indices.map { each($0, .failure(.unsupported(what))) }
    } catch {
      return series.indices.map { each($0, .failure(.unsupported("the years do not determine a line: \(error)"))) }
    }
    let fits = batch.fit(Matrix(rows: n, columns: k, columnMajor: y), level: options.level)
    return Self.map(series.count) { [self] j in each(j, .success(leastSquaresFit(fits, j, series[j], log: log))) }
  }

  func leastSquaresFit(_ fits: SeriesBatchFit, _ j: Int, _ series: TrendSeries, log: Bool) -> TrendFit {
    var fit = TrendFit(model: options.model, n: series.count, firstYear: series.firstYear, lastYear: series.lastYear)
    let constant = series.isConstant
    // Exactly, for a constant series: the line is flat through the common value;
    // nothing to test. (Only the slope and a break's terms are reported with inference:
    // the intercept's t-test would be computed for nothing.)
    let flat = constant ? (log ? Double.log(series.values[0]) : series.values[0]) : 0
    func coefficient(_ term: Int) -> TrendCoefficient {
      guard constant else { return fits.coefficient(term, series: j) }
      let estimate = term == 0 ? flat : 0
      return TrendCoefficient(estimate: estimate, standardError: 0, low: estimate, high: estimate, pValue: nil)
    }
    if constant { fit.notes.append("constant series: slope 0, R², t and p undefined") }
    fit.intercept = constant ? flat : fits.coefficients[0, j]
    let slope = coefficient(1)
    fit.slope = slope.estimate
    fit.slopeStandardError = slope.standardError
    fit.slopeLow = slope.low
    fit.slopeHigh = slope.high
    fit.pValue = slope.pValue
    fit.rSquared = constant ? nil : fits.rSquared(j)
    if let breakYear = options.breakYear {
      fit.breakEffects = SegmentedEffects(year: breakYear, levelChange: coefficient(2), slopeChange: coefficient(3))
    }
    if log { setAnnualChange(&fit) }
    if let year = options.projectTo {
      let x0 = TrendDesign.row(year: year, firstYear: series.firstYear, breakYear: options.breakYear)
      var value = 0.0
      for l in x0.indices { value += x0[l] * (constant ? coefficient(l).estimate : fits.coefficients[l, j]) }
      var low: Double?, high: Double?
      if constant {
        (low, high) = (value, value)
      } else {
        let prediction = fits.prediction(at: x0, series: j)
        (value, low, high) = (prediction.fit, prediction.low, prediction.high)
      }
      if log {
        fit.projection = Projection(
          year: year, value: Double.exp(value), low: low.map { Double.exp($0) }, high: high.map { Double.exp($0) },
          interval: .prediction)
      } else {
        fit.projection = Projection(year: year, value: value, low: low, high: high, interval: .prediction)
      }
    }
    return fit
  }

  /// annual change = 100·(eᵇ − 1) %, computed as 100·expm1(b); its CI maps the slope's CI.
  func setAnnualChange(_ fit: inout TrendFit) {
    fit.annualChangePercent = fit.slope.map { 100 * Double.expMinusOne($0) }
    fit.annualChangeLow = fit.slopeLow.map { 100 * Double.expMinusOne($0) }
    fit.annualChangeHigh = fit.slopeHigh.map { 100 * Double.expMinusOne($0) }
  }

  // MARK: - Poisson

  /// The Poisson GLM; with a break year, on the segmented design [1, x, D, (year − B)·D]
  /// (an interrupted series of counts: level and slope change on the log scale, as rate
  /// ratios e^b2 and e^b3; Bernal, Cummins & Gasparrini 2017, Int J Epidemiol 46:348–355).
  func fitPoisson(_ series: TrendSeries) throws(TrendError) -> TrendFit {
    let design = TrendDesign.matrix(years: series.years, breakYear: options.breakYear)
    let result: PoissonFit
    do {
      result = try PoissonModel(counts: series.values, design: design).fit()
    } catch let error as TrendError {
      throw error
    } catch {
      throw .unsupported("Poisson fit failed: \(error)")
    }
    var fit = TrendFit(model: .poisson, n: series.count, firstYear: series.firstYear, lastYear: series.lastYear)
    if series.values.contains(where: { $0 != $0.rounded() }) {
      fit.warnings.append("Poisson trend on values that are not whole counts")
    }
    let dispersion = result.dispersion
    let quasi = options.overdispersion || (dispersion.map { $0 > options.dispersionThreshold } ?? false)
    let scale = quasi ? (dispersion ?? 1) : 1
    fit.dispersion = dispersion
    fit.quasiPoisson = quasi
    if quasi {
      fit.notes.append(
        options.overdispersion
          ? Notice("quasi-Poisson SEs", remedy: .overdispersion)
          : "quasi-Poisson SEs: dispersion above \(options.dispersionThreshold)")
    }
    let a = result.coefficient(0, scale: scale, level: options.level)
    let b = result.coefficient(1, scale: scale, level: options.level)
    fit.intercept = a.estimate
    fit.slope = b.estimate
    fit.slopeStandardError = b.standardError
    fit.slopeLow = b.low
    fit.slopeHigh = b.high
    fit.pValue = b.pValue
    setAnnualChange(&fit)
    if let breakYear = options.breakYear {
      fit.breakEffects = SegmentedEffects(
        year: breakYear, levelChange: result.coefficient(2, scale: scale, level: options.level),
        slopeChange: result.coefficient(3, scale: scale, level: options.level))
    }
    if let year = options.projectTo {
      let mean = result.mean(
        at: TrendDesign.row(year: year, firstYear: series.firstYear, breakYear: options.breakYear), scale: scale,
        level: options.level)
      fit.projection = Projection(year: year, value: mean.value, low: mean.low, high: mean.high, interval: .confidence)
    }
    return fit
  }

  // MARK: - Sen

  func fitSen(_ series: TrendSeries) -> TrendFit {
    var fit = TrendFit(model: .sen, n: series.count, firstYear: series.firstYear, lastYear: series.lastYear)
    let mk = MannKendall(series.values)
    fit.mannKendall = mk
    fit.pValue = mk.pValue
    if let line = TheilSen(x: series.x, y: series.values, level: options.level) {
      fit.intercept = line.intercept
      fit.slope = line.slope
      fit.slopeLow = line.slopeLow
      fit.slopeHigh = line.slopeHigh
      if let year = options.projectTo {
        fit.projection = Projection(
          year: year, value: line.intercept + line.slope * Double(year - series.firstYear), low: nil, high: nil,
          interval: .none)
      }
    }
    return fit
  }
}

extension Array where Element == Result<TrendFit, TrendError> {
  /// Moves the result at `index` out, leaving a placeholder without payload
  /// (`.allZeroCounts`) in its place: no copy of the fit's arrays and strings.
  package mutating func take(at index: Int) -> Result<TrendFit, TrendError> {
    var taken = Result<TrendFit, TrendError>.failure(.allZeroCounts)
    swap(&taken, &self[index])
    return taken
  }
}
