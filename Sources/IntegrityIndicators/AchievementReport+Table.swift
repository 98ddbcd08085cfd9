import IntegrityTables

extension AchievementReport {
  /// The CSV header of `integrity-stats achievement`, then `partial` (an incomplete
  /// year is marked, not silently summed).
  public static let header = [
    "indicator", "agency", "year", "actual", "target", "direction", "ratio", "status", "partial",
  ]

  /// The report as a table: figures rounded once to doubles, missing values empty.
  public var table: Table { Self.table(rows) }

  /// The rows of chunk `chunk` as a table (the JSON of a large report, chunk by chunk).
  public func table(chunk: Int) -> Table { Self.table(rows(inChunk: chunk)) }

  static func table(_ rows: [AchievementRatio]) -> Table {
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

  /// Appends the CSV lines of chunk `chunk` — the text `CSVWriter` writes for `table` —
  /// to `out`, calling `endRow()` after each line (or batch of lines); `out.state`
  /// holds the names its buffer interned (set on first use).
  package func appendCSV(chunk: Int, to out: inout StreamingTableWriter.Output<InternedNames>) throws {
    switch storage {
    case .rows(let rows):
      for row in rows {
        row.appendCSV(to: &out.line)
        try out.endRow()
      }
    case .groups(let accumulator, let order):
      let interned = out.state ?? accumulator.internNames(into: &out.line)
      out.state = interned
      if accumulator.options.total {
        try accumulator.forEachRow(in: order, chunk: chunk) { row, ids in
          row.appendCSV(to: &out.line, names: interned, ids: ids)
        }
        try out.endRow()
      } else {
        for start in stride(from: order.chunks[chunk].lowerBound, to: order.chunks[chunk].upperBound, by: 1024) {
          let positions = start..<min(start + 1024, order.chunks[chunk].upperBound)
          accumulator.appendCSV(groupsAt: positions, in: order, names: interned, to: &out.line)
          try out.endRow()
        }
      }
    }
  }
}
