import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

/// The choices of `integrity-stats achievement`, with their defaults.
public struct AchievementOptions: Sendable, Equatable {
  /// The direction for rows whose file gives none (`--direction`); rows without
  /// either take the catalog's direction for their indicator, else `increase`.
  public var direction: Direction?
  /// The near-threshold (`--near`, default 0.9), an exact decimal.
  public var near: DecimalNumber
  /// How quarters aggregate to the year (`--aggregate`, default sum).
  public var aggregation: Aggregation
  /// What to do with duplicate rows (`--duplicates`, default error).
  public var duplicates: DuplicatePolicy
  /// What a target on a quarterly row means (`--target-per`, default year).
  public var targetPer: TargetPeriod
  /// Whether to add per-indicator totals over agencies (`--total`).
  public var total: Bool

  /// 0.9, exactly.
  public static let defaultNear = DecimalNumber(significand: 9, exponent: -1)

  public init(
    direction: Direction? = nil, near: DecimalNumber = AchievementOptions.defaultNear,
    aggregation: Aggregation = .sum, duplicates: DuplicatePolicy = .error,
    targetPer: TargetPeriod = .year, total: Bool = false
  ) {
    self.direction = direction
    self.near = near
    self.aggregation = aggregation
    self.duplicates = duplicates
    self.targetPer = targetPer
    self.total = total
  }
}
