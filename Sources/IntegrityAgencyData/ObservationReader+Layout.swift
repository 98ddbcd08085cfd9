import IntegrityTables

extension ObservationReader {
  /// Where each canonical column sits in a file's header, with the units its headers carry.
  struct Layout {
    /// Canonical column → 0-based field index.
    var index: [CanonicalColumn: Int] = [:]
    /// Units from header suffixes (`金額(千元)`), per canonical column.
    var units: [CanonicalColumn: UnitScale] = [:]
    /// A unit stated in a title line (`單位：千元`), for figures with no other unit.
    var titleUnit: UnitScale?
    /// Wide tables: the columns whose headers are periods.
    var periodColumns: [(column: Int, period: Period)] = []
    /// Wide tables with their periods down a column (MOJ's statistics tables: 民國,
    /// 合計發生件數, 合計破獲率, …): the columns that are each an indicator, named by their
    /// header, with the unit of its suffix.
    var seriesColumns: [(column: Int, name: String, unit: UnitScale?)] = []
    /// A wide table's unit written in its corner header (`項目(單位:千元)`): the table's
    /// unit, as a title line's would be.
    var cornerUnit: UnitScale?
    /// Header fields used by no canonical column (reported as notes).
    var unused: [Int] = []
  }

  /// The header test used to find the header among title lines: at least two cells
  /// that name canonical columns (or `--columns` headers), or, for `--wide`, at least
  /// two period headers.
  static func headerMatcher(options: ObservationReadOptions) -> @Sendable ([String]) -> Bool {
    let mapped = Set(options.columnMap.values.map(CanonicalColumn.headerKey))
    let wide = options.wide
    return { fields in
      // Distinct columns: a data row whose cells happen to spell one column twice (`n`
      // and `n` for "no", as in NHI's open data) is not a header.
      var recognized = Set<String>()
      var periods = 0
      var names = 0
      for field in fields where !field.isEmpty {
        let key = CanonicalColumn.headerKey(field)
        if mapped.contains(key) {
          recognized.insert("mapped:" + key)
        } else if let (column, _) = CanonicalColumn.recognizing(field) {
          recognized.insert(column.rawValue)
        } else if wide, let period = Period(parsing: field), isPeriodHeader(period) {
          periods += 1
        } else if !ObservationReader.isFigure(field) {
          names += 1
        }
      }
      // With --wide, a period column beside named columns is a header too: the periods
      // run down the rows (民國, 合計發生件數, 合計破獲率, …).
      let periodColumn = recognized.contains(CanonicalColumn.year.rawValue) || recognized.contains(CanonicalColumn.period.rawValue)
      return recognized.count >= 2 || (wide && periods >= 2) || (!mapped.isEmpty && recognized.count >= mapped.count)
        || (wide && periodColumn && names >= 1 && periods == 0)
    }
  }

  /// Whether a cell reads as data — a figure, a dash or a not-available symbol — rather
  /// than as a name (for telling a header from a data row).
  static func isFigure(_ cell: String) -> Bool {
    NumberParser.parse(cell) != .invalid
  }

