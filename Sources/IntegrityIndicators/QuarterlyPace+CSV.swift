import IntegrityTables

extension QuarterlyPace {
  /// Appends the row as one CSV line in `QuarterlyPaceReport.header`'s columns (with
  /// `indicator` first when the report has that column), the same text as
  /// `QuarterlyPaceReport.table` written by `CSVWriter`.
  public func appendCSV(to line: inout CSVLineBuffer, indicatorColumn: Bool) {
    appendCSV(to: &line, indicatorColumn: indicatorColumn, indicatorField: nil, agencyField: nil)
  }

  /// The same line, with the indicator and office copied from the fields `names` says
  /// `line` interned (the streaming output escapes each name once, not once per row).
  package func appendCSV(to line: inout CSVLineBuffer, indicatorColumn: Bool, names: InternedNames, ids: RowNames) {
    appendCSV(
      to: &line, indicatorColumn: indicatorColumn, indicatorField: names.indicators.lowerBound + ids.indicator,
      agencyField: ids.agency.map { names.agencies.lowerBound + $0 })
  }

  func appendCSV(to line: inout CSVLineBuffer, indicatorColumn: Bool, indicatorField: Int?, agencyField: Int?) {
    if indicatorColumn {
      if let indicatorField { line.interned(indicatorField) } else if let indicator { line.text(indicator) } else { line.empty() }
    }
    if let agencyField { line.interned(agencyField) } else { line.text(agency) }
    line.integer(year)
    line.integer(quarter)
    line.figure(count)
    line.figure(cumulative)
    line.figure(target)
    line.number(cumulativeRate)
    line.number(expectedRate)
    line.number(pace)
    line.text(status.rawValue)
    line.endLine()
  }
}
