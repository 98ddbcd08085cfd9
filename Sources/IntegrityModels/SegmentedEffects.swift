/// Segmented regression (interrupted time series) at break year B:
///
///     y = b0 + b1·x + b2·D + b3·(year − B)·D,   D = [year ≥ B]
///
/// b2 is the level change at B, b3 the change of slope from B on (segmented regression;
/// Wagner et al. 2002, J Clin Pharm Ther 27:299–309).
public struct SegmentedEffects: Sendable, Equatable, Codable {
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
