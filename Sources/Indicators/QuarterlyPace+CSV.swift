import TableIO

extension QuarterlyPace {
  /// Appends the row as one CSV line in `QuarterlyPaceReport.header`'s columns (with
  /// `indicator` first when the report has that column), the same text as
  /// `QuarterlyPaceReport.table` written by `CSVWriter`.
  public func appendCSV(to line: inout CSVLineBuffer, indicatorColumn: Bool) {
    if indicatorColumn {
      if let indicator { line.text(indicator) } else { line.empty() }
    }
    line.text(agency)
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
