import IntegrityTables

extension QuarterlyPaceReport {
  /// The CSV header of `integrity-stats quarterly` (DESIGN.md §6). When the input has
  /// an indicator column, an `indicator` column comes first (rows group per indicator).
  public static let header = [
    "agency", "year", "quarter", "count", "cumulative", "target", "cumulative_rate",
    "expected_rate", "pace", "status",
  ]

  /// The review as a table: figures rounded once to doubles, missing values empty.
  public var table: Table {
    table(indicatorColumn: rows.contains { $0.indicator != nil })
  }

  /// The table with or without the leading `indicator` column (for a part of a review
  /// whose whole decides it).
  public func table(indicatorColumn: Bool) -> Table {
    var columns = [
      Column("agency", text: rows.map(\.agency)),
      Column("year", integers: rows.map(\.year)),
      Column("quarter", integers: rows.map(\.quarter)),
      Column("count", numbers: rows.map { $0.count?.double }),
      Column("cumulative", numbers: rows.map { $0.cumulative?.double }),
      Column("target", numbers: rows.map { $0.target?.double }),
      Column("cumulative_rate", numbers: rows.map(\.cumulativeRate)),
      Column("expected_rate", numbers: rows.map(\.expectedRate)),
      Column("pace", numbers: rows.map(\.pace)),
      Column("status", text: rows.map(\.status.rawValue)),
    ]
    if indicatorColumn {
      columns.insert(Column("indicator", text: rows.map(\.indicator)), at: 0)
    }
    return Table(columns: columns)
  }
}
