extension TextTable {
  /// The index of the column whose header matches `name` (trimmed, case-insensitive).
  /// An unknown name is a `DataError` on the header line listing the columns there are.
  public func columnIndex(named name: String) throws(DataError) -> Int {
    let wanted = TextTable.trim(name).lowercased()
    if let index = header.firstIndex(where: { $0.lowercased() == wanted }) { return index }
    throw DataError(
      file: source, line: headerLine, column: 0,
      message: "no column named \"\(name)\" (the header has: \(header.joined(separator: ", ")))")
  }

  /// The named columns as doubles, every row required: a ragged row (fewer fields
  /// than the header, or non-empty extra fields), an empty or
  /// missing cell, a dash or text is a `DataError` naming file, line, column and the
  /// cell. Values are exact decimals rounded once to the nearest double.
  ///
  /// Columns listed in `positive` (weights) must hold values above zero.
  public func numericColumns(named names: [String], positive: Set<String> = []) throws(DataError) -> [[Double]] {
    let mustBePositive = names.map { name in positive.contains { $0.lowercased() == name.lowercased() } }
    let indices = try names.map { name throws(DataError) in try columnIndex(named: name) }
    var columns = [[Double]](repeating: [], count: names.count)
    for k in columns.indices { columns[k].reserveCapacity(rowCount) }
    for row in 0..<rowCount {
      let count = fieldCount(row: row)
      if count < header.count {
        throw DataError(
          file: source, line: line(row: row), column: count + 1, columnName: header[count],
          message: "row has \(count) field\(count == 1 ? "" : "s") but the header has \(header.count)")
      }
      if count > header.count {
        // Extra fields are allowed only when empty (trailing commas from spreadsheets).
        for column in header.count..<count where !field(row: row, column: column).isEmpty {
          throw DataError(
            file: source, line: line(row: row), column: column + 1,
            message: "row has \(count) fields but the header has \(header.count)",
            found: field(row: row, column: column))
        }
      }
      for (k, index) in indices.enumerated() {
        let parsed = number(row: row, column: index)
        guard case .number(let value, _) = parsed else {
          let what: String
          switch parsed {
          case .missing: what = "expected a number, found a missing value"
          case .dash: what = "expected a number, found a dash (\"none\")"
          default: what = "expected a number"
          }
          throw DataError(
            file: source, line: line(row: row), column: index + 1, columnName: header[index],
            message: what, found: field(row: row, column: index))
        }
        if mustBePositive[k] && (value.isNegative || value.isZero) {
          throw DataError(
            file: source, line: line(row: row), column: index + 1, columnName: header[index],
            message: "expected a positive weight", found: field(row: row, column: index))
        }
        columns[k].append(value.double)
      }
    }
    return columns
  }
}
