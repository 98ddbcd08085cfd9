import TableIO

extension AchievementRatio {
  /// Appends the row as one CSV line in `AchievementReport.header`'s columns, the same
  /// text as `AchievementReport.table` written by `CSVWriter` (figures rounded once to
  /// doubles, missing values empty).
  public func appendCSV(to line: inout CSVLineBuffer) {
    if let indicator { line.text(indicator) } else { line.empty() }
    if let agency { line.text(agency) } else { line.empty() }
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
