import IntegrityTables
import IntegrityAgencyData

extension AnnualTarget {
  /// Reads a targets file (`--targets FILE`): columns office (or agency, 地檢署, 機關 …),
  /// year (2024, 113, 113年 …) and target (目標值, 目標), by the same header aliases as
  /// observation files. Returns the targets and the file's source for error messages.
  ///
  /// A missing column, an unreadable year or target, or an empty office is a
  /// `DataError` at its line and column.
  public static func read(from table: TextTable) throws -> (targets: [AnnualTarget], source: AggregationSource) {
    var source = AggregationSource(file: table.source)
    for (index, field) in table.header.enumerated() {
      if let (column, _) = CanonicalColumn.recognizing(field), source.columns[column.rawValue] == nil {
        source.columns[column.rawValue] = index + 1
        source.headers[column.rawValue] = field
      }
    }
    for required in ["agency", "year", "target"] where source.columns[required] == nil {
      throw DataError(
        file: table.source, line: table.headerLine, column: 0,
        message: "expected columns office, year and target in the targets file (missing \(required))",
        found: table.header.joined(separator: ","))
    }
    let agencyColumn = source.columns["agency"]! - 1
    let yearColumn = source.columns["year"]! - 1
    let targetColumn = source.columns["target"]! - 1
    var targets: [AnnualTarget] = []
    targets.reserveCapacity(table.rowCount)
    for r in 0..<table.rowCount {
      let line = table.line(row: r)
      let agency = TextTable.trim(table.field(row: r, column: agencyColumn))
      guard !agency.isEmpty else { throw source.error(line: line, field: "agency", "expected an office", found: "") }
      let yearText = table.field(row: r, column: yearColumn)
      guard let period = Period(parsing: yearText), period.quarter == nil, period.month == nil, period.year >= 1 else {
        throw source.error(line: line, field: "year", "expected a year (\(Period.spellings))", found: yearText)
      }
      guard let target = table.number(row: r, column: targetColumn).value() else {
        throw source.error(
          line: line, field: "target", "expected a target figure", found: table.field(row: r, column: targetColumn))
      }
      targets.append(AnnualTarget(agency: agency, year: period.year, target: target, line: line))
    }
    return (targets, source)
  }
}
