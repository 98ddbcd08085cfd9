import TableIO

extension ObservationReader {
  /// Reads data rows of one table under one layout; keeps interned text keys.
  struct RowReader {
    let table: TextTable
    let layout: Layout
    let options: ObservationReadOptions
    /// Text cells seen before (agency, indicator), by their bytes: one `String` each.
    var interned: [ArraySlice<UInt8>: String] = [:]
    var sawQuarter = false
    var sawMonth = false

    init(table: TextTable, layout: Layout, options: ObservationReadOptions) {
      self.table = table
      self.layout = layout
      self.options = options
    }

    /// The footnote text when `row` is a footnote line: its first non-empty cell starts
    /// with 註, 附註, 說明, 資料來源, 來源, 備註, 備考, Note or Source followed by
    /// punctuation, a digit or nothing; after a footnote, any row with one non-empty
    /// cell continues the footnotes.
    func footnote(row: Int, afterFootnote: Bool) -> String? {
      var cells: [String] = []
      for c in 0..<table.fieldCount(row: row) {
        let bytes = table.fieldBytes(row: row, column: c)
        if bytes.contains(where: { $0 != 0x20 }) { cells.append(TextTable.trim(table.field(row: row, column: c))) }
        if cells.count > 1 && !afterFootnote { break }
      }
      guard let first = cells.first else { return nil }
      let text = cells.joined(separator: " ")
      if afterFootnote && cells.count == 1 { return text }
      let folded = TextFolding.halfWidth(first)
      for keyword in ["附註", "資料來源", "來源", "說明", "備註", "備考", "註", "note", "source"] {
        guard folded.lowercased().hasPrefix(keyword) else { continue }
        let next = folded.dropFirst(keyword.count).first
        if next == nil || ":：、,.()（）「1234567890一二三四五六七八九十 s".contains(next!) { return text }
      }
      return nil
    }

    /// Reads one data row, appending its observations; throws the first bad cell.
    mutating func read(row: Int, into observations: inout [Observation]) throws {
      let line = table.line(row: row)
      let indicator = text(row: row, .indicator)
      let agency = text(row: row, .agency)
      var unitScale: UnitScale? = nil
      if let c = layout.index[.unit] {
        let cell = table.field(row: row, column: c)
        unitScale = UnitScale(parsing: cell)
      }
      let direction = try self.direction(row: row)
      let n = try number(row: row, .n, scale: nil).value
      if options.wide {
        let target = try number(row: row, .target, scale: layout.units[.target] ?? unitScale ?? layout.titleUnit)
        let valueScale = unitScale ?? layout.titleUnit
        var made: [Observation] = []
        for (column, period) in layout.periodColumns {
          let value = try number(row: row, column: column, scale: valueScale, header: table.header[column])
          made.append(
            Observation(
              indicator: indicator, agency: agency, period: period, value: value.value, target: target.value,
              sampleSize: n, unit: valueScale?.baseUnit ?? (value.percent ? "%" : nil), direction: direction,
              revised: value.revised, line: line))
          if period.quarter != nil { sawQuarter = true }
          if period.month != nil { sawMonth = true }
        }
        observations += made
        return
      }
      let period = try self.period(row: row)
      let valueScale = layout.units[.value] ?? unitScale ?? layout.titleUnit
      let value = try number(row: row, .value, scale: valueScale)
      let target = try number(row: row, .target, scale: layout.units[.target] ?? unitScale ?? layout.titleUnit)
      let unit = valueScale?.baseUnit ?? (value.percent || target.percent ? "%" : nil)
      if period.quarter != nil { sawQuarter = true }
      if period.month != nil { sawMonth = true }
      observations.append(
        Observation(
          indicator: indicator, agency: agency, period: period, value: value.value, target: target.value,
          sampleSize: n, unit: unit, direction: direction, revised: value.revised || target.revised, line: line))
    }

