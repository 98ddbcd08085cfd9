import IntegrityTables

extension ChartData {
  /// The tidy chart table, columns exactly `series,x,y,kind,lower,upper`.
  public var table: Table {
    Table(columns: [
      Column("series", text: points.map(\.series)),
      Column("x", numbers: points.map(\.x)),
      Column("y", numbers: points.map(\.y)),
      Column("kind", text: points.map(\.kind.rawValue)),
      Column("lower", numbers: points.map(\.lower)),
      Column("upper", numbers: points.map(\.upper)),
    ])
  }
}
