import IntegrityTables

extension ObservationSet {
  /// The `tidy` table: the canonical columns the file had, in the order
  /// indicator,agency,year,quarter,month,value,target,n,unit,direction, then `revised`
  /// (true where a figure carried `r`) and `line` (the source line). Years are
  /// Gregorian, figures in base units, missing values empty.
  ///
  /// Figures are printed from their exact decimals through `Double`; every decimal of
  /// up to 15 significant digits survives that round trip (IEEE 754 binary64 holds
  /// 15 decimal digits), and the writer prints the shortest text that reads back.
  ///
  /// (`TidyRows` writes the same CSV from the reader's columns, without this table.)
  public var tidyTable: Table {
    var columns: [Column] = []
    let obs = observations
    for column in TidyRows.fields(present: columnsPresent) {
      switch column {
      case .indicator: columns.append(Column("indicator", text: obs.map(\.indicator)))
      case .agency: columns.append(Column("agency", text: obs.map(\.agency)))
      case .year: columns.append(Column("year", integers: obs.map { $0.period.year }))
      case .quarter: columns.append(Column("quarter", integers: obs.map(\.period.quarter)))
      case .month: columns.append(Column("month", integers: obs.map(\.period.month)))
      case .period: break
      case .value: columns.append(Column("value", numbers: obs.map { $0.value?.double }))
      case .target: columns.append(Column("target", numbers: obs.map { $0.target?.double }))
      case .n: columns.append(Column("n", numbers: obs.map { $0.sampleSize?.double }))
      case .unit: columns.append(Column("unit", text: obs.map(\.unit)))
      case .direction: columns.append(Column("direction", text: obs.map { $0.direction?.rawValue }))
      }
    }
    columns.append(Column("revised", booleans: obs.map(\.revised)))
    columns.append(Column("line", integers: obs.map(\.line)))
    return Table(columns: columns)
  }
}
