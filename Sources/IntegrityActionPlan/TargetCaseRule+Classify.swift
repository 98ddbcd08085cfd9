import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

extension TargetCaseRule {
  /// Case records classified by the rule: the result of `integrity-stats classify`.
  /// Output columns: the input columns as written, then `is_target`
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
    /// Notes for the reader: target cases decided with a criterion's cell missing.
    public var notes: [String] = []
    /// The columns the rule read: canonical name (`grade`, `defendants`, `illicit_gain`,
    /// `case_id` …) → 0-based input column.
    public var columns: [String: Int] = [:]

    public struct Row: Sendable, Equatable {
      public var line: Int
      public var fields: [String]
      public var decision: Decision
      /// The number of persons as read (nil when missing).
      public var persons: DecimalNumber?
      /// The illicit gain in 元 as read, units applied (nil when missing).
      public var gain: DecimalNumber?
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

    /// The JSON table: `table`'s columns, numbers as numbers — an input column whose every
    /// cell is a plain number (`4`, `1,000,000`, `12.5`) or missing (empty, `…`: null) is a
    /// number column, except `case_id` and `period` (labels, not quantities) — then `persons`, the defendants as
    /// read, and `gain`, the illicit gain in 元 with its unit applied (null where missing).
    public var jsonTable: Table {
      var columns = header.enumerated().map { index, name -> Column in
        let cells = rows.map { index < $0.fields.count ? $0.fields[index] : "" }
        if index != self.columns["case_id"] && index != self.columns["period"] {
          var numbers: [Double?] = []
          numbers.reserveCapacity(cells.count)
          for cell in cells {
            switch NumberParser.parse(cell) {
            case .missing: numbers.append(nil)
            case .number(let value, revised: false): numbers.append(value.double)
            default: return Column(name, text: cells)
            }
          }
          if numbers.contains(where: { $0 != nil }) { return Column(name, numbers: numbers) }
        }
        return Column(name, text: cells)
      }
      columns.append(Column("is_target", booleans: rows.map(\.decision.isTarget)))
      columns.append(Column("reasons", text: rows.map(\.decision.reasonsText)))
      columns.append(Column("persons", numbers: rows.map { $0.persons?.double }))
      columns.append(Column("gain", numbers: rows.map { $0.gain?.double }))
      return Table(columns: columns)
    }
  }

