import Foundation

/// The fitted curve of one `trend` result row, evaluated at a year.
///
/// As `TrendFit`: `intercept` a is the fitted value at `first_year` (x = 0)
/// and `slope` b is per year, both on the log scale for `loglinear` and `poisson`. With
/// x = year − first_year:
///
///     linear, sen, survey-wls:  ŷ(x) = a + b·x
///     loglinear, poisson:       ŷ(x) = e^(a + b·x)
///
/// Segmented (interrupted time series) at break year B, D = [year ≥ B]:
///
///     ŷ = a + b·x + level_change·D + slope_change·(year − B)·D   (on the log scale for log models)
public struct TrendCurve: Sendable, Equatable {
  public var model: String
  public var firstYear: Int
  public var intercept: Double
  public var slope: Double
  /// The break year and the level and slope changes at it, for a segmented fit.
  public var breakYear: Int?
  public var levelChange: Double
  public var slopeChange: Double

  public init(
    model: String, firstYear: Int, intercept: Double, slope: Double, breakYear: Int? = nil,
    levelChange: Double = 0, slopeChange: Double = 0
  ) {
    self.model = model
    self.firstYear = firstYear
    self.intercept = intercept
    self.slope = slope
    self.breakYear = breakYear
    self.levelChange = levelChange
    self.slopeChange = slopeChange
  }

  /// True for models fitted on the log scale.
  public var isLogScale: Bool { model == "loglinear" || model == "poisson" }

  /// ŷ at `year`.
  public func fitted(_ year: Int) -> Double {
    var eta = intercept + slope * Double(year - firstYear)
    if let breakYear, year >= breakYear {
      eta += levelChange + slopeChange * Double(year - breakYear)
    }
    return isLogScale ? exp(eta) : eta
  }
}
