import IntegrityNumerics
import IntegrityTables
/// The fitted trend of one series: one row of `trend`.
///
/// `intercept` is the fitted value at `firstYear` (x = 0) and `slope` is per year; both
/// are on the log scale for log-linear and Poisson models (ln y per year), where
/// `annualChangePercent` = 100·(eᵇ − 1) gives the change in percent per year with its CI
/// from the slope's CI. A missing number is `nil`, never NaN.
public struct TrendFit: Sendable, Equatable, Codable {
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
  public var breakEffects: SegmentedEffects?
  /// Why some numbers are empty, or what was decided for the user (e.g. "constant series"),
  /// some ending with the option that decided it (`Notice.remedy`).
  public var notes: [Notice]
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
