import TableIO

extension ObservationReader {
  /// Reads data rows of one table under one layout; keeps interned text keys.
  struct RowReader {
    let table: TextTable
    let layout: Layout
    let options: ObservationReadOptions
    /// Text cells seen before (agency, indicator), by their bytes: one `String` each.
    var keys = ByteKeyTable()
    var strings: [String?] = []
    /// Period, quarter and month cells seen before, by their bytes (a file has few distinct ones).
    var periodKeys = ByteKeyTable()
    var periods: [Period] = []
    var quarterKeys = ByteKeyTable()
    var quarters: [Int] = []
    var monthKeys = ByteKeyTable()
    var months: [Int] = []
    var sawQuarter = false
    var sawMonth = false

    /// `layout.index` as a flat array by `CanonicalColumn.ordinal` (-1 = absent): the
    /// per-cell lookups stay off the hasher.
    let columnIndex: [Int]
    let valueScale: UnitScale?
    let targetScale: UnitScale?

    init(table: TextTable, layout: Layout, options: ObservationReadOptions) {
      self.table = table
      self.layout = layout
      self.options = options
      var flat = [Int](repeating: -1, count: CanonicalColumn.allCases.count)
      for (column, i) in layout.index { flat[column.ordinal] = i }
      columnIndex = flat
      valueScale = layout.units[.value]
      targetScale = layout.units[.target]
    }

    @inline(__always) func index(_ column: CanonicalColumn) -> Int? {
      let i = columnIndex[column.ordinal]
      return i < 0 ? nil : i
    }

