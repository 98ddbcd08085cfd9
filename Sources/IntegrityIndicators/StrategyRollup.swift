import IntegrityTables
import IntegrityActionPlan

/// The yearly roll-up of achievement by the plan's strategies (具體策略) and measures (執行措施):
/// how many targets were achieved, near, behind, without a target or without data.
///
/// Counted unit: one (indicator, agency, year) row of `AchievementReport`, i.e. one target as
/// one agency reports it; total rows over agencies (`--total`) are left out, so nothing is
/// counted twice. An indicator belongs to the measure its name refers to (`8-5 起訴貪瀆案件數`,
/// `八(五)`, `8-5-1`: `CatalogTargetID`) when the catalog has that measure; other indicators are
/// counted under no strategy (`strategy` nil), last.
///
/// Rows, per year (ascending): for each strategy (plan order) a subtotal row (`measure` nil),
/// then one row per measure (plan order) that has targets that year. Titles come from the
/// catalog (`ActionPlanCatalog.Strategy.name`, `Measure.text`).
public struct StrategyRollup: Sendable, Equatable {
  /// One achievement row to count.
  public struct Entry: Sendable, Equatable {
    public var indicator: String?
    public var year: Int
    public var status: AchievementStatus

    public init(indicator: String?, year: Int, status: AchievementStatus) {
      self.indicator = indicator
      self.year = year
      self.status = status
    }
  }

  /// One line of the roll-up.
  public struct Row: Sendable, Equatable {
    public var year: Int
    /// The strategy number (1–9); nil for indicators outside the plan.
    public var strategy: Int?
    public var strategyTitle: String?
    /// The measure number within the strategy; nil on the strategy's subtotal row.
    public var measure: Int?
    public var measureTitle: String?
    public var achieved = 0
    public var near = 0
    public var behind = 0
    public var noTarget = 0
    public var noData = 0

    /// All counted targets.
    public var targets: Int { achieved + near + behind + noTarget + noData }

    /// The count of one status.
    public func count(_ status: AchievementStatus) -> Int {
      switch status {
      case .achieved: achieved
      case .near: near
      case .behind: behind
      case .noTarget: noTarget
      case .noData: noData
      }
    }

    mutating func add(_ status: AchievementStatus) {
      switch status {
      case .achieved: achieved += 1
      case .near: near += 1
      case .behind: behind += 1
      case .noTarget: noTarget += 1
      case .noData: noData += 1
      }
    }
  }

  public var rows: [Row]

  /// Rolls up `entries` by year, strategy and measure.
  /// - Complexity: O(n) plus one catalog lookup per distinct indicator.
  public init(entries: [Entry], catalog: ActionPlanCatalog = .plan) {
    struct Key: Hashable { var year: Int; var strategy: Int; var measure: Int }  // 0 = none / subtotal
    var measureOf: [String: (Int, Int)?] = [:]
    var counts: [Key: Row] = [:]
    for entry in entries {
      var place: (Int, Int)? = nil
      if let indicator = entry.indicator {
        if let known = measureOf[indicator] {
          place = known
        } else {
          if let id = CatalogTargetID(indicator), catalog.lookup(CatalogTargetID(strategy: id.strategy, measure: id.measure)) != nil {
            place = (id.strategy, id.measure)
          }
          measureOf[indicator] = place
        }
      }
      let strategy = place?.0 ?? Int.max, measure = place?.1 ?? 0
      let subtotal = Key(year: entry.year, strategy: strategy, measure: 0)
      counts[subtotal, default: Row(year: entry.year, strategy: place?.0, measure: nil)].add(entry.status)
      if measure != 0 {
        counts[Key(year: entry.year, strategy: strategy, measure: measure), default: Row(year: entry.year, strategy: strategy, measure: measure)].add(entry.status)
      }
    }
    let keys = counts.keys.sorted { ($0.year, $0.strategy, $0.measure) < ($1.year, $1.strategy, $1.measure) }
    rows = keys.map { key in
      var row = counts[key]!
      if let s = row.strategy {
        row.strategyTitle = catalog.strategy(s)?.name
        if let m = row.measure {
          row.measureTitle = catalog.measures.first { $0.strategy == s && $0.number == m }?.text
        }
      }
      return row
    }
  }

  /// Rolls up an achievement report (total rows left out).
  public init(report: AchievementReport, catalog: ActionPlanCatalog = .plan) {
    self.init(
      entries: report.rows.filter { !$0.isTotal }.map { Entry(indicator: $0.indicator, year: $0.year, status: $0.status) },
      catalog: catalog)
  }

  /// The header of `achievement --by strategy`.
  public static let header = [
    "year", "strategy", "strategy_title", "measure", "measure_title", "targets", "achieved", "near", "behind",
    "no_target", "no_data",
  ]

  /// The roll-up as a table with `header`'s columns; `measure` empty on subtotal rows and
  /// `strategy` empty for indicators outside the plan.
  public var table: Table {
    Table(columns: [
      Column("year", integers: rows.map(\.year)),
      Column("strategy", integers: rows.map(\.strategy)),
      Column("strategy_title", text: rows.map(\.strategyTitle)),
      Column("measure", text: rows.map { r in r.measure.map { "\(r.strategy!)-\($0)" } }),
      Column("measure_title", text: rows.map(\.measureTitle)),
      Column("targets", integers: rows.map(\.targets)),
      Column("achieved", integers: rows.map(\.achieved)),
      Column("near", integers: rows.map(\.near)),
      Column("behind", integers: rows.map(\.behind)),
      Column("no_target", integers: rows.map(\.noTarget)),
      Column("no_data", integers: rows.map(\.noData)),
    ])
  }
}
