extension DataError {
  /// A problem located in a spreadsheet's cell: `line` is the sheet row, `column` the
  /// sheet column (both 1-based), so the description reads `FILE[SHEET]!D7: …`.
  public init(
    file: String, line: Int, column: Int, columnName: String? = nil, message: String, found: String? = nil,
    sheet: String?
  ) {
    self.init(file: file, line: line, column: column, columnName: columnName, message: message, found: found)
    self.sheet = sheet
  }

  /// Where the problem is, as a spreadsheet user names it: `FILE[SHEET]!D7` for a cell,
  /// `FILE[SHEET] row 7` for a whole row, `FILE[SHEET]` for the sheet.
  var sheetLocation: String? {
    guard let sheet else { return nil }
    let book = "\(file)[\(sheet)]"
    if line > 0, column > 0 { return "\(book)!\(CellReference.name(column: column, row: line))" }
    if line > 0 { return "\(book) row \(line)" }
    return book
  }

  /// This error located in `sheet` (when it is not already located in one).
  public func inSheet(_ sheet: String?) -> DataError {
    var located = self
    if located.sheet == nil { located.sheet = sheet }
    return located
  }
}