  /// Resolves the header: `--columns` names first, then aliases; the first column
  /// claiming a canonical name wins, later ones are noted as unused.
  static func layout(
    header: [String], headerLine: Int, source: String, options: ObservationReadOptions, notes: inout [Notice],
    warnings: inout [Notice]
  ) throws(DataError) -> Layout {
    var layout = Layout()
    let mapped: [String: CanonicalColumn] = Dictionary(
      options.columnMap.compactMap { name, header in
        CanonicalColumn(rawValue: name).map { (CanonicalColumn.headerKey(header), $0) }
      }, uniquingKeysWith: { a, _ in a })
    // Pass 1: headers named by --columns claim their canonical columns first.
    var claimed = Set<Int>()
    for (i, header) in header.enumerated() {
      let split = CanonicalColumn.splitUnitSuffix(header)
      guard let column = mapped[CanonicalColumn.headerKey(header)] ?? mapped[CanonicalColumn.headerKey(split.base)],
        layout.index[column] == nil
      else { continue }
      layout.index[column] = i
      claimed.insert(i)
      if let unit = split.unit, let scale = UnitScale(parsing: unit) { layout.units[column] = scale }
    }
    for (name, wanted) in options.columnMap.sorted(by: { $0.key < $1.key }) {
      guard let column = CanonicalColumn(rawValue: name), layout.index[column] == nil else { continue }
      throw DataError(
        file: source, line: headerLine, column: 0,
        message: "the header has no column \"\(wanted)\" (it has: \(header.joined(separator: ", ")))",
        remedy: .correctColumnMap(canonical: name, header: wanted))
    }
    // Pass 2: aliases and canonical names; with --wide, period headers.
    for (i, name) in header.enumerated() where !claimed.contains(i) {
      let found = CanonicalColumn.recognizing(name)
      if options.wide, found == nil || found?.column == .year, let period = Period(parsing: name), isPeriodHeader(period) {
        layout.periodColumns.append((i, period))
        continue
      }
      guard let (column, unit) = found, layout.index[column] == nil else {
        if !name.isEmpty { layout.unused.append(i) }
        continue
      }
      layout.index[column] = i
      if let unit, let scale = UnitScale(parsing: unit) { layout.units[column] = scale }
    }
    if options.wide, layout.periodColumns.isEmpty, layout.index[.indicator] == nil, layout.index[.value] == nil,
      layout.index[.year] != nil || layout.index[.period] != nil
    {
      // No period headers, but a period column: the periods run down the rows and every
      // other column is an indicator of its own.
      for i in layout.unused {
        let split = CanonicalColumn.splitUnitSuffix(header[i])
        let unit = split.unit.flatMap { UnitScale(parsing: $0) }
        if let unit, UnitScale.isUnreadable(unit) {
          throw DataError(
            file: source, line: headerLine, column: i + 1, columnName: header[i], message: UnitScale.expected)
        }
        layout.seriesColumns.append((i, split.base, unit))
      }
      if !layout.seriesColumns.isEmpty {
        layout.unused = []
        let periods = header[layout.index[.period] ?? layout.index[.year]!]
        let count = layout.seriesColumns.count
        notes.append(
          Notice(
            "\(source):\(headerLine): periods run down column \"\(periods)\"; each of the other \(count) columns is read as an indicator"))
      }
    }
    if options.wide && layout.seriesColumns.isEmpty {
      // The row labels: a wide table's corner header names the labels' column however it
      // is written (項目, 年度, 年別, 項目／年度 …); without an indicator column, the first
      // column that holds no periods and no other canonical column is the labels'.
      if layout.index[.indicator] == nil {
        let labels = layout.index[.year] ?? layout.index[.period]
          ?? (0..<header.count).first { i in
            !layout.periodColumns.contains { $0.column == i } && !layout.index.values.contains(i)
          }
        if let labels {
          if layout.index[.year] == labels { layout.index[.year] = nil }
          if layout.index[.period] == labels { layout.index[.period] = nil }
          layout.unused.removeAll { $0 == labels }
          layout.index[.indicator] = labels
          notes.append(
            Notice(
              "\(source):\(headerLine): the row labels in column \"\(header[labels])\" are read as the indicator",
              remedy: .wideLayout))
        }
      }
      guard !layout.periodColumns.isEmpty else {
        throw DataError(
          file: source, line: headerLine, column: 0,
          message: "expected period headers such as 107年, 2018 or 112年第1季 (the header has: \(header.joined(separator: ", ")))",
          remedy: .wideLayout)
      }
      // The corner header's unit (`項目(單位:千元)`) is the table's.
      if let labels = layout.index[.indicator], let unit = CanonicalColumn.splitUnitSuffix(header[labels]).unit,
        let scale = UnitScale(parsing: unit)
      {
        if UnitScale.isUnreadable(scale) {
          throw DataError(
            file: source, line: headerLine, column: labels + 1, columnName: header[labels], message: UnitScale.expected)
        }
        layout.cornerUnit = scale
        layout.units[.indicator] = nil
      }
    } else if !options.wide {
      guard layout.index[.year] != nil || layout.index[.period] != nil else {
        throw DataError(
          file: source, line: headerLine, column: 0,
          message: "expected a year or period column (年度, 年, 期間, …) (the header has: \(header.joined(separator: ", ")))",
          remedy: .mapColumn(canonical: "year"))
      }
      guard layout.index[.value] != nil else {
        throw DataError(
          file: source, line: headerLine, column: 0,
          message: "expected a value column (實際值, 數值, 件數, 金額, 人數, …) (the header has: \(header.joined(separator: ", ")))",
          remedy: .mapColumn(canonical: "value"))
      }
    }
    try checkUnits(&layout, header: header, headerLine: headerLine, source: source, warnings: &warnings)
    if !layout.unused.isEmpty {
      let names = layout.unused.map { header[$0] }.joined(separator: ", ")
      notes.append("\(source):\(headerLine): columns not used: \(names)")
    }
    return layout
  }

  /// A period header of a wide table: a year between 1950 and 2100 (ROC 39–189), so that
  /// a data row of counts (239, 259) is never taken for years (2150, 2170).
  static func isPeriodHeader(_ period: Period) -> Bool {
    (1950...2100).contains(period.year)
  }

  /// Header units must be known, and a unit on the value header but not on the target
  /// header (or the other way) is said, naming both.
  static func checkUnits(
    _ layout: inout Layout, header: [String], headerLine: Int, source: String, warnings: inout [Notice]
  ) throws(DataError) {
    for (column, scale) in layout.units {
      guard let i = layout.index[column], UnitScale.isUnreadable(scale) else { continue }
      throw DataError(
        file: source, line: headerLine, column: i + 1, columnName: header[i],
        message: UnitScale.expected)
    }
    if let v = layout.index[.value], let t = layout.index[.target], layout.units[.value] != layout.units[.target],
      (layout.units[.value]?.powerOfTen ?? 0) != (layout.units[.target]?.powerOfTen ?? 0)
    {
      let valueUnit = layout.units[.value]?.described ?? "no unit"
      let targetUnit = layout.units[.target]?.described ?? "no unit"
      warnings.append(
        "\(source):\(headerLine): the value header \"\(header[v])\" gives \(valueUnit) but the target header \"\(header[t])\" gives \(targetUnit): each column is scaled by its own header; write the unit in both headers if they share one")
    }
  }
}
