import IntegrityTables

extension AchievementRatio {
  /// Appends the row as one CSV line in `AchievementReport.header`'s columns, the same
  /// text as `AchievementReport.table` written by `CSVWriter` (figures rounded once to
  /// doubles, missing values empty).
  public func appendCSV(to line: inout CSVLineBuffer) {
    appendCSV(to: &line, indicatorField: nil, agencyField: nil)
  }

  /// The same line, with the indicator and agency copied from the fields `names` says
  /// `line` interned (the streaming output escapes each name once, not once per row).
  package func appendCSV(to line: inout CSVLineBuffer, names: InternedNames, ids: RowNames) {
    appendCSV(
      to: &line, indicatorField: names.indicators.lowerBound + ids.indicator,
      agencyField: ids.agency.map { names.agencies.lowerBound + $0 })
  }

  func appendCSV(to line: inout CSVLineBuffer, indicatorField: Int?, agencyField: Int?) {
    if let indicatorField { line.interned(indicatorField) } else if let indicator { line.text(indicator) } else { line.empty() }
    if let agencyField { line.interned(agencyField) } else if let agency { line.text(agency) } else { line.empty() }
    line.integer(year)
    line.figure(actual)
    line.figure(target)
    line.text(direction.rawValue)
    line.number(ratio)
    line.text(status.rawValue)
    line.boolean(partial)
    line.endLine()
  }
}
