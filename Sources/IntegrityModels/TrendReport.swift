/// The result of `trend`: one fitted line per series, in a fixed order.
public struct TrendReport: Sendable, Equatable {
  /// One series' line.
  public struct Row: Sendable, Equatable {
    public var indicator: String?
    public var agency: String?
    public var fit: TrendFit
    /// Whether and when the fitted line meets the target, when there is one.
    public var crossing: TargetCrossing?

    public init(indicator: String?, agency: String?, fit: TrendFit, crossing: TargetCrossing? = nil) {
      self.indicator = indicator
      self.agency = agency
      self.fit = fit
      self.crossing = crossing
    }
  }

  public var rows: [Row]
  /// The options the lines were fitted with (they decide the extra columns).
  public var options: TrendOptions
  /// Whether the model was chosen per series (`--auto`).
  public var automatic: Bool
  /// Whether any series has a target (adds target, reaches_target, target_year).
  public var hasTargets: Bool
  /// Messages for standard error (e.g. non-integer counts under Poisson).
  public var warnings: [String]

  public init(rows: [Row], options: TrendOptions, automatic: Bool = false, hasTargets: Bool = false, warnings: [String] = []) {
    self.rows = rows
    self.options = options
    self.automatic = automatic
    self.hasTargets = hasTargets
    self.warnings = warnings
  }
}
