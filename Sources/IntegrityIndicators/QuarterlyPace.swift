import IntegrityTables
import IntegrityDecimal

/// The quarterly review of a district prosecutors office's target cases (目標案件):
/// strategy 8, measure 6 of the National Integrity Building Action Plan has each
/// office report its yearly count and review the achievement rate every quarter
/// (每季檢討達成率). One value per (office, year, quarter).
///
/// Formulas (DESIGN.md §4), for quarter q of a year with annual target T:
///
///     cumulative      = count₁ + … + count_q
///     cumulative_rate = cumulative / T
///     expected_rate   = q / 4
///     pace            = cumulative_rate / expected_rate = 4 · cumulative / (q · T)
///     on-track        iff 4 · cumulative ≥ q · T   (decided exactly, in integers)
///
/// A missing quarter is not zero: from the first missing quarter on, `cumulative`,
/// `cumulative_rate` and `pace` are empty and the status is `incomplete`. Without a
/// target (or with a target of 0) the rates are empty and the status `no-target`.
public struct QuarterlyPace: Sendable, Equatable {
  /// The indicator, when the input has an indicator column (rows then group per
  /// indicator, office and year, DESIGN.md §4).
  public var indicator: String?
  /// The office's canonical name (`ProsecutorsOffice.name`), the agency as written
  /// (trimmed) when it is not a district prosecutors office, or
  /// `QuarterlyPace.nationalTotal` on a total row.
  public var agency: String
  /// The Gregorian year.
  public var year: Int
  /// The quarter, 1…4.
  public var quarter: Int
  /// The quarter's count; `nil` when the quarter was not reported.
  public var count: AggregatedValue?
  /// Counts of quarters 1…q; `nil` from the first missing quarter on.
  public var cumulative: AggregatedValue?
  /// The annual target.
  public var target: AggregatedValue?
  /// cumulative / target, rounded once.
  public var cumulativeRate: Double?
  /// q / 4.
  public var expectedRate: Double { Double(quarter) / 4 }
  /// cumulative_rate / expected_rate, rounded once.
  public var pace: Double?
  /// on-track, behind, incomplete or no-target.
  public var status: PaceStatus
  /// True on a national total row (`--total`).
  public var isTotal: Bool

  public init(
    indicator: String? = nil, agency: String, year: Int, quarter: Int, count: AggregatedValue?, cumulative: AggregatedValue?,
    target: AggregatedValue?, cumulativeRate: Double?, pace: Double?, status: PaceStatus,
    isTotal: Bool = false
  ) {
    self.indicator = indicator
    self.agency = agency
    self.year = year
    self.quarter = quarter
    self.count = count
    self.cumulative = cumulative
    self.target = target
    self.cumulativeRate = cumulativeRate
    self.pace = pace
    self.status = status
    self.isTotal = isTotal
  }

  /// The agency written on national total rows.
  public static let nationalTotal = "全國"

  /// Decides rates and status for quarter `quarter` from an exact cumulative count
  /// and annual target (see the type's formulas).
  public static func decide(cumulative: AggregatedValue?, target: AggregatedValue?, quarter: Int)
    -> (cumulativeRate: Double?, pace: Double?, status: PaceStatus)
  {
    guard let cumulative else { return (nil, nil, .incomplete) }
    guard let target, !target.isZero else { return (nil, nil, .noTarget) }
    if let (c, t) = AggregatedValue.alignedIntegers(cumulative, target), c.magnitude < 1 << 51,
      t.magnitude < 1 << 50
    {
      // The same decision in 64 bits: c and t are the two figures over one power of ten,
      // 4c and q·t stay below 2⁵³, so each quotient is one correctly rounded division.
      let scaledCumulative = 4 * c
      let scaledTarget = Int64(quarter) * t
      return (
        Double(c) / Double(t), Double(scaledCumulative) / Double(scaledTarget),
        scaledCumulative >= scaledTarget ? .onTrack : .behind
      )
    }
    let rate = cumulative.ratio(to: target)
    let scaledCumulative = cumulative.multiplied(by: DecimalNumber(4))
    let scaledTarget = target.multiplied(by: DecimalNumber(quarter))
    let pace = scaledCumulative.ratio(to: scaledTarget)
    return (rate, pace, scaledCumulative.compare(scaledTarget) >= 0 ? .onTrack : .behind)
  }
}

/// The status of a quarterly pace row.
public enum PaceStatus: String, Sendable, Hashable, CaseIterable, Codable {
  /// pace ≥ 1: the cumulative count keeps up with q/4 of the annual target.
  case onTrack = "on-track"
  /// pace < 1.
  case behind
  /// This quarter or an earlier one was not reported.
  case incomplete
  /// No annual target (or a target of 0) is known for the office and year.
  case noTarget = "no-target"
}
