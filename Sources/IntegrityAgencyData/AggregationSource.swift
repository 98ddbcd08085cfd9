import IntegrityTables

/// Where a set of observations came from: the file name for messages and, for each
/// canonical field (`indicator`, `agency`, `year`, `quarter`, `period`, `value`,
/// `target`, `direction`), the 1-based column and header it was read from. Used to
/// locate data errors found while aggregating (`FILE:LINE:COLUMN`).
public struct AggregationSource: Sendable, Equatable {
  /// The input's name as the user gave it, or `<stdin>`.
  public var file: String
  /// Canonical field → 1-based column index in the source file.
  public var columns: [String: Int]
  /// Canonical field → header as written in the source file.
  public var headers: [String: String]

  public init(file: String, columns: [String: Int] = [:], headers: [String: String] = [:]) {
    self.file = file
    self.columns = columns
    self.headers = headers
  }

  /// A data error on `line` in the column of `field` (the first of `field` and its
  /// `fallbacks` that the source has; column 0 if none).
  public func error(
    line: Int, field: String, fallbacks: [String] = [], _ message: String, found: String? = nil,
    remedy: Remedy? = nil
  ) -> DataError {
    let name = ([field] + fallbacks).first { columns[$0] != nil } ?? field
    return DataError(
      file: file, line: line, column: columns[name] ?? 0, columnName: headers[name] ?? name,
      message: message, found: found, remedy: remedy)
  }
}
