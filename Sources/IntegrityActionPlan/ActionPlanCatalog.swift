import IntegrityTables

/// The National Integrity Building Action Plan (國家廉政建設行動方案, approved text) as data:
/// its 9 strategies (具體策略), their measures (執行措施) and every numbered performance target
/// (績效目標), with lead (主辦) and supporting (協辦) agencies, frequency, kind and the default
/// direction used by `achievement`.
///
/// Source: `Tests/Fixtures/reference/action-plan/000_6bac756fe4f12e99.txt`, section 肆、具體作為,
/// extracted by `scripts/extract_catalog.py` (which documents how page breaks are joined and
/// the rules inferring frequency, kind and direction) into `Resources/catalog.tsv`, embedded in
/// the module. The plan has 58 measures: 4, 6, 3, 3, 2, 3, 8, 20 and 9 per strategy.
///
/// Targets are numbered `strategy-measure-index` (`8-6-1`): index is the number the plan
/// gives the target in its measure's list, or 1 when a measure has one unnumbered target.
/// Lookups accept the spellings users write (`8-5`, `8.5`, `八(五)`, `策略八措施五`, `8-5-1`);
/// see `ActionPlanCatalog+Lookup.swift`.
public struct ActionPlanCatalog: Sendable, Equatable {
  /// A strategy (具體策略), numbered 1–9 as in the plan (一 … 九).
  public struct Strategy: Sendable, Equatable, Hashable {
    public var number: Int
    /// The plan's name (Traditional Chinese), without the final 。.
    public var name: String
    /// Our English gloss of the name.
    public var englishName: String

    public init(number: Int, name: String, englishName: String) {
      self.number = number
      self.name = name
      self.englishName = englishName
    }
  }

  /// A measure (執行措施): `(五)` of strategy 八 is measure 8-5.
  public struct Measure: Sendable, Equatable, Hashable {
    public var strategy: Int
    public var number: Int
    /// The plan's text of the measure, without its `(五)` marker.
    public var text: String

    public init(strategy: Int, number: Int, text: String) {
      self.strategy = strategy
      self.number = number
      self.text = text
    }

    /// `strategy-measure`, e.g. `8-5`.
    public var id: String { "\(strategy)-\(number)" }
  }

  /// The strategies, in plan order.
  public let strategies: [Strategy]
  /// The measures, in plan order.
  public let measures: [Measure]
  /// The performance targets, in plan order.
  public let targets: [CatalogTarget]

  /// Builds a catalog; targets must name existing measures, measures existing strategies.
  public init(strategies: [Strategy], measures: [Measure], targets: [CatalogTarget]) {
    self.strategies = strategies
    self.measures = measures
    self.targets = targets
  }

  /// The approved plan, from the embedded `catalog.tsv`.
  public static let plan: ActionPlanCatalog = {
    do {
      return try ActionPlanCatalog(tsv: String(decoding: PackageResources.catalog_tsv, as: UTF8.self),
                                   file: "catalog.tsv")
    } catch {
      // The resource is ours and checked by IntegrityIndicatorsTests (CatalogTests): a failure is a build defect.
      preconditionFailure("embedded catalog.tsv is malformed: \(error)")
    }
  }()

  /// The measures of strategy `strategy`, in order.
  public func measures(ofStrategy strategy: Int) -> [Measure] {
    measures.filter { $0.strategy == strategy }
  }

  /// The targets of measure `measure` of strategy `strategy`, in order.
  public func targets(ofStrategy strategy: Int, measure: Int) -> [CatalogTarget] {
    targets.filter { $0.strategy == strategy && $0.measure == measure }
  }

  /// The targets of strategy `strategy`, in order.
  public func targets(ofStrategy strategy: Int) -> [CatalogTarget] {
    targets.filter { $0.strategy == strategy }
  }
}