  /// The case-record columns a `columnMap` may name (`--columns grade=官階`).
  public static let caseColumns = ["case_id", "agency", "period", "grade", "defendants", "illicit_gain", "gain_unit"]

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
  /// `grade`, `defendants` and `illicit_gain` columns are required, found by name or alias
  /// (`caseColumnAliases`), or named by `columnMap` (canonical name → header, e.g.
  /// `["grade": "官階"]`), which takes precedence. A gain is in 元 unless the header
  /// (`不法所得(萬元)`), a `gain_unit`/`單位` column or the cell itself (`1,200萬元`) gives
  /// 千元, 萬元, 百萬元 or 億元. A dash is zero. A missing cell (`…`, `...`, empty, NA, N/A;
  /// for the grade `…` and `...`, as an empty grade means no official) leaves its criterion
  /// unknown: the rule decides without it where it can (`decide(_:)`), and a target case so
  /// decided gets a note. A negative or fractional count, an unreadable grade, or a verdict
  /// that depends on a missing cell is a row error: thrown as `DataError`, or with
  /// `skipBadRows` the row is set aside in `rejected`.
  public func classify(_ table: TextTable, skipBadRows: Bool = false, columnMap: [String: String] = [:]) throws
    -> Classification
  {
    var index: [String: Int] = [:]
    var headerUnit: Int32?
    func takeUnit(_ canonical: String, column: Int, name: String, unit: String?) throws {
      guard canonical == "illicit_gain", let unit else { return }
      guard let scale = TargetCaseRule.moneyScale(unit) else {
        throw DataError(
          file: table.source, line: table.headerLine, column: column + 1, columnName: name,
          message: "expected a money unit 元, 千元, 萬元, 百萬元 or 億元", found: unit)
      }
      headerUnit = scale
    }
    // Mapped columns first: the header named, as written or without its unit suffix.
    for (canonical, wanted) in columnMap.sorted(by: { $0.key < $1.key }) {
      let wantedKey = TargetCaseRule.gradeKey(wanted)
      guard
        let column = table.header.indices.first(where: {
          TargetCaseRule.gradeKey(table.header[$0]) == wantedKey
            || TargetCaseRule.gradeKey(TargetCaseRule.splitUnitSuffix(table.header[$0]).base) == wantedKey
        })
      else {
        throw DataError(
          file: table.source, line: table.headerLine, column: 0,
          message: "no column \"\(wanted)\" to read \(canonical) from", found: table.header.joined(separator: ","))
      }
      index[canonical] = column
      try takeUnit(canonical, column: column, name: table.header[column], unit: TargetCaseRule.splitUnitSuffix(table.header[column]).unit)
    }
    let mappedColumns = Set(index.values)
    for (column, name) in table.header.enumerated() where !mappedColumns.contains(column) {
      let (base, unit) = TargetCaseRule.splitUnitSuffix(name)
      let key = TargetCaseRule.gradeKey(base)
      for (canonical, aliases) in TargetCaseRule.caseColumnAliases where index[canonical] == nil {
        if key == canonical || aliases.contains(where: { TargetCaseRule.gradeKey($0) == key }) {
          index[canonical] = column
          try takeUnit(canonical, column: column, name: name, unit: unit)
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
    var notes: [String] = []
    for r in 0..<table.rowCount {
      do {
        let row = try classify(row: r, of: table, columns: index, headerUnit: headerUnit)
        if row.decision.isTarget, !row.decision.missing.isEmpty {
          notes.append(note(row, table: table, columns: index))
        }
        rows.append(row)
      } catch let error as DataError where skipBadRows {
        rejected.append(RejectedRow(line: table.line(row: r), text: table.originalText(row: r), error: error))
      }
    }
    return Classification(
      header: table.header, rows: rows, rowsRead: table.rowCount, rejected: rejected,
      headerText: table.headerOriginalText, delimiter: table.delimiter, notes: notes, columns: index)
  }

  /// `cases.csv:5: case 112-005 is a target case on gain; persons not known (defendants "…"): …`
  private func note(_ row: Classification.Row, table: TextTable, columns: [String: Int]) -> String {
    let column: [Criterion: String] = [.grade: "grade", .persons: "defendants", .gain: "illicit_gain"]
    let id = columns["case_id"].map { " " + (row.fields.indices.contains($0) ? row.fields[$0] : "") } ?? ""
    let unknown = row.decision.missing.map { criterion -> String in
      guard let c = columns[column[criterion]!] else { return criterion.rawValue }
      let cell = row.fields.indices.contains(c) ? row.fields[c] : ""
      return "\(criterion.rawValue) not known (\(table.header[c]) \"\(cell)\")"
    }
    return "\(table.source):\(row.line): case\(id) is a target case on \(row.decision.reasons.map(\.rawValue).joined(separator: ", ")); "
      + unknown.joined(separator: ", ") + ": under the any-criterion rule one criterion that holds suffices"
  }

  private func classify(row r: Int, of table: TextTable, columns: [String: Int], headerUnit: Int32?)
    throws -> Classification.Row
  {
    var missing: [Criterion] = []
    let line = table.line(row: r)
    func fail(_ name: String, _ message: String, remedy: Remedy? = nil) -> DataError {
      let column = columns[name]!
      return DataError(
        file: table.source, line: line, column: column + 1, columnName: table.header[column],
        message: message, found: table.field(row: r, column: column), remedy: remedy)
    }
    // Grade.
    let gradeColumn = columns["grade"]!
    var grade: ClosedRange<Int>?
    let gradeText = TextTable.trim(table.field(row: r, column: gradeColumn))
    if gradeText == "…" || gradeText == "..." {
      missing.append(.grade)
    } else {
      do {
        grade = try self.grade(parsing: gradeText)
      } catch {
        throw fail("grade", error.message, remedy: error.remedy)
      }
    }
    // Persons: a whole number ≥ 0 (a dash is none; a trailing 人 is allowed).
    var personsText = TextTable.trim(table.field(row: r, column: columns["defendants"]!))
    if personsText.hasSuffix("人") { personsText.removeLast() }
    var persons: DecimalNumber? = nil
    let parsedPersons = NumberParser.parse(personsText)
    if parsedPersons == .missing {
      missing.append(.persons)
    } else {
      guard let value = parsedPersons.value(), !value.isNegative, value.normalized.exponent >= 0 else {
        throw fail("defendants", "expected a number of persons (a whole number, 0 or more)")
      }
      persons = value
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
    var gain: DecimalNumber? = nil
    let parsedGain = NumberParser.parse(gainText)
    if parsedGain == .missing {
      missing.append(.gain)
    } else {
      guard let amount = parsedGain.value(), !amount.isNegative else {
        throw fail("illicit_gain", "expected an amount of 0 or more (in 元, 千元 or 萬元)")
      }
      gain = amount.scaled(byPowerOfTen: unit ?? 0)
    }
    do {
      let decision = try decide(
        CaseFacts(grade: grade, persons: persons ?? .zero, gain: gain ?? .zero, missing: missing))
      return Classification.Row(
        line: line, fields: table.fields(row: r), decision: decision, persons: persons, gain: gain)
    } catch {
      switch error {
      case .missing(let unknown):
        let column: [Criterion: String] = [.grade: "grade", .persons: "defendants", .gain: "illicit_gain"]
        let held = combination == .any ? "no other criterion holds" : "the other criteria hold"
        throw fail(
          column[unknown[0]]!,
          "\(unknown.map(\.rawValue).joined(separator: " and ")) not known (missing) and \(held): "
            + "cannot decide whether this is a target case")
      case .gradeRangeStraddles(let range, let threshold):
        throw fail(
          "grade",
          "the rank's grades \(range.lowerBound) to \(range.upperBound) lie on both sides of "
            + "the lowest grade that counts, \(threshold): give the grade (職等)", remedy: .minimumGrade(threshold))
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

  /// Powers of ten of money units relative to 元.
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
