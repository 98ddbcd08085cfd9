import IntegrityAgencyData

/// One numbered performance target (績效目標) of the Action Plan, with its agencies and the
/// properties inferred from its text by `scripts/extract_catalog.py` (rules documented there).
public struct CatalogTarget: Sendable, Equatable, Hashable {
  /// How often the target is reported or done, inferred from the text
  /// (每季 → quarterly; 每年, 全年度 → yearly; 每二年/每2年/每兩年 → biennial;
  /// 定期 → periodic; 完成, 通過, 增訂, 明定, 法制化 → once; otherwise unspecified).
  public enum Frequency: String, Sendable, Hashable, CaseIterable, Codable {
    case yearly, quarterly, biennial
    /// 定期 ("regularly"): a recurring task whose period the plan does not state — not the
    /// same as `unspecified`, a target that states no frequency at all.
    case periodic
    case once, unspecified
  }

  /// What the target measures, inferred from the text (不發生 → zero-event; 金額 → amount;
  /// 件數, 場次, 人次, 家數, 次數, 召開…會議 → count; 率, 民意調查 → rate; a one-off deliverable
  /// or 立法, 修法, 研議, 研編, 編製, 整併 → milestone; otherwise report).
  public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
    case count, amount, rate
    case zeroEvent = "zero-event"
    case milestone, report

    /// The default direction of a target of this kind: counts, amounts and rates `increase`;
    /// zero-event targets `zero`; milestones and reports (delivered or not) `milestone`.
    public var defaultDirection: Direction {
      switch self {
      case .count, .amount, .rate: .increase
      case .zeroEvent: .zero
      case .milestone, .report: .milestone
      }
    }
  }

  /// Strategy number (1–9).
  public var strategy: Int
  /// Measure number within the strategy.
  public var measure: Int
  /// The target's number within its measure (1 for a single, unnumbered target).
  public var index: Int
  /// The plan's own text of the target, joined across page breaks, without its `1.` number.
  public var text: String
  /// Lead agencies (主辦), in the plan's order. Empty only for 1-1-6, for which the plan names
  /// supporting agencies (協辦) alone.
  public var leadAgencies: [String]
  /// Supporting agencies (協辦), in the plan's order.
  public var supportingAgencies: [String]
  public var frequency: Frequency
  public var kind: Kind
  /// The default direction for achievement ratios.
  public var direction: Direction

  public init(
    strategy: Int, measure: Int, index: Int, text: String, leadAgencies: [String],
    supportingAgencies: [String], frequency: Frequency, kind: Kind, direction: Direction
  ) {
    self.strategy = strategy
    self.measure = measure
    self.index = index
    self.text = text
    self.leadAgencies = leadAgencies
    self.supportingAgencies = supportingAgencies
    self.frequency = frequency
    self.kind = kind
    self.direction = direction
  }

  /// `strategy-measure-index`, e.g. `8-6-1`.
  public var id: String { "\(strategy)-\(measure)-\(index)" }

  /// `strategy-measure`, e.g. `8-6`.
  public var measureID: String { "\(strategy)-\(measure)" }
}
