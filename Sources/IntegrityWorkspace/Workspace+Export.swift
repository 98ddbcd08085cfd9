import IntegrityIndicators
import IntegrityTables

extension Workspace {
  /// The current consolidated table (`export`): the `tidy` columns of the current figures —
  /// indicator,agency,year,quarter,month,value,target,n,unit,direction (those any figure
  /// fills) and revised — rendered by `ObservationSet.tidyTable`, the same code as `tidy`.
  /// `line` is provenance: with `provenance` the table keeps it and adds file, sha256,
  /// received, imported_at, reason. Without it the table re-imports to an identical
  /// workspace (`revised` is read back by the importer's side columns).
  public func exportTable(asOf: CalendarDate? = nil, provenance: Bool = false) throws -> IntegrityTables.Table {
    let figures = try currentFigures(asOf: asOf)
    let set = observationSet(figures, asOf: asOf)
    var table = set.tidyTable
    guard provenance else {
      table.columns.removeAll { $0.name == "line" }
      return table
    }
    table.columns += [
      Column("file", text: figures.map(\.submission.file)),
      Column("sha256", text: figures.map(\.submission.sha256)),
      Column("received", text: figures.map { $0.submission.received.description }),
      Column("imported_at", text: figures.map(\.submission.importedAt)),
      Column("reason", text: figures.map { $0.rowReason ?? $0.submission.reason }),
    ]
    return table
  }

  /// The export table for Parquet: the same columns, with value, target and n as exact
  /// decimals (DECIMAL(38, s)) instead of the doubles CSV and JSON print.
  public func exportParquet(asOf: CalendarDate? = nil, provenance: Bool = false) throws -> [UInt8] {
    let figures = try currentFigures(asOf: asOf)
    let table = try exportTable(asOf: asOf, provenance: provenance)
    let columns = ParquetWriter.columns(table).map { column -> ParquetWriter.ColumnData in
      switch column.name {
      case "value": ParquetWriter.ColumnData("value", .decimal(figures.map(\.value)))
      case "target": ParquetWriter.ColumnData("target", .decimal(figures.map(\.target)))
      case "n": ParquetWriter.ColumnData("n", .decimal(figures.map(\.sampleSize)))
      default: column
      }
    }
    return ParquetWriter.bytes(columns)
  }
}
