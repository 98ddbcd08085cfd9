import TableIO

extension TargetCaseRule {
  /// Case records classified by the rule: the result of `integrity-stats classify`.
  /// Output columns (DESIGN.md §6): the input columns as written, then `is_target`
  /// (true/false) and `reasons` (`grade;persons;gain`, those that held, in that order).
  public struct Classification: Sendable, Equatable {
    /// The input header.
    public var header: [String]
    /// The classified rows: their fields as written, line and decision.
    public var rows: [Row]
    /// Data rows read (N = used + rejected).
    public var rowsRead: Int
    /// Rows set aside under `skipBadRows`.
    public var rejected: [RejectedRow]
    /// The header line as written and the delimiter (for a `--rejects` file).
    public var headerText: String
    public var delimiter: UInt8

    public struct Row: Sendable, Equatable {
      public var line: Int
      public var fields: [String]
      public var decision: Decision
    }

    /// `read N rows: used U, rejected R`.
    public var summary: String {
      "read \(rowsRead) rows: used \(rows.count), rejected \(rejected.count)"
    }

    /// The output table: input columns as text, then is_target and reasons.
    public var table: Table {
      var columns = header.enumerated().map { index, name in
        Column(name, text: rows.map { index < $0.fields.count ? $0.fields[index] : "" })
      }
      columns.append(Column("is_target", booleans: rows.map(\.decision.isTarget)))
      columns.append(Column("reasons", text: rows.map(\.decision.reasonsText)))
      return Table(columns: columns)
    }
  }

  /// The case-record columns and their header aliases (matched like observation
  /// headers: trimmed, half-width, lower-cased, a `(千元)` suffix read as the unit).
  public static let caseColumnAliases: [String: [String]] = [
    "case_id": ["案號", "案件編號", "案件號碼", "case", "case_no"],
    "grade": ["職等", "官職等", "官等職等", "被告職等", "最高職等"],
    "defendants": ["被告人數", "被告數", "人數", "persons"],
    "illicit_gain": ["不法所得", "不法利得", "犯罪所得", "不法所得金額", "gain", "illicit_gains"],
    "gain_unit": ["單位", "unit", "金額單位"],
  ]

  /// Classifies every data row of a case-record table.
  ///
  /// `grade`, `defendants` and `illicit_gain` columns are required. A gain is in 元
  /// unless the header (`不法所得(萬元)`), a `gain_unit`/`單位` column or the cell
  /// itself (`1,200萬元`) gives 千元, 萬元, 百萬元 or 億元. A dash is zero; an empty
  /// defendants or gain cell, a negative or fractional count, or an unreadable grade
  /// is a row error: thrown as `DataError`, or with `skipBadRows` the row is set
  /// aside in `rejected`.
  public func classify(_ table: TextTable, skipBadRows: Bool = false) throws -> Classification {
    var index: [String: Int] = [:]
    var headerUnit: Int32?
    for (column, name) in table.header.enumerated() {
      let (base, unit) = TargetCaseRule.splitUnitSuffix(name)
      let key = TargetCaseRule.gradeKey(base)
      for (canonical, aliases) in TargetCaseRule.caseColumnAliases where index[canonical] == nil {
        if key == canonical || aliases.contains(where: { TargetCaseRule.gradeKey($0) == key }) {
          index[canonical] = column
          if canonical == "illicit_gain", let unit {
            guard let scale = TargetCaseRule.moneyScale(unit) else {
              throw DataError(
                file: table.source, line: table.headerLine, column: column + 1, columnName: name,
                message: "expected a money unit 元, 千元, 萬元, 百萬元 or 億元", found: unit)
            }
            headerUnit = scale
          }
        }
      }
    }
    for required in ["grade", "defendants", "illicit_gain"] where index[required] == nil {
      throw DataError(
        file: table.source, line: table.headerLine, column: 0,
        message: "expected a column \(required) (aliases: "
          + TargetCaseRule.caseColumnAliases[required]!.joined(separator: ", ") + ")",
        found: table.header.joined(separator: ","))
    }
    var rows: [Classification.Row] = []
    var rejected: [RejectedRow] = []
    for r in 0..<table.rowCount {
      do {
        let decision = try classify(row: r, of: table, columns: index, headerUnit: headerUnit)
        rows.append(Classification.Row(line: table.line(row: r), fields: table.fields(row: r), decision: decision))
      } catch let error as DataError where skipBadRows {
        rejected.append(RejectedRow(line: table.line(row: r), text: table.originalText(row: r), error: error))
      }
    }
    return Classification(
      header: table.header, rows: rows, rowsRead: table.rowCount, rejected: rejected,
      headerText: table.headerOriginalText, delimiter: table.delimiter)
  }

