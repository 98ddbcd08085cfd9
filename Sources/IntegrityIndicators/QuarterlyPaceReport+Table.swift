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
    Self.table(rows, indicatorColumn: hasIndicator)
  }

  /// The rows of chunk `chunk` as a table (the JSON of a large review, chunk by chunk).
  public func table(chunk: Int) -> Table { Self.table(rows(inChunk: chunk), indicatorColumn: hasIndicator) }

  /// The CSV header: `header`, with `indicator` first when the review has that column.
  public var csvHeader: [String] { (hasIndicator ? ["indicator"] : []) + Self.header }

  /// Appends the CSV lines of chunk `chunk` — the text `CSVWriter` writes for `table` —
  /// to `out`, calling `endRow()` after each line (or batch of lines); `out.state`
  /// holds the names its buffer interned (set on first use).
  package func appendCSV(chunk: Int, to out: inout StreamingTableWriter.Output<InternedNames>) throws {
    let indicatorColumn = hasIndicator
    switch storage {
    case .rows(let rows):
      for row in rows {
        row.appendCSV(to: &out.line, indicatorColumn: indicatorColumn)
        try out.endRow()
      }
    case .groups(let accumulator, let order):
      let interned = out.state ?? accumulator.internNames(into: &out.line)
      out.state = interned
      if accumulator.total {
        accumulator.forEachRow(in: order, chunk: chunk) { row, ids in
          row.appendCSV(to: &out.line, indicatorColumn: indicatorColumn, names: interned, ids: ids)
        }
        try out.endRow()
      } else {
        for position in order.chunks[chunk] {
          accumulator.appendCSV(groupAt: position, in: order, indicatorColumn: indicatorColumn, names: interned, to: &out.line)
          try out.endRow()
        }
      }
    }
  }

  /// The rows as a table with or without the leading `indicator` column.
  static func table(_ rows: [QuarterlyPace], indicatorColumn: Bool) -> Table {
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
