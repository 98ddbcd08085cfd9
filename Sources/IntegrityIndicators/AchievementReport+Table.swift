import IntegrityTables

extension AchievementReport {
  /// The CSV header of `integrity-stats achievement` (DESIGN.md §6), then `partial`
  /// (issue 5: an incomplete year is marked, not silently summed).
  public static let header = [
    "indicator", "agency", "year", "actual", "target", "direction", "ratio", "status", "partial",
  ]

  /// The report as a table: figures rounded once to doubles, missing values empty.
  public var table: Table {
    Table(columns: [
      Column("indicator", text: rows.map(\.indicator)),
      Column("agency", text: rows.map(\.agency)),
      Column("year", integers: rows.map(\.year)),
      Column("actual", numbers: rows.map { $0.actual?.double }),
      Column("target", numbers: rows.map { $0.target?.double }),
      Column("direction", text: rows.map(\.direction.rawValue)),
      Column("ratio", numbers: rows.map(\.ratio)),
      Column("status", text: rows.map(\.status.rawValue)),
      Column("partial", booleans: rows.map(\.partial)),
    ])
  }
}
