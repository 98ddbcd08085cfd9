import IntegrityTables

/// A trend report encodes as its `table`: one object per series with the CSV's column
/// names as keys (the extra columns that the options and targets add included), so
/// `JSONEncoder().encode(report)` gives exactly `integrity-stats trend --format json`.
extension TrendReport: Encodable {
  public func encode(to encoder: Encoder) throws {
    try table.encode(to: encoder)
  }
}
