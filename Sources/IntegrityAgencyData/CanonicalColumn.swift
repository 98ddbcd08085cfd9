import IntegrityTables

/// The columns an agency file can have, by their canonical names.
///
/// Headers are matched after trimming, full-width → half-width folding and lower-casing,
/// by canonical name or alias; a parenthesised unit suffix (`金額(千元)`, `件數（件）`) is
/// removed first and read as the column's unit (see `UnitScale`).
public enum CanonicalColumn: String, Sendable, Hashable, CaseIterable, Comparable {
  case indicator, agency, year, quarter, month, period, value, target, n, unit, direction

  /// Aliases besides the canonical name, as written in agency files (already folded).
  public var aliases: [String] {
    switch self {
    case .indicator: ["指標", "指標名稱", "績效指標", "項目", "統計項目", "指標項目", "項目名稱", "indicator_name"]
    case .agency: ["office", "機關", "機關名稱", "機關別", "辦理機關", "單位名稱", "地檢署", "檢察署", "主辦機關"]
    case .year: ["年", "年度", "年別", "民國", "民國年", "資料年度", "統計年度"]
    case .quarter: ["季", "季別"]
    case .month: ["月", "月份", "月別"]
    case .period: ["期間", "期別", "統計期", "時間", "資料期間", "統計期間", "年月別"]
    case .value: ["actual", "count", "實際值", "實績值", "數值", "值", "統計值", "件數", "金額", "人數", "百分比", "value_actual"]
    case .target: ["目標值", "目標"]
    case .n: ["sample_size", "樣本數"]
    case .unit: ["單位", "資料單位", "計量單位"]
    case .direction: ["方向", "指標方向"]
    }
  }

  /// The position in `allCases` (the `tidy` order), 0-based.
  public var ordinal: Int {
    switch self {
    case .indicator: 0
    case .agency: 1
    case .year: 2
    case .quarter: 3
    case .month: 4
    case .period: 5
    case .value: 6
    case .target: 7
    case .n: 8
    case .unit: 9
    case .direction: 10
    }
  }

  /// The order `tidy` prints columns in.
  public static func < (a: CanonicalColumn, b: CanonicalColumn) -> Bool {
    a.ordinal < b.ordinal
  }

  /// Every name and alias, folded, → its column.
  static let byKey: [String: CanonicalColumn] = {
    var map: [String: CanonicalColumn] = [:]
    for column in allCases {
      map[column.rawValue] = column
      for alias in column.aliases { map[headerKey(alias)] = column }
    }
    return map
  }()

  /// The canonical column a header names, and the unit in its suffix:
  /// `金額(千元)` → (.value, 千元), `件數` → (.value, nil), `備註` → nil. A header whose
  /// characters are spaced out (`年 月 別`, as MOJ's tables lay out their column heads) is
  /// read without the spaces.
  public static func recognizing(_ header: String) -> (column: CanonicalColumn, unit: String?)? {
    let (base, unit) = splitUnitSuffix(header)
    let key = headerKey(base)
    guard let column = byKey[key] else { return nil }
    // 百分比 ("percentage") says its unit: the figures are percent.
    if unit == nil && key == "百分比" { return (column, "%") }
    return (column, unit)
  }

  /// How headers are compared — with aliases and with `--columns` names: trimmed,
  /// full-width folded, lower-cased, and without spaces (MOJ's tables space out their
  /// column heads: `年 月 別`, `總 計`).
  public static func headerKey(_ header: String) -> String {
    TextFolding.key(header).filter { $0 != " " }
  }

  /// Splits `金額(千元)` into `金額` and `千元` (full-width parentheses too); a header
  /// without a parenthesised suffix is returned whole with a nil unit.
  /// A footnote mark in parentheses (`數值(註)`, `起訴件數(註1)`, `(*)`) is not a unit: it is
  /// dropped, and a unit before it is still read (`金額(千元)(註2)`).
  public static func splitUnitSuffix(_ header: String) -> (base: String, unit: String?) {
    var folded = TextTable.trim(TextFolding.halfWidth(header))
    while true {
      guard folded.hasSuffix(")"), let open = folded.lastIndex(of: "(") else { return (folded, nil) }
      let unit = TextTable.trim(String(folded[folded.index(after: open)..<folded.index(before: folded.endIndex)]))
      let base = TextTable.trim(String(folded[..<open]))
      if isFootnoteMark(unit) {
        folded = base
        continue
      }
      return (base, unit.isEmpty ? nil : unit)
    }
  }

  /// `name` without the footnote marks at its end (`起訴件數(註1)`, `起訴件數（註）` →
  /// `起訴件數`), as written otherwise.
  public static func droppingFootnoteMarks(_ name: String) -> String {
    var text = TextTable.trim(name)
    while let last = text.last, last == ")" || last == "）",
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }),
      isFootnoteMark(TextTable.trim(TextFolding.halfWidth(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))))
    {
      text = TextTable.trim(String(text[..<open]))
    }
    return text
  }

  /// `註`, `註1`, `附註3`, `*`, `**`, `note 2`: a reference to a footnote.
  static func isFootnoteMark(_ text: String) -> Bool {
    var rest = Substring(text.lowercased())
    for lead in ["附註", "註", "note", "*"] where rest.hasPrefix(lead) {
      rest = rest.dropFirst(lead.count)
      return rest.allSatisfy { $0.isNumber || $0 == " " || $0 == "*" }
    }
    return false
  }
}
