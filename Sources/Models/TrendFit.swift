import NumericCore
/// The fitted trend of one series: one row of `trend` (DESIGN.md §6).
///
/// `intercept` is the fitted value at `firstYear` (x = 0) and `slope` is per year; both
/// are on the log scale for log-linear and Poisson models (ln y per year), where
/// `annualChangePercent` = 100·(eᵇ − 1) gives the change in percent per year with its CI
/// from the slope's CI. A missing number is `nil`, never NaN.
public struct TrendFit: Sendable, Equatable {
  /// The model fitted.
  public var model: TrendModel
  /// A more specific name of the method, when `model` alone does not say it (`survey-wls`).
  public var method: String?
  /// Number of years used.
  public var n: Int
  /// First and last year used.
  public var firstYear: Int
  public var lastYear: Int
  /// a: the fitted value at the first year (log scale for log-linear and Poisson).
  public var intercept: Double?
  /// b: change per year (log scale for log-linear and Poisson; before the break when segmented).
  public var slope: Double?
  /// Standard error of b (t-based for OLS, Wald for Poisson; none for Sen).
  public var slopeStandardError: Double?
  /// Confidence interval of b at the requested level.
  public var slopeLow: Double?
  public var slopeHigh: Double?
  /// Two-sided p-value of b = 0 (Mann–Kendall's for Sen).
  public var pValue: Double?
  /// R² (OLS only).
  public var rSquared: Double?
  /// 100·(eᵇ − 1) for log-scale models, with the CI mapped the same way.
  public var annualChangePercent: Double?
  public var annualChangeLow: Double?
  public var annualChangeHigh: Double?
  /// The line carried forward, when asked.
  public var projection: Projection?
  /// Poisson: Pearson χ²/(n − p) and whether quasi-Poisson SEs were used.
  public var dispersion: Double?
  public var quasiPoisson: Bool?
  /// Sen: the Mann–Kendall statistics.
  public var mannKendall: MannKendall?
  /// Segmented: level and slope change at the break.
  public var breakEffects: BreakEffects?
  /// Why some numbers are empty, or what was decided for the user (e.g. "constant series").
  public var notes: [String]
  /// Things the user should know about the input (e.g. non-integer counts for Poisson).
  public var warnings: [String]

  public init(model: TrendModel, n: Int, firstYear: Int, lastYear: Int) {
    self.model = model
    self.n = n
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.notes = []
    self.warnings = []
  }
}

/// One estimated coefficient with its inference.
public struct TrendCoefficient: Sendable, Equatable {
  public var estimate: Double
  public var standardError: Double?
  public var low: Double?
  public var high: Double?
  public var pValue: Double?

  public init(estimate: Double, standardError: Double?, low: Double?, high: Double?, pValue: Double?) {
    self.estimate = estimate
    self.standardError = standardError
    self.low = low
    self.high = high
    self.pValue = pValue
  }
}

/// Segmented regression (interrupted time series) at break year B:
///
///     y = b0 + b1·x + b2·D + b3·(year − B)·D,   D = [year ≥ B]
///
/// b2 is the level change at B, b3 the change of slope from B on (DESIGN.md §4;
/// Wagner et al. 2002, J Clin Pharm Ther 27:299–309).
public struct BreakEffects: Sendable, Equatable {
  /// The break year B.
  public var year: Int
  /// b2: the level change at B.
  public var levelChange: TrendCoefficient
  /// b3: the slope change from B on.
  public var slopeChange: TrendCoefficient

  public init(year: Int, levelChange: TrendCoefficient, slopeChange: TrendCoefficient) {
    self.year = year
    self.levelChange = levelChange
    self.slopeChange = slopeChange
  }
}
