/// How to fit a trend: the model and what to report besides the line.
public struct TrendOptions: Sendable, Equatable {
  /// The model.
  public var model: TrendModel
  /// Confidence level of intervals, in (0, 1).
  public var level: Double
  /// Project the line to this year (`--to`).
  public var projectTo: Int?
  /// Break year for a segmented (interrupted) series (`--break`); linear and log-linear only.
  public var breakYear: Int?
  /// Quasi-Poisson standard errors whatever the dispersion (`--overdispersion`).
  public var overdispersion: Bool
  /// Pearson dispersion above which quasi-Poisson SEs are used automatically.
  public var dispersionThreshold: Double

  public init(
    model: TrendModel = .linear, level: Double = 0.95, projectTo: Int? = nil, breakYear: Int? = nil,
    overdispersion: Bool = false, dispersionThreshold: Double = 1.5
  ) {
    self.model = model
    self.level = level
    self.projectTo = projectTo
    self.breakYear = breakYear
    self.overdispersion = overdispersion
    self.dispersionThreshold = dispersionThreshold
  }
}