  private func classify(row r: Int, of table: TextTable, columns: [String: Int], headerUnit: Int32?)
    throws -> Decision
  {
    let line = table.line(row: r)
    func fail(_ name: String, _ message: String) -> DataError {
      let column = columns[name]!
      return DataError(
        file: table.source, line: line, column: column + 1, columnName: table.header[column],
        message: message, found: table.field(row: r, column: column))
    }
    // Grade.
    let gradeColumn = columns["grade"]!
    let grade: ClosedRange<Int>?
    do {
      grade = try self.grade(parsing: table.field(row: r, column: gradeColumn))
    } catch {
      throw fail("grade", error.description)
    }
    // Persons: a whole number ≥ 0 (a dash is none; a trailing 人 is allowed).
    var personsText = TextTable.trim(table.field(row: r, column: columns["defendants"]!))
    if personsText.hasSuffix("人") { personsText.removeLast() }
    guard let persons = NumberParser.parse(personsText).value(), !persons.isNegative,
      persons.normalized.exponent >= 0
    else {
      throw fail("defendants", "expected a number of persons (a whole number, 0 or more)")
    }
    // Gain in 元: the cell's own unit, else the unit column's, else the header's.
    var unit = headerUnit
    if let unitColumn = columns["gain_unit"] {
      let text = TextTable.trim(table.field(row: r, column: unitColumn))
      if !text.isEmpty {
        guard let scale = TargetCaseRule.moneyScale(text) else {
          throw fail("gain_unit", "expected a money unit 元, 千元, 萬元, 百萬元 or 億元")
        }
        unit = scale
      }
    }
    var gainText = TextTable.trim(table.field(row: r, column: columns["illicit_gain"]!))
    for suffix in ["百萬元", "千萬元", "億元", "萬元", "千元", "元", "百萬", "千萬", "億", "萬", "千"]
    where gainText.hasSuffix(suffix) {
      unit = TargetCaseRule.moneyScale(suffix)
      gainText = TextTable.trim(String(gainText.dropLast(suffix.count)))
      break
    }
    guard let amount = NumberParser.parse(gainText).value(), !amount.isNegative else {
      throw fail("illicit_gain", "expected an amount of 0 or more (in 元, 千元 or 萬元)")
    }
    let gain = amount.scaled(byPowerOfTen: unit ?? 0)
    do {
      return try decide(CaseFacts(grade: grade, persons: persons, gain: gain))
    } catch {
      switch error {
      case .gradeRangeStraddles(let range, let threshold):
        throw fail(
          "grade",
          "the rank's grades \(range.lowerBound) to \(range.upperBound) lie on both sides of "
            + "--min-grade \(threshold); give the grade (職等)")
      }
    }
  }

  /// Reads a `--grade-map` file: a header row, then the title as written and the
  /// grade it counts as (`特任,15`), one per row.
  public static func gradeMap(from table: TextTable) throws -> [String: Int] {
    var map: [String: Int] = [:]
    guard table.header.count >= 2 else {
      throw DataError(
        file: table.source, line: table.headerLine, column: 0,
        message: "expected two columns: the title and the grade it counts as",
        found: table.header.joined(separator: ","))
    }
    for r in 0..<table.rowCount {
      let title = TextTable.trim(table.field(row: r, column: 0))
      let text = TextTable.trim(table.field(row: r, column: 1))
      guard !title.isEmpty else {
        throw DataError(
          file: table.source, line: table.line(row: r), column: 1, columnName: table.header[0],
          message: "expected a title", found: title)
      }
      guard let grade = Int(gradeKey(text)), grade >= 0 else {
        throw DataError(
          file: table.source, line: table.line(row: r), column: 2, columnName: table.header[1],
          message: "expected a whole grade number", found: text)
      }
      map[gradeKey(title)] = grade
    }
    return map
  }

  /// Powers of ten of money units relative to 元 (DESIGN.md §5).
  public static func moneyScale(_ unit: String) -> Int32? {
    var u = gradeKey(unit)
    for prefix in ["新臺幣", "新台幣", "nt$"] where u.hasPrefix(prefix) { u = String(u.dropFirst(prefix.count)) }
    if !u.hasSuffix("元") { u += "元" }
    return ["元": 0, "千元": 3, "萬元": 4, "十萬元": 5, "百萬元": 6, "千萬元": 7, "億元": 8][u]
  }

  /// `不法所得(萬元)` → (`不法所得`, `萬元`); full-width parentheses too.
  static func splitUnitSuffix(_ header: String) -> (base: String, unit: String?) {
    let text = ProsecutorsOffice.trimmed(header).replacingParentheses
    guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, nil) }
    let unit = ProsecutorsOffice.trimmed(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
    return (ProsecutorsOffice.trimmed(String(text[..<open])), unit.isEmpty ? nil : unit)
  }
}

extension TargetCaseRule {
  /// An amount in 元 written with an optional money unit: `10000000`, `1,000萬元`,
  /// `1000萬`, `10000千元`; nil when unreadable.
  public static func amount(parsing text: String) -> DecimalNumber? {
    var body = TextTable.trim(text)
    var scale: Int32 = 0
    for suffix in ["百萬元", "千萬元", "億元", "萬元", "千元", "元", "百萬", "千萬", "億", "萬", "千"] where body.hasSuffix(suffix) {
      scale = moneyScale(suffix) ?? 0
      body = TextTable.trim(String(body.dropLast(suffix.count)))
      break
    }
    guard case .number(let value, _) = NumberParser.parse(body) else { return nil }
    return value.scaled(byPowerOfTen: scale)
  }
}

extension String {
  /// Full-width parentheses read as ASCII ones.
  fileprivate var replacingParentheses: String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "（" ? "(" : $0 == "）" ? ")" : $0 }))
  }
}