    /// The footnote text when `row` is a footnote line: its first non-empty cell starts
    /// with 註, 附註, 說明, 資料來源, 來源, 備註, 備考, Note or Source followed by
    /// punctuation, a digit or nothing; after a footnote, any row with one non-empty
    /// cell continues the footnotes. Data rows are told apart on bytes, without strings.
    func footnote(row: Int, afterFootnote: Bool) -> String? {
      if !afterFootnote {
        // Fast path for data rows: a first cell that is not empty and does not start
        // like a footnote keyword decides it.
        var first = table.fieldBytes(row: row, column: 0)
        while let b = first.first, b == 0x20 { first = first.dropFirst() }
        if let b = first.first, b < 0x80, b | 0x20 != UInt8(ascii: "n"), b | 0x20 != UInt8(ascii: "s") {
          return nil
        }
        if !first.isEmpty, !RowReader.footnoteLeads.contains(where: { first.starts(with: $0) }),
          !RowReader.asciiFootnoteLead(first)
        {
          return nil
        }
      }
      var nonEmpty = 0
      var first: ArraySlice<UInt8> = []
      for c in 0..<table.fieldCount(row: row) {
        var bytes = table.fieldBytes(row: row, column: c)
        while let b = bytes.first, b == 0x20 { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty else { continue }
        nonEmpty += 1
        if nonEmpty == 1 { first = bytes }
        if nonEmpty > 1 && !afterFootnote { break }
      }
      guard nonEmpty > 0 else { return nil }
      let isContinuation = afterFootnote && nonEmpty == 1
      guard isContinuation || RowReader.footnoteLeads.contains(where: { first.starts(with: $0) })
        || RowReader.asciiFootnoteLead(first)
      else { return nil }
      var cells: [String] = []
      for c in 0..<table.fieldCount(row: row) {
        let text = TextTable.trim(table.field(row: row, column: c))
        if !text.isEmpty { cells.append(text) }
      }
      let text = cells.joined(separator: " ")
      if isContinuation { return text }
      let folded = TextFolding.halfWidth(cells[0]).lowercased()
      for keyword in ["附註", "資料來源", "來源", "說明", "備註", "備考", "註", "note", "source"] {
        guard folded.hasPrefix(keyword) else { continue }
        let next = folded.dropFirst(keyword.count).first
        if next == nil || ":：、,.()（）「1234567890一二三四五六七八九十 s".contains(next!) { return text }
      }
      return nil
    }

    /// True when every cell of `row` holds only spaces or tabs (`" "," "` lines).
    func isBlank(row: Int) -> Bool {
      for c in 0..<table.fieldCount(row: row)
      where table.fieldBytes(row: row, column: c).contains(where: { $0 != 0x20 && $0 != 0x09 }) {
        return false
      }
      return true
    }

    /// An indicator written with its unit, as wide tables label their rows
    /// (`查扣不法所得金額(千元)`): when no unit column gives a unit, a money unit in the
    /// name applies to the row's figures and the indicator is named without it (its
    /// figures are then in base units). `name` is the trimmed cell text.
    static func indicatorName(_ name: String) -> (name: String?, scale: UnitScale?) {
      if name.isEmpty { return (nil, nil) }
      let (base, suffix) = CanonicalColumn.splitUnitSuffix(name)
      if let suffix, !base.isEmpty, let scale = UnitScale(parsing: suffix), scale.baseUnit == "元" {
        return (base, scale)
      }
      return (name, nil)
    }

    /// UTF-8 first bytes of the footnote keywords (註 附 說 資 來 備).
    static let footnoteLeads: [[UInt8]] = ["註", "附註", "說明", "資料來源", "來源", "備註", "備考"].map { Array($0.utf8) }

    static func asciiFootnoteLead(_ bytes: ArraySlice<UInt8>) -> Bool {
      guard let b = bytes.first else { return false }
      return b | 0x20 == UInt8(ascii: "n") || b | 0x20 == UInt8(ascii: "s")
    }

    /// Reads one data row, appending its observations; throws the first bad cell.
    mutating func read(row: Int, into observations: inout [Observation]) throws(DataError) {
      let line = table.line(row: row)
      let width = table.header.count
      if table.fieldCount(row: row) > width {
        for c in width..<table.fieldCount(row: row) where table.fieldBytes(row: row, column: c).contains(where: { $0 != 0x20 }) {
          throw DataError(
            file: table.source, line: line, column: c + 1,
            message: "row has \(table.fieldCount(row: row)) fields but the header has \(width)",
            found: table.field(row: row, column: c))
        }
      }
      var indicator = text(row: row, .indicator)
      let agency = text(row: row, .agency)
      var unitScale: UnitScale? = nil
      if let c = index(.unit) {
        let cell = table.field(row: row, column: c)
        unitScale = UnitScale(parsing: cell)
      }
      if unitScale == nil, let name = indicator {
        (indicator, unitScale) = RowReader.indicatorName(name)
      }
      let direction = try self.direction(row: row)
      let n = try number(row: row, .n, scale: nil).value
      if options.wide {
        let target = try number(row: row, .target, scale: targetScale ?? unitScale ?? layout.titleUnit)
        let wideScale = unitScale ?? layout.titleUnit
        var made: [Observation] = []
        for (column, period) in layout.periodColumns {
          let value = try number(row: row, column: column, scale: wideScale, header: table.header[column])
          made.append(
            Observation(
              indicator: indicator, agency: agency, period: period, value: value.value, target: target.value,
              sampleSize: n, unit: wideScale?.baseUnit ?? (value.percent ? "%" : nil), direction: direction,
              revised: value.revised, line: line))
          if period.quarter != nil { sawQuarter = true }
          if period.month != nil { sawMonth = true }
        }
        observations += made
        return
      }
      let period = try self.period(row: row)
      let rowValueScale = valueScale ?? unitScale ?? layout.titleUnit
      let value = try number(row: row, .value, scale: rowValueScale)
      let target = try number(row: row, .target, scale: targetScale ?? unitScale ?? layout.titleUnit)
      let unit = rowValueScale?.baseUnit ?? (value.percent || target.percent ? "%" : nil)
      if period.quarter != nil { sawQuarter = true }
      if period.month != nil { sawMonth = true }
      observations.append(
        Observation(
          indicator: indicator, agency: agency, period: period, value: value.value, target: target.value,
          sampleSize: n, unit: unit, direction: direction, revised: value.revised || target.revised, line: line))
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
      guard let c = index(column) else { return nil }
      var bytes = table.fieldBytes(row: row, column: c)
      while let b = bytes.first, b == 0x20 || b == 0x09 { bytes = bytes.dropFirst() }
      while let b = bytes.last, b == 0x20 || b == 0x09 { bytes = bytes.dropLast() }
      guard !bytes.isEmpty else { return nil }
      let (id, isNew) = keys.id(for: bytes)
      if isNew {
        let s = TextTable.trim(String(decoding: bytes, as: UTF8.self))
        strings.append(s.isEmpty ? nil : s)
      }
      return strings[id]
    }

    mutating func period(row: Int) throws(DataError) -> Period {
      guard let c = index(.period) ?? index(.year) else {
        preconditionFailure("layout guarantees a year or period column")
      }
      let bytes = table.fieldBytes(row: row, column: c)
      var period: Period
      let (id, isNew) = periodKeys.id(for: bytes)
      if !isNew {
        period = periods[id]
      } else {
        guard let p = Period(parsing: String(decoding: bytes, as: UTF8.self)) else {
          periodKeys = ByteKeyTable()  // keep ids and values aligned: forget the bad key
          periods = []
          throw error(row: row, column: c, "expected a year or period (\(Period.spellings))")
        }
        periods.append(p)
        period = p
      }
      if let c = index(.quarter) {
        let bytes = table.fieldBytes(row: row, column: c)
        if bytes.contains(where: { $0 != 0x20 }) {
          let (id, isNew) = quarterKeys.id(for: bytes)
          if !isNew {
            period.quarter = quarters[id]
          } else {
            guard let q = Period.quarter(parsing: String(decoding: bytes, as: UTF8.self)) else {
              quarterKeys = ByteKeyTable()
              quarters = []
              throw error(row: row, column: c, "expected a quarter (1–4, Q3, 第3季 or 第三季)")
            }
            quarters.append(q)
            period.quarter = q
          }
          period.month = nil
        }
      }
      if let c = index(.month) {
        let bytes = table.fieldBytes(row: row, column: c)
        if bytes.contains(where: { $0 != 0x20 }) {
          let (id, isNew) = monthKeys.id(for: bytes)
          if !isNew {
            period.month = months[id]
          } else {
            guard let m = Period.month(parsing: String(decoding: bytes, as: UTF8.self)) else {
              monthKeys = ByteKeyTable()
              months = []
              throw error(row: row, column: c, "expected a month (1–12 or 7月)")
            }
            months.append(m)
            period.month = m
          }
          period.quarter = nil
        }
      }
      return period
    }

    func direction(row: Int) throws(DataError) -> Direction? {
      guard let c = index(.direction) else { return nil }
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

    func number(row: Int, _ column: CanonicalColumn, scale: UnitScale?) throws(DataError) -> Figure {
      guard let c = index(column) else { return Figure() }
      return try number(row: row, column: c, scale: scale, header: table.header[c])
    }

    /// A figure: a number (scaled to base units), a symbol, or a milestone word.
    func number(row: Int, column c: Int, scale: UnitScale?, header: String) throws(DataError) -> Figure {
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
