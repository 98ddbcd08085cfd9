import IntegrityTables

extension ActionPlanCatalog {
  /// The `catalog` command's columns:
  /// strategy,measure,target_no,target,lead_agencies,supporting_agencies,frequency,kind,direction,
  /// strategy_name,measure_text. Agency lists are `;`-separated (agency names contain 、 inside
  /// parentheses); the texts are the plan's own (strategy name without its final 。, measure
  /// without its `(五)` marker).
  public static let tableColumns = [
    "strategy", "measure", "target_no", "target", "lead_agencies", "supporting_agencies",
    "frequency", "kind", "direction", "strategy_name", "measure_text",
  ]

  /// The targets as a `Table`, in plan order; only strategy `strategy` when given.
  public func table(strategy: Int? = nil) -> Table {
    table(strategy.map { targets(ofStrategy: $0) } ?? targets)
  }

  /// `targets` (of this catalog) as a `Table`, in the order given.
  public func table(_ rows: [CatalogTarget]) -> Table {
    let names = Dictionary(strategies.map { ($0.number, $0.name) }, uniquingKeysWith: { a, _ in a })
    let measureTexts = Dictionary(
      measures.map { ("\($0.strategy)-\($0.number)", $0.text) }, uniquingKeysWith: { a, _ in a })
    return Table(columns: [
      Column("strategy", integers: rows.map(\.strategy)),
      Column("measure", integers: rows.map(\.measure)),
      Column("target_no", text: rows.map(\.id)),
      Column("target", text: rows.map(\.text)),
      Column("lead_agencies", text: rows.map { $0.leadAgencies.joined(separator: ";") }),
      Column("supporting_agencies", text: rows.map { $0.supportingAgencies.joined(separator: ";") }),
      Column("frequency", text: rows.map(\.frequency.rawValue)),
      Column("kind", text: rows.map(\.kind.rawValue)),
      Column("direction", text: rows.map(\.direction.rawValue)),
      Column("strategy_name", text: rows.map { names[$0.strategy] ?? "" }),
      Column("measure_text", text: rows.map { measureTexts["\($0.strategy)-\($0.measure)"] ?? "" }),
    ])
  }
}
