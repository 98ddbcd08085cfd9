import IntegrityIndicators
import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

extension Workspace {
  /// The current figures on `asOf` (default: everything imported) as one canonical long CSV
  /// that `ObservationReader` reads back to the same observations: how the analysis
  /// commands read a workspace, through the one reader and the one computation a file goes
  /// through (`achievement --db W` prints what `achievement FILE` prints).
  ///
  /// Columns, those any figure fills, in the `tidy` order:
  /// indicator,agency,year,quarter,month,value,target,n,unit,direction. Rows in key order
  /// (indicator, agency, period). Figures are the exact decimals as stored, in base units
  /// (the unit column names the base unit, so nothing is scaled twice); years Gregorian.
  /// The symbols are the legend the reader knows (DESIGN.md §5): a value not available is
  /// `…`; a figure the source marked revised carries a trailing `r` (on the value, or on
  /// the target when the value is not available); none (`－`) was stored as the 0 the
  /// reader read it as, and is written 0. Fields are quoted per RFC 4180, never prefixed
  /// (no CSV-injection guard: the bytes go to the reader, not to a spreadsheet).
  public func figuresCSV(asOf: CalendarDate? = nil) throws -> [UInt8] {
    let figures = try currentFigures(asOf: asOf)
    // The columns `export` writes (one rule: those any figure fills).
    let present = observationSet(figures, asOf: asOf).columnsPresent
    func text(_ value: DecimalNumber?) -> String? { DecimalText.text(value) }
    func number(_ value: Int?) -> String? { value.map(String.init) }
    var columns: [Column] = []
    func add(_ name: String, _ values: @autoclosure () -> [String?]) {
      if let column = CanonicalColumn(rawValue: name), present.contains(column) {
        columns.append(Column(name, text: values()))
      }
    }
    add("indicator", figures.map { $0.key.indicator.isEmpty ? nil : $0.key.indicator })
    add("agency", figures.map { $0.key.agency.isEmpty ? nil : $0.key.agency })
    columns.append(Column("year", text: figures.map { String($0.key.period.year) }))
    add("quarter", figures.map { number($0.key.period.quarter) })
    add("month", figures.map { number($0.key.period.month) })
    columns.append(
      Column(
        "value",
        text: figures.map { figure in
          guard let value = text(figure.value) else { return "…" }
          return figure.revisedFlag ? value + "r" : value
        }))
    add(
      "target",
      figures.map { figure in
        guard let target = text(figure.target) else { return nil }
        return figure.revisedFlag && figure.value == nil ? target + "r" : target
      })
    add("n", figures.map { text($0.sampleSize) })
    add("unit", figures.map(\.unit))
    add("direction", figures.map { $0.direction?.rawValue })
    return CSVWriter(raw: true).bytes(IntegrityTables.Table(columns: columns))
  }
}
