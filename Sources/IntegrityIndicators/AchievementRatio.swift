import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

/// The yearly achievement (達成率 / 達成度) of one performance target (績效目標) by one
/// agency (辦理機關), as the Ministry of Justice consolidates it for the National
/// Integrity Building Action Plan (國家廉政建設行動方案) — or the total over agencies.
///
/// Formulas, by direction:
///
///     increase   ratio = actual / target            achieved iff actual ≥ target
///                                                    near     iff actual ≥ near · target
///     decrease   ratio = target / actual            achieved iff actual ≤ target
///                (actual 0, target > 0: achieved, no ratio)
///                                                    near     iff target ≥ near · actual
///     zero       no ratio                           achieved iff actual = 0
///     milestone  no ratio                           achieved iff done (actual ≠ 0)
///
/// `no-data` when the actual is missing; `no-target` when the target is missing, or
/// 0 for `increase` or `decrease` (a zero-event target is direction `zero`). Every decision is
/// made exactly on the decimal figures as written (`AggregatedValue.compare`), never on
/// the rounded ratio; the ratio is printed rounded once. A total over agencies is the
/// ratio of sums, `Σ actual / Σ target`, never the mean of the agencies' ratios.
public struct AchievementRatio: Sendable, Equatable {
  /// The indicator, or `nil` when the input has no indicator column.
  public var indicator: String?
  /// The agency; `AchievementRatio.totalAgency` on a total row; `nil` when the input
  /// has no agency column.
  public var agency: String?
  /// The Gregorian year.
  public var year: Int
  /// The year's actual figure, aggregated from quarters when reported quarterly.
  public var actual: AggregatedValue?
  /// The annual target.
  public var target: AggregatedValue?
  /// The direction the ratio was computed for.
  public var direction: Direction
  /// The achievement ratio rounded once, or `nil` (see the type's formulas).
  public var ratio: Double?
  /// The status decided exactly from `actual` and `target`.
  public var status: AchievementStatus
  /// True when fewer sub-periods than a full year were reported (quarters < 4,
  /// months < 12), or, on a total row, when an agency's row was partial or left out
  /// for lack of an actual or a target.
  public var partial: Bool
  /// How many quarters (or months) carried a figure; 0 for an annual row.
  public var periodsReported: Int
  /// True on a total row (`--total`).
  public var isTotal: Bool

  public init(
    indicator: String?, agency: String?, year: Int, actual: AggregatedValue?,
    target: AggregatedValue?, direction: Direction, ratio: Double?, status: AchievementStatus,
    partial: Bool = false, periodsReported: Int = 0, isTotal: Bool = false
  ) {
    self.indicator = indicator
    self.agency = agency
    self.year = year
    self.actual = actual
    self.target = target
    self.direction = direction
    self.ratio = ratio
    self.status = status
    self.partial = partial
    self.periodsReported = periodsReported
    self.isTotal = isTotal
  }

  /// The agency written on total rows.
  public static let totalAgency = "總計"

  /// Decides ratio and status for one (actual, target, direction), exactly.
  ///
  /// `near` is the near-threshold as a decimal (0.9 by default): near iff
  /// `actual ≥ near · target` (increase) or `target ≥ near · actual` (decrease),
  /// compared in exact integers.
  public static func decide(
    actual: AggregatedValue?, target: AggregatedValue?, direction: Direction,
    near: DecimalNumber = AchievementOptions.defaultNear
  ) -> (ratio: Double?, status: AchievementStatus) {
    guard let actual else { return (nil, .noData) }
    switch direction {
    case .zero:
      return (nil, actual.isZero ? .achieved : .behind)
    case .milestone:
      return (nil, actual.isZero ? .behind : .achieved)
    case .increase:
      guard let target, !target.isZero else { return (nil, .noTarget) }
      if let fast = fastDecision(actual, over: target, near: near) { return fast }
      let ratio = actual.ratio(to: target)
      if actual.compare(target) >= 0 { return (ratio, .achieved) }
      if actual.compare(target.multiplied(by: near)) >= 0 { return (ratio, .near) }
      return (ratio, .behind)
    case .decrease:
      guard let target, !target.isZero else { return (nil, .noTarget) }
      if actual.isZero { return (nil, .achieved) }
      if let fast = fastDecision(target, over: actual, near: near) { return fast }
      let ratio = target.ratio(to: actual)
      if target.compare(actual) >= 0 { return (ratio, .achieved) }
      if target.compare(actual.multiplied(by: near)) >= 0 { return (ratio, .near) }
      return (ratio, .behind)
    }
  }
}

extension AchievementRatio {
  /// `decide` for a ratio `n/d` of two plain sums that fit 64 bits over one power of ten
  /// (nearly every figure): the same result from integer comparisons and one correctly
  /// rounded division of exact doubles; nil when the figures are larger (then the
  /// 128-bit path decides).
  static func fastDecision(_ n: AggregatedValue, over d: AggregatedValue, near: DecimalNumber)
    -> (ratio: Double?, status: AchievementStatus)?
  {
    guard let (x, y) = AggregatedValue.alignedIntegers(n, d) else { return nil }
    return fastDecision(x, over: y, near: near)
  }

  /// The same for `x/y`, two figures as integers over one power of ten; nil beyond 2⁵³.
  static func fastDecision(_ x: Int64, over y: Int64, near: DecimalNumber) -> (ratio: Double?, status: AchievementStatus)? {
    guard x.magnitude < 1 << 53, y.magnitude < 1 << 53 else { return nil }
    let ratio = Double(x) / Double(y)
    if x >= y { return (ratio, .achieved) }
    // x ≥ y·near, near = s·10^e: x·10^−e ≥ y·s (e ≤ 0) or x ≥ y·s·10^e (e > 0).
    let (product, overflow) = y.multipliedReportingOverflow(by: near.significand)
    guard !overflow, let left = ScaledInteger.scale(x, by: -Int(near.exponent)),
      let right = ScaledInteger.scale(product, by: Int(near.exponent))
    else { return nil }
    return (ratio, left >= right ? .near : .behind)
  }
}

/// The achievement status, printed as its raw value.
public enum AchievementStatus: String, Sendable, Hashable, CaseIterable, Codable {
  /// Ratio ≥ 1 (exactly), or zero events, or done.
  case achieved
  /// Ratio ≥ the near-threshold (default 0.9) but below 1.
  case near
  /// Below the near-threshold; or events occurred against a zero target; or not done.
  case behind
  /// The target is missing (or 0 for `increase` or `decrease`).
  case noTarget = "no-target"
  /// The actual figure is missing.
  case noData = "no-data"
}