    func columnsPresent(_ observations: [Observation]) -> Set<CanonicalColumn> {
      var present = Set(layout.index.keys)
      present.remove(.period)
      present.insert(.year)
      present.insert(.value)
      if sawQuarter { present.insert(.quarter) }
      if sawMonth { present.insert(.month) }
      if observations.contains(where: { $0.unit != nil }) { present.insert(.unit) }
      return present
    }

    // MARK: cells

    func error(row: Int, column: Int, _ message: String) -> DataError {
      DataError(
        file: table.source, line: table.line(row: row), column: column + 1,
        columnName: column < table.header.count ? table.header[column] : nil, message: message,
        found: table.field(row: row, column: column))
    }

    /// A trimmed text cell, interned; nil when the column is absent or the cell empty.
    mutating func text(row: Int, _ column: CanonicalColumn) -> String? {
      guard let c = layout.index[column] else { return nil }
      var bytes = table.fieldBytes(row: row, column: c)
      while let b = bytes.first, b == 0x20 || b == 0x09 { bytes = bytes.dropFirst() }
      while let b = bytes.last, b == 0x20 || b == 0x09 { bytes = bytes.dropLast() }
      guard !bytes.isEmpty else { return nil }
      if let s = interned[bytes] { return s }
      let s = TextTable.trim(String(decoding: bytes, as: UTF8.self))
      interned[bytes] = s
      return s.isEmpty ? nil : s
    }

    func period(row: Int) throws -> Period {
      var period: Period
      if let c = layout.index[.period] ?? layout.index[.year] {
        let cell = table.field(row: row, column: c)
        guard let p = Period(parsing: cell) else {
          throw error(row: row, column: c, "expected a year or period (\(Period.spellings))")
        }
        period = p
      } else {
        preconditionFailure("layout guarantees a year or period column")
      }
      if let c = layout.index[.quarter] {
        let cell = table.field(row: row, column: c)
        if !TextTable.trim(cell).isEmpty {
          guard let q = Period.quarter(parsing: cell) else {
            throw error(row: row, column: c, "expected a quarter (1–4, Q3, 第3季 or 第三季)")
          }
          period.quarter = q
          period.month = nil
        }
      }
      if let c = layout.index[.month] {
        let cell = table.field(row: row, column: c)
        if !TextTable.trim(cell).isEmpty {
          guard let m = Period.month(parsing: cell) else {
            throw error(row: row, column: c, "expected a month (1–12 or 7月)")
          }
          period.month = m
          period.quarter = nil
        }
      }
      return period
    }

    func direction(row: Int) throws -> Direction? {
      guard let c = layout.index[.direction] else { return nil }
      let cell = table.field(row: row, column: c)
      if TextTable.trim(cell).isEmpty { return nil }
      guard let d = Direction(parsing: cell) else {
        throw error(
          row: row, column: c, "expected a direction (increase, decrease, zero, milestone, 正向, 負向, 零發生, 里程碑)")
      }
      return d
    }

    struct Figure {
      var value: DecimalNumber?
      var revised = false
      var percent = false
    }

    func number(row: Int, _ column: CanonicalColumn, scale: UnitScale?) throws -> Figure {
      guard let c = layout.index[column] else { return Figure() }
      return try number(row: row, column: c, scale: scale, header: table.header[c])
    }

    /// A figure: a number (scaled to base units), a symbol, or a milestone word.
    func number(row: Int, column c: Int, scale: UnitScale?, header: String) throws -> Figure {
      var percent = false
      switch NumberParser.parse(bytes: table.fieldBytes(row: row, column: c), percentSign: &percent) {
      case .number(let d, let revised):
        return Figure(value: scale?.apply(d) ?? d, revised: revised, percent: percent)
      case .missing:
        return Figure()
      case .dash:
        return Figure(value: options.dashMeansMissing ? nil : .zero)
      case .invalid:
        if let m = Direction.milestoneValue(table.field(row: row, column: c)) { return Figure(value: m) }
        throw error(row: row, column: c, "expected a number (such as 1,234, 12.5%, －, … or NA)")
      }
    }
  }
}
