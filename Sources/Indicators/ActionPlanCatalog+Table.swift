import TableIO

extension ActionPlanCatalog {
  /// The `catalog` command's columns (issue 5 item 4):
  /// strategy,measure,target_no,target,lead_agencies,supporting_agencies,frequency,kind,direction.
  /// Agency lists are `;`-separated (agency names contain 、 inside parentheses).
  public static let tableColumns = [
    "strategy", "measure", "target_no", "target", "lead_agencies", "supporting_agencies",
    "frequency", "kind", "direction",
  ]

  /// The targets as a `Table`, in plan order; only strategy `strategy` when given.
  public func table(strategy: Int? = nil) -> Table {
    let rows = strategy.map { targets(ofStrategy: $0) } ?? targets
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
    ])
  }
}
