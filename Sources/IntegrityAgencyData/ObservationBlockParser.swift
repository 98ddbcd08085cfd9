import IntegrityDecimal
import IntegrityTables

/// The cell rules of the agency-file reader, applied to the records of one block of
/// UTF-8 bytes as `RecordTokenizer` splits them (DESIGN.md §5, §8): every file shape,
/// every column, every row — there is no other reader of agency files.
///
/// Each rule is written once and remembers what it read per distinct spelling: keys
/// (indicator, agency: trimmed, interned to dense ids; a money unit in an indicator's
/// name moves to its figures), periods and quarters and months, units, directions;
/// figures are exact scaled integers (`d+(.d+)?` read in one word, `[-]d+(,ddd)*(.d+)?`
/// inline, anything else through `NumberParser`), scaled by their column's unit, else
/// the row's unit cell or the unit in its indicator's name, else the title's.
///
/// Rows: a blank record (every cell empty or spaces) is counted and skipped; a
/// footnote line (its first cell starting with 註, 附註, 說明, 資料來源, 來源, 備註, 備考,
/// Note or Source followed by punctuation, a digit or nothing — and after one, any
/// record with a single non-empty cell) is set aside as a note; every other record is
/// a data row and is either used or rejected: a short or long row, a cell that does
/// not read, a figure beyond the exact range. Without `skipBadRows` the first bad row
/// throws `FILE:LINE:COLUMN`; with it, the row is rejected with its reason and the
/// parse goes on. Rows read = rows used + rows rejected, always.
@usableFromInline
struct ObservationBlockParser {
  @usableFromInline
  enum Kind: UInt8 {
    case skip, indicator, agency, period, quarter, month, value, target, n, unit, direction
    /// A year column beside a period column: it must agree with the period.
    case year
  }


  @usableFromInline let source: String
  @usableFromInline let header: [String]
  @usableFromInline let kinds: [Kind]
  /// The columns whose cells the key rules read, in column order (errors name the
  /// leftmost bad cell), and the figure columns (-1: none).
  @usableFromInline let keyColumns: [(kind: Kind, column: Int)]
  @usableFromInline let valueColumn: Int
  @usableFromInline let targetColumn: Int
  @usableFromInline let nColumn: Int
  /// Wide tables: the period of each period column.
  @usableFromInline let periodColumns: [(column: Int, period: Period)]
  /// Wide tables with their periods down a column: each indicator column's indicator id,
  /// the scale of its header's unit, and whether its name is a rate's.
  @usableFromInline var seriesColumns: [(column: Int, indicator: Int32, scale: FigureScale?, isRate: Bool)] = []
  @usableFromInline let dashMeansMissing: Bool
  @usableFromInline let skipBadRows: Bool
  /// `ObservationReadOptions.agencyName`: an agency's name as written → the name it is kept under.
  @usableFromInline let agencyName: (@Sendable (String) -> String)?
  /// The value and target headers' units and the title's unit.
  @usableFromInline var valueScale: FigureScale?
  @usableFromInline var targetScale: FigureScale?
  @usableFromInline var titleUnit: FigureScale?
  /// Whether rows named as rates keep their figures unscaled: the title's unit is a
  /// count or an amount (件, 千元), not itself a rate's (%, ‰).
  @usableFromInline var titleUnitSparesRates = false
  /// The base units of the scales in use (`FigureScale.unit` indexes them), and each
  /// one's id among the rows' units (-1: not given to a row yet).
  @usableFromInline var scaleUnitNames: [String] = []
  @usableFromInline var scaleUnitIDs: [Int32] = []
  /// The rows' unit id of `%` (-1: not given to a row yet).
  @usableFromInline var percentUnitID: Int32 = -1

  @usableFromInline var keys = ObservationKeys()
  @usableFromInline var tokenizer: RecordTokenizer
  @usableFromInline var indicatorTable = ByteKeyTable()
  /// Raw indicator id → name id and the scale of a money unit in the name; when there
  /// is one, the id of the name as written (-1: not interned yet), used on rows whose
  /// unit cell gives the unit.
  @usableFromInline var indicatorIDs: [(id: Int32, scale: FigureScale?, written: Int32)] = []
  @usableFromInline var indicatorNames: [String] = []
  /// Raw indicator id → 0: not a rate; 1: a rate (its name ends in 率, 比例 or 百分比, or
  /// says %), whose figures the title's unit does not scale; 2: such a rate, noted.
  @usableFromInline var indicatorRates: [UInt8] = []
  /// Rate rows the title's unit was kept from: each such indicator's first line.
  @usableFromInline var rateRows: [(line: Int, name: String)] = []
  @usableFromInline var indicatorNameIDs: [String: Int32] = [:]
  @usableFromInline var agencyTable = ByteKeyTable()
  @usableFromInline var agencyIDs: [Int32] = []
  @usableFromInline var agencyNameIDs: [String: Int32] = [:]
  @usableFromInline var unitNameIDs: [String: Int32] = [:]
  @usableFromInline var lastUnit: (name: String?, id: Int32) = (nil, 0)
  @usableFromInline var periodCache = SpellingCache<Period?>()
  @usableFromInline var quarterCache = SpellingCache<Int?>()
  @usableFromInline var monthCache = SpellingCache<Int?>()
  @usableFromInline var unitCache = SpellingCache<UnitCell>()
  @usableFromInline var directionCache = SpellingCache<Direction??>()
  /// The last target cell (in the current block), its scale's power of ten and its figure.
  @usableFromInline var lastTargetCell = -1..<(-1)
  @usableFromInline var lastTargetPower: Int32 = .min
  @usableFromInline var lastTarget = Figure()

  /// Data rows read (used or rejected).
  @usableFromInline var rows = 0
  /// The physical line the next record starts on.
  @usableFromInline var line: Int
  @usableFromInline var rejected: [RejectedRow] = []
  /// Footnote lines set aside, with their lines.
  @usableFromInline var footnotes: [(line: Int, text: String)] = []
  @usableFromInline var inFootnotes = false
  /// Lines of empty cells only, and of spaces only, skipped.
  @usableFromInline var emptyLines = 0
  @usableFromInline var spaceLines = 0
  @usableFromInline var sawQuarter = false
  @usableFromInline var sawMonth = false
  @usableFromInline var sawUnit = false

  init(
    source: String, header: [String], layout: ObservationReader.Layout, delimiter: UInt8,
    options: ObservationReadOptions, firstLine: Int
  ) {
    self.source = source
    self.header = header
    self.line = firstLine
    self.tokenizer = RecordTokenizer(delimiter: delimiter)
    var kinds = [Kind](repeating: .skip, count: header.count)
    let periodColumn = layout.index[.period] ?? layout.index[.year]
    for (column, i) in layout.index where i < kinds.count {
      switch column {
      case .indicator: kinds[i] = .indicator
      case .agency: kinds[i] = .agency
      case .period, .year: kinds[i] = i == periodColumn ? .period : .year
      case .quarter: kinds[i] = .quarter
      case .month: kinds[i] = .month
      case .value: kinds[i] = .value
      case .target: kinds[i] = .target
      case .n: kinds[i] = .n
      case .unit: kinds[i] = .unit
      case .direction: kinds[i] = .direction
      }
    }
    self.kinds = kinds
    self.keyColumns = kinds.indices.compactMap { c in
      switch kinds[c] {
      case .skip, .value, .target, .n: nil
      default: (kinds[c], c)
      }
    }
    self.valueColumn = kinds.firstIndex(of: .value) ?? -1
    self.targetColumn = kinds.firstIndex(of: .target) ?? -1
    self.nColumn = kinds.firstIndex(of: .n) ?? -1
    self.periodColumns = layout.periodColumns
    self.dashMeansMissing = options.dashMeansMissing
    self.skipBadRows = options.skipBadRows
    self.agencyName = options.agencyName
    self.valueScale = nil
    self.targetScale = nil
    self.titleUnit = nil
    self.valueScale = layout.units[.value].map { figureScale($0) }
    self.targetScale = layout.units[.target].map { figureScale($0) }
    self.titleUnit = layout.titleUnit.map { figureScale($0) }
    self.titleUnitSparesRates = layout.titleUnit?.sparesRates ?? false
    for (column, name, unit) in layout.seriesColumns {
      let id = Self.canonicalID(name, names: &keys.indicators, ids: &indicatorNameIDs)
      seriesColumns.append((column, id, unit.map { figureScale($0) }, Self.isRate(name)))
    }
  }

  /// `scale` as the rows apply it, its base unit listed once.
  @usableFromInline mutating func figureScale(_ scale: UnitScale) -> FigureScale {
    if let k = scaleUnitNames.firstIndex(of: scale.baseUnit) {
      return FigureScale(powerOfTen: scale.powerOfTen, unit: Int32(k))
    }
    scaleUnitNames.append(scale.baseUnit)
    scaleUnitIDs.append(-1)
    return FigureScale(powerOfTen: scale.powerOfTen, unit: Int32(scaleUnitNames.count - 1))
  }

  /// A unit cell's spelling, read once (`UnitRead`) and kept without its strings.
  @usableFromInline mutating func unitCell(_ text: String) -> UnitCell {
    switch UnitRead(text) {
    case .none: .none
    case .scale(let scale): .scale(figureScale(scale))
    case .unknown(let message): .unknown(message)
    }
  }

  // MARK: records

  /// Parses the complete records of `block`, handing each row to `consumer`; returns
  /// the byte offset up to which records were parsed (the rest is an incomplete record).
  @inlinable mutating func parse<Consumer: ColumnarConsumer>(_ block: [UInt8], isLast: Bool, into consumer: inout Consumer)
    throws(DataError) -> Int
  {
    let s = block.span
    let n = s.count
    lastTargetCell = -1..<(-1)
    var i = 0
    while i < n {
      switch tokenizer.next(s, from: i, isLast: isLast) {
      case .incomplete:
        return i
      case .unclosedQuote(let field, let breaks):
        // The rest of the input is one field: nothing after it can be read.
        rows += 1
        throw DataError(
          file: source, line: line + breaks, column: field + 1,
          message: "quoted field is never closed (a \" opened here has no closing \")")
      case .textAfterQuote(let field, let breaks, let text):
        rows += 1
        let error = DataError(
          file: source, line: line + breaks, column: field + 1,
          message: "unexpected text after a closing quote", found: String(decoding: block[text], as: UTF8.self))
        // Skip to the end of the line.
        var k = text.upperBound
        while k < n && s[k] != ByteScanner.lf && s[k] != ByteScanner.cr { k += 1 }
        if k < n { k += s[k] == ByteScanner.cr && k + 1 < n && s[k + 1] == ByteScanner.lf ? 2 : 1 }
        try reject(error, text: String(decoding: block[i..<min(k, n)], as: UTF8.self).trimmingLineEnd())
        line += breaks + 1
        i = k
      case .record(let next):
        defer {
          line += tokenizer.lineBreaks
          i = next
        }
        if tokenizer.isBlank(s) {
          if tokenizer.contentEnd > i {
            if tokenizer.count > 1 || (0..<tokenizer.count).allSatisfy({ tokenizer.cells[$0].isEmpty }) {
              emptyOrSpace(s)
            } else {
              spaceLines += 1
            }
          }
          continue
        }
        if (inFootnotes || Self.mayStartFootnote(tokenizer, s)), let text = footnote(s) {
          inFootnotes = true
          footnotes.append((line, text))
          continue
        }
        rows += 1
        do throws(DataError) {
          try row(block, s, recordStart: i, into: &consumer)
        } catch {
          try reject(error, text: String(decoding: block[i..<tokenizer.contentEnd], as: UTF8.self))
        }
      }
    }
    return n
  }

  @inlinable mutating func emptyOrSpace(_ s: Span<UInt8>) {
    var allEmpty = true
    for k in 0..<tokenizer.count where !tokenizer.cells[k].isEmpty {
      allEmpty = false
      break
    }
    if allEmpty { emptyLines += 1 } else { spaceLines += 1 }
  }

  /// Rejects a row under `skipBadRows`, or throws its error.
  @inlinable mutating func reject(_ error: DataError, text: String) throws(DataError) {
    guard skipBadRows else { throw error }
    rejected.append(RejectedRow(line: error.line, text: text, error: error))
  }

  @inlinable func columnName(_ c: Int) -> String? { c < header.count ? header[c] : nil }

  /// An error about cell `c` of the current record.
  @inlinable func cellError(_ s: Span<UInt8>, _ c: Int, _ message: String, remedy: Remedy? = nil) -> DataError {
    DataError(
      file: source, line: line, column: c + 1, columnName: columnName(c), message: message,
      found: c < tokenizer.count ? tokenizer.string(c, in: s) : nil, remedy: remedy)
  }

  /// Whether the record's first cell may start a footnote keyword: data rows are told
  /// apart on its first byte, without strings. Static and inlined, so that the hot loop
  /// does not copy the parser (a call to a non-mutating method from a mutating one
  /// passes `self` by value: the whole parser, about 800 bytes, copied per row).
  @inline(__always)
  @inlinable static func mayStartFootnote(_ tokenizer: borrowing RecordTokenizer, _ s: Span<UInt8>) -> Bool {
    let bounds = tokenizer.cells[0]
    var a = bounds.lowerBound
    let end = bounds.upperBound
    while a < end && s[a] == 0x20 { a += 1 }
    guard a < end else { return true }
    let b = s[a]
    if b < 0x80 { return b | 0x20 == UInt8(ascii: "n") || b | 0x20 == UInt8(ascii: "s") }
    return footnoteLeads.contains(where: { starts(s, a, end, with: $0) })
  }

  /// The footnote text when the record is a footnote line (see the type's comment);
  /// called only when `inFootnotes` or `mayStartFootnote`.
  @inlinable func footnote(_ s: Span<UInt8>) -> String? {
    var cells: [String] = []
    for k in 0..<tokenizer.count {
      let text = TextTable.trim(tokenizer.string(k, in: s))
      if !text.isEmpty { cells.append(text) }
    }
    guard !cells.isEmpty else { return nil }
    let text = cells.joined(separator: " ")
    if inFootnotes && cells.count == 1 { return text }
    let folded = TextFolding.halfWidth(cells[0]).lowercased()
    for keyword in ["附註", "資料來源", "來源", "說明", "備註", "備考", "註", "note", "source"] {
      guard folded.hasPrefix(keyword) else { continue }
      let next = folded.dropFirst(keyword.count).first
      guard next == nil || ":：、,.()（）「1234567890一二三四五六七八九十 s".contains(next!) else { continue }
      // A complete data row whose first cell happens to start like a footnote
      // (`Notes app`, `Source code …`) is a data row: it has the header's width and a
      // period (or, in a wide table, a figure) where the header says.
      return cells.count > 1 && isCompleteDataRow(s) ? nil : text
    }
    return nil
  }

  /// Whether the record has the header's width and a readable period (or first wide figure).
  @inlinable func isCompleteDataRow(_ s: Span<UInt8>) -> Bool {
    guard tokenizer.count == kinds.count else { return false }
    if let c = kinds.firstIndex(of: .period) {
      return Period(parsing: tokenizer.string(c, in: s)) != nil
    }
    if let c = periodColumns.first?.column {
      if case .number = NumberParser.parse(tokenizer.string(c, in: s)) { return true }
    }
    return false
  }

  /// UTF-8 bytes of the footnote keywords that start with a non-ASCII character.
  @usableFromInline static let footnoteLeads: [[UInt8]] = ["註", "附註", "說明", "資料來源", "來源", "備註", "備考"].map { Array($0.utf8) }

  @inlinable static func starts(_ s: Span<UInt8>, _ a: Int, _ end: Int, with lead: [UInt8]) -> Bool {
    guard end - a >= lead.count else { return false }
    for (j, byte) in lead.enumerated() where s[a + j] != byte { return false }
    return true
  }

  // MARK: rows

  /// Reads the data row just split, handing its observations to `consumer` (which may
  /// refuse one with a `DataError`, like a cell rule).
  @inlinable mutating func row<Consumer: ColumnarConsumer>(
    _ block: [UInt8], _ s: Span<UInt8>, recordStart: Int, into consumer: inout Consumer
  ) throws(DataError) {
    let width = kinds.count
    let count = tokenizer.count
    if count > width {
      for c in width..<count {
        let cell = tokenizer.cells[c]
        var k = cell.lowerBound
        while k < cell.upperBound && (s[k] == 0x20 || s[k] == 0x09) { k += 1 }
        if k < cell.upperBound {
          throw cellError(s, c, "row has \(count) fields but the header has \(width)")
        }
      }
    } else if count < width {
      throw DataError(
        file: source, line: line, column: count + 1, columnName: columnName(count),
        message: "row has \(count) fields but the header has \(width) (a cell is missing; an empty cell still needs its delimiter)")
    }
    var indicatorRaw = -1
    var agency: Int32 = 0
    var period: Period? = nil
    var yearColumn = -1
    var quarter = 0
    var month = 0
    var unit: FigureScale? = nil
    var direction: Direction? = nil
    // By index: iterating `keyColumns` itself would retain and release the array once a
    // row (the loop's body mutates `self`, which holds it).
    for k in keyColumns.indices {
      let (kind, c) = keyColumns[k]
      switch kind {
      case .skip, .value, .target, .n:
        continue
      case .year:
        yearColumn = c
      case .indicator:
        indicatorRaw = internIndicator(s, c)
      case .agency:
        agency = internAgency(s, c)
      case .period:
        guard let p = periodCache.value(tokenizer, s, c, read: { Period(parsing: $0) }) else {
          throw cellError(s, c, "expected a year or period (\(Period.spellings))")
        }
        period = p
      case .quarter:
        guard let q = quarterCache.value(tokenizer, s, c, read: { Self.blank($0) ? 0 : Period.quarter(parsing: $0) })
        else { throw cellError(s, c, "expected a quarter (1–4, Q3, 第3季 or 第三季)") }
        quarter = q
      case .month:
        guard let m = monthCache.value(tokenizer, s, c, read: { Self.blank($0) ? 0 : Period.month(parsing: $0) })
        else { throw cellError(s, c, "expected a month (1–12 or 7月)") }
        month = m
      case .unit:
        let (id, isNew) = unitCache.id(tokenizer, s, c)
        if isNew {
          let cell = unitCell(tokenizer.string(c, in: s))
          unitCache.values.append(cell)
        }
        switch unitCache.values[id] {
        case .none: break
        case .scale(let scale): unit = scale
        case .unknown(let what): throw cellError(s, c, what)
        }
      case .direction:
        guard let d = directionCache.value(tokenizer, s, c, read: { Self.blank($0) ? .some(nil) : Direction(parsing: $0).map { .some($0) } })
        else {
          throw cellError(s, c, "expected a direction (increase, decrease, zero, milestone, 正向, 負向, 零發生, 里程碑)")
        }
        direction = d
      }
    }
    // A figure's scale: its column's unit, else the row's unit (its unit cell, or a
    // money unit in its indicator's name), else the title's.
    var indicatorID: Int32 = 0
    var nameScale: FigureScale? = nil
    if indicatorRaw >= 0 {
      let known = indicatorIDs[indicatorRaw]
      if unit != nil && known.scale != nil {
        // The unit cell gives the unit: the name keeps its suffix as written.
        indicatorID = writtenIndicatorID(indicatorRaw)
      } else {
        (indicatorID, nameScale) = (known.id, known.scale)
      }
    }
    var rowScale = unit ?? nameScale ?? titleUnit
    if unit == nil && nameScale == nil && titleUnitSparesRates && indicatorRaw >= 0 && indicatorRates[indicatorRaw] != 0 {
      // A title's unit (單位：千元) is the table's counts and amounts, not its rates:
      // 執行率 95.3 is not 95,300 元.
      rowScale = nil
      if indicatorRates[indicatorRaw] == 1 {
        indicatorRates[indicatorRaw] = 2
        rateRows.append((line, indicatorNames[indicatorRaw]))
      }
    }
    if unit != nil || nameScale != nil { sawUnit = true }
    let sample = nColumn >= 0 ? try figure(block, s, nColumn, scale: nil) : Figure()
    let target = targetColumn >= 0 ? try targetFigure(block, s, targetColumn, scale: targetScale ?? rowScale) : Figure()
    var row = ObservationRow(
      keys: indicatorID, agency: agency, year: 0, quarter: 0, value: 0,
      valueExponent: ObservationColumns.missing, target: target.significand, targetExponent: target.exponent,
      line: Int32(truncatingIfNeeded: line))
    row.n = sample.significand
    row.nExponent = sample.exponent
    row.direction = direction?.code ?? 0
    if periodColumns.isEmpty {
      guard var p = period else { preconditionFailure("the layout has a period column") }
      if yearColumn >= 0 {
        // Two columns that give the year must give the same one.
        let y = periodCache.value(tokenizer, s, yearColumn, read: { Period(parsing: $0) })
        guard let y, y.year == p.year else {
          throw cellError(
            s, yearColumn,
            "the year disagrees with the period column (\"\(header[kinds.firstIndex(of: .period)!])\" says \(p.year))",
            remedy: .mapColumn(canonical: nil))
        }
      }
      if quarter > 0 {
        p.quarter = quarter
        p.month = nil
      }
      if month > 0 {
        p.month = month
        p.quarter = nil
      }
      if !seriesColumns.isEmpty {
        // Periods down a column: one observation per indicator column.
        for series in seriesColumns {
          let scale = series.scale ?? (series.isRate && titleUnitSparesRates ? nil : rowScale)
          let value = try figure(block, s, series.column, scale: scale)
          row.indicator = series.indicator
          row.value = value.significand
          row.valueExponent = value.exponent
          row.flags = value.revised ? ObservationRow.revisedFlag : 0
          row.unit = unitID(of: scale, percent: value.percent)
          try add(&row, period: p, into: &consumer)
        }
        return
      }
      let valueScale = self.valueScale ?? rowScale
      let value = try figure(block, s, valueColumn, scale: valueScale)
      row.value = value.significand
      row.valueExponent = value.exponent
      row.flags = value.revised || target.revised ? ObservationRow.revisedFlag : 0
      row.unit = unitID(of: valueScale, percent: value.percent || target.percent)
      try add(&row, period: p, into: &consumer)
      return
    }
    // Wide: one observation per period column.
    for (c, p) in periodColumns {
      let value = try figure(block, s, c, scale: rowScale)
      row.value = value.significand
      row.valueExponent = value.exponent
      row.flags = value.revised ? ObservationRow.revisedFlag : 0
      row.unit = unitID(of: rowScale, percent: value.percent)
      try add(&row, period: p, into: &consumer)
    }
  }

  @inline(__always)
  @inlinable mutating func add<Consumer: ColumnarConsumer>(_ row: inout ObservationRow, period p: Period, into consumer: inout Consumer) throws(DataError) {
    row.year = Int32(truncatingIfNeeded: p.year)
    row.quarter = UInt8(truncatingIfNeeded: p.quarter ?? 0)
    row.month = UInt8(truncatingIfNeeded: p.month ?? 0)
    if p.quarter != nil { sawQuarter = true }
    if p.month != nil { sawMonth = true }
    try consumer.add(row, keys: keys)
  }

  @inlinable static func blank(_ text: String) -> Bool { TextTable.trim(text).isEmpty }

  /// The rows' unit id of a figure under `scale` (its base unit), else of `%` for a
  /// percentage, else 0 (none): after the first row, an array read.
  @inline(__always)
  @inlinable mutating func unitID(of scale: FigureScale?, percent: Bool) -> Int32 {
    if let scale {
      let known = scaleUnitIDs[Int(scale.unit)]
      if known >= 0 { return known }
      let id = unitID(scaleUnitNames[Int(scale.unit)])
      scaleUnitIDs[Int(scale.unit)] = id
      return id
    }
    guard percent else { return 0 }
    if percentUnitID < 0 { percentUnitID = unitID("%") }
    return percentUnitID
  }

  /// The id of a unit name (0: none). Rows repeat a few units: the last one is
  /// remembered (equal unit strings usually share storage, so comparing them is one
  /// word), and only a new one is hashed.
  @inlinable mutating func unitID(_ name: String?) -> Int32 {
    guard let name else { return 0 }
    if name == lastUnit.name { return lastUnit.id }
    if name == "%" { sawUnit = true }
    let id: Int32
    if let known = unitNameIDs[name] {
      id = known
    } else {
      id = newUnit(name)
    }
    lastUnit = (name, id)
    return id
  }

  /// A unit name not seen before, interned.
  @usableFromInline mutating func newUnit(_ name: String) -> Int32 {
    let id = Int32(keys.units.count)
    keys.units.append(name)
    unitNameIDs[name] = id
    return id
  }

  // MARK: keys

  /// The bytes of cell `c` without leading and trailing spaces and tabs (inlined: see
  /// `mayStartFootnote`).
  @inline(__always)
  @inlinable func trimmedRange(_ s: Span<UInt8>, _ c: Int) -> Range<Int> {
    let bounds = tokenizer.cells[c]
    var (a, b) = (bounds.lowerBound, bounds.upperBound)
    while a < b && (s[a] == 0x20 || s[a] == 0x09) { a += 1 }
    while b > a && (s[b - 1] == 0x20 || s[b - 1] == 0x09) { b -= 1 }
    return a..<b
  }

  /// The canonical id of `name`: its place in `names`, appended when new.
  @inlinable static func canonicalID(_ name: String, names: inout [String?], ids: inout [String: Int32]) -> Int32 {
    if let known = ids[name] { return known }
    let id = Int32(names.count)
    names.append(name)
    ids[name] = id
    return id
  }

  /// The raw id of an indicator cell (-1 when empty).
  /// The id of indicator `raw`'s name as written (interned the first time).
  @usableFromInline mutating func writtenIndicatorID(_ raw: Int) -> Int32 {
    if indicatorIDs[raw].written < 0 {
      indicatorIDs[raw].written = Self.canonicalID(indicatorNames[raw], names: &keys.indicators, ids: &indicatorNameIDs)
    }
    return indicatorIDs[raw].written
  }

  @inlinable @inline(__always) mutating func internIndicator(_ s: Span<UInt8>, _ c: Int) -> Int {
    let r = trimmedRange(s, c)
    if r.isEmpty { return -1 }
    let (raw, isNew) = tokenizer.isEscaped(c) ? indicatorTable.id(for: ArraySlice(tokenizer.field(c, in: s))) : indicatorTable.id(in: s, r)
    if isNew { newIndicator(s, c) }
    return raw
  }

  /// Indicator cell `c`'s spelling, not seen before: its name (and unit) interned.
  @usableFromInline mutating func newIndicator(_ s: Span<UInt8>, _ c: Int) {
    let written = TextTable.trim(tokenizer.string(c, in: s))
    let (name, unitScale) = Self.indicatorName(written)
    let id = name.map { Self.canonicalID($0, names: &keys.indicators, ids: &indicatorNameIDs) } ?? 0
    let scale = unitScale.map { figureScale($0) }
    indicatorIDs.append((id, scale, scale == nil ? id : -1))
    indicatorNames.append(written)
    indicatorRates.append(Self.isRate(written) ? 1 : 0)
  }

  /// Whether an indicator's name says it is a rate or a share: it ends in 率 (犯罪率,
  /// 執行率), 比例 or 百分比, or holds % or ‰.
  @usableFromInline static func isRate(_ name: String) -> Bool {
    let folded = TextFolding.halfWidth(name)
    var base = Substring(folded)
    // A parenthesised suffix (`執行率(%)`) is the unit's, not the name's.
    if base.hasSuffix(")"), let open = base.lastIndex(of: "(") { base = base[..<open] }
    base = Substring(TextTable.trim(String(base)))
    return base.hasSuffix("率") || base.hasSuffix("比例") || base.hasSuffix("百分比") || folded.contains("%")
      || folded.contains("‰")
  }

  @inlinable @inline(__always) mutating func internAgency(_ s: Span<UInt8>, _ c: Int) -> Int32 {
    let r = trimmedRange(s, c)
    if r.isEmpty { return 0 }
    let (raw, isNew) = tokenizer.isEscaped(c) ? agencyTable.id(for: ArraySlice(tokenizer.field(c, in: s))) : agencyTable.id(in: s, r)
    if isNew { newAgency(s, c) }
    return agencyIDs[raw]
  }

  /// Agency cell `c`'s spelling, not seen before: its name interned.
  @usableFromInline mutating func newAgency(_ s: Span<UInt8>, _ c: Int) {
    // Each spelling once through `agencyName` (the commands give the plan's rule: the 22
    // prosecutors offices under one name however they are written — 臺北地檢署, 台北地檢,
    // 臺灣臺北地方檢察署).
    let written = TextTable.trim(tokenizer.string(c, in: s))
    let name = agencyName?(written) ?? written
    agencyIDs.append(name.isEmpty ? 0 : Self.canonicalID(name, names: &keys.agencies, ids: &agencyNameIDs))
  }

  /// An indicator written with its unit, as wide tables label their rows
  /// (`查扣不法所得金額(千元)`): a money unit in the name applies to the row's figures
  /// (when no unit cell gives one) and the indicator is named without it.
  @inlinable static func indicatorName(_ written: String) -> (name: String?, scale: UnitScale?) {
    // A footnote mark is not part of the name: 起訴件數(註1) is 起訴件數.
    let name = CanonicalColumn.droppingFootnoteMarks(written)
    if name.isEmpty { return (nil, nil) }
    let (base, suffix) = CanonicalColumn.splitUnitSuffix(name)
    if let suffix, !base.isEmpty, let scale = UnitScale(parsing: suffix), scale.baseUnit == "元" {
      return (base, scale)
    }
    return (name, nil)
  }

  // MARK: figures

  /// An exact figure in base units: `significand·10^exponent` (exponent `missing`: not available).
  @usableFromInline
  struct Figure {
    @inlinable init() {}
    @inlinable init(significand: Int64, exponent: Int8, revised: Bool = false, percent: Bool = false) {
      (self.significand, self.exponent, self.revised, self.percent) = (significand, exponent, revised, percent)
    }
    @usableFromInline var significand: Int64 = 0
    @usableFromInline var exponent: Int8 = ObservationColumns.missing
    @usableFromInline var revised = false
    @usableFromInline var percent = false
  }

  /// A target cell: an annual target repeats on each quarter row, so the same bytes
  /// under the same scale are read once per block.
  @inlinable @inline(__always)
  mutating func targetFigure(_ block: [UInt8], _ s: Span<UInt8>, _ c: Int, scale: FigureScale?) throws(DataError) -> Figure {
    let cell = tokenizer.cells[c]
    let power = scale?.powerOfTen ?? 0
    if lastTargetCell.lowerBound >= 0 && lastTargetPower == power && !tokenizer.isEscaped(c)
      && cell.count == lastTargetCell.count
      && ByteScanner.sameBytes(s, cell.lowerBound, lastTargetCell.lowerBound, cell.count)
    {
      return lastTarget
    }
    let figure = try self.figure(block, s, c, scale: scale)
    if !tokenizer.isEscaped(c) {
      lastTarget = figure
      lastTargetPower = power
      lastTargetCell = cell
    }
    return figure
  }

  /// The figure of cell `c` (see the type's comment for the forms read inline): an
  /// empty cell and a short figure here, in the row's code; any other in `otherFigure`.
  @inlinable @inline(__always)
  mutating func figure(_ block: [UInt8], _ s: Span<UInt8>, _ c: Int, scale: FigureScale?) throws(DataError) -> Figure {
    let bounds = tokenizer.cells[c]
    let (start, end) = (bounds.lowerBound, bounds.upperBound)
    if start == end { return Figure() }
    if !tokenizer.isEscaped(c), let (significand, decimals) = ByteScanner.shortFigure(s, start, end) {
      return Figure(significand: significand, exponent: Int8(Int(scale?.powerOfTen ?? 0) - decimals))
    }
    return try otherFigure(block, s, c, scale: scale)
  }

  /// `figure` for a cell that is not empty and not a short figure.
  @inline(never) @usableFromInline
  mutating func otherFigure(_ block: [UInt8], _ s: Span<UInt8>, _ c: Int, scale: FigureScale?) throws(DataError) -> Figure {
    let bounds = tokenizer.cells[c]
    let (start, end) = (bounds.lowerBound, bounds.upperBound)
    let power = Int(scale?.powerOfTen ?? 0)
    if !tokenizer.isEscaped(c) {
      if let (significand, decimals) = Self.plainFigure(s, start, end), let e = Int8(exactly: power - decimals), e != ObservationColumns.missing {
        return Figure(significand: significand, exponent: e)
      }
    }
    let bytes = tokenizer.isEscaped(c) ? ArraySlice(tokenizer.field(c, in: s)) : block[start..<end]
    var percent = false
    var exact = true
    switch NumberParser.parse(bytes: bytes, percentSign: &percent, exact: &exact) {
    case .number(let d, let revised):
      let scaled = power == 0 ? d : d.scaled(byPowerOfTen: Int32(power))
      guard exact, let e = Int8(exactly: scaled.exponent), e != ObservationColumns.missing else {
        throw cellError(s, c, "a number beyond the exact range (at most 18 significant digits, exponent −127…127)")
      }
      return Figure(significand: scaled.significand, exponent: e, revised: revised, percent: percent)
    case .missing:
      return Figure()
    case .dash:
      return dashMeansMissing ? Figure() : Figure(significand: 0, exponent: 0)
    case .invalid:
      if let m = Direction.milestoneValue(String(decoding: bytes, as: UTF8.self)) {
        return Figure(significand: m.significand, exponent: Int8(m.exponent))
      }
      throw cellError(s, c, "expected a number (such as 1,234, 12.5%, －, … or NA)")
    }
  }

  /// `[-]d+(,ddd)*(.d+)?` with at most 18 digits, read as `NumberParser` reads it:
  /// `(all digits, the number of decimals)`, or nil for anything else.
  @inline(__always)
  @inlinable static func plainFigure(_ s: Span<UInt8>, _ start: Int, _ end: Int) -> (Int64, Int)? {
    var k = start
    var negative = false
    if s[k] == UInt8(ascii: "-") {
      negative = true
      k += 1
    }
    var significand: Int64 = 0
    var digits = 0
    var decimals = 0
    var groupDigits = 0
    var sawComma = false
    var sawPoint = false
    guard k < end else { return nil }
    while k < end {
      let b = s[k]
      if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
        significand = significand &* 10 &+ Int64(b &- UInt8(ascii: "0"))
        digits += 1
        groupDigits += 1
        if sawPoint { decimals += 1 }
      } else if b == UInt8(ascii: ",") && !sawPoint && groupDigits > 0 && (sawComma ? groupDigits == 3 : groupDigits <= 3) {
        sawComma = true
        groupDigits = 0
      } else if b == UInt8(ascii: ".") && !sawPoint && groupDigits > 0 && (!sawComma || groupDigits == 3) {
        sawPoint = true
        groupDigits = 0
      } else {
        return nil
      }
      k += 1
    }
    guard groupDigits > 0, !sawComma || sawPoint || groupDigits == 3, digits <= 18 else { return nil }
    return (negative ? -significand : significand, decimals)
  }
}

/// A unit cell as read: none (blank), a scale, or a unit that cannot be right.
@usableFromInline
enum UnitRead {
  case none
  case scale(UnitScale)
  case unknown(String)

  @usableFromInline
  init(_ text: String) {
    if TextTable.trim(text).isEmpty {
      self = .none
    } else if let scale = UnitScale(parsing: text) {
      self = UnitScale.isUnreadable(scale) ? .unknown(UnitScale.expected) : .scale(scale)
    } else {
      self = .none
    }
  }
}

/// A unit as the parser applies it to figures: its power of ten and its base unit
/// (`ObservationBlockParser.scaleUnitNames[unit]`), without a `String` to retain on
/// every row.
@usableFromInline
struct FigureScale: Equatable, Sendable {
  @usableFromInline var powerOfTen: Int32
  @usableFromInline var unit: Int32

  @inlinable init(powerOfTen: Int32, unit: Int32) {
    self.powerOfTen = powerOfTen
    self.unit = unit
  }
}

/// A unit cell as read: none, a scale, or a unit we cannot read (the message).
@usableFromInline
enum UnitCell {
  case none
  case scale(FigureScale)
  case unknown(String)
}

/// What a cell rule read, per distinct spelling of the cell (a file has few).
@usableFromInline
struct SpellingCache<Value> {
  @inlinable init() {}
  @usableFromInline var table = ByteKeyTable()
  @usableFromInline var values: [Value] = []
  /// The last spelling's range in the current tokenizer's span, to skip the hash for runs.
  @usableFromInline var lastID = -1

  /// The value of cell `c` of the tokenizer's record; `read` gets its text the first time.
  @inline(__always)
  @inlinable mutating func value(_ tokenizer: RecordTokenizer, _ s: Span<UInt8>, _ c: Int, read: (String) -> Value) -> Value {
    let (id, isNew) = self.id(tokenizer, s, c)
    if isNew { values.append(read(tokenizer.string(c, in: s))) }
    return values[id]
  }

  /// The id of cell `c`'s spelling, and whether it is new (the caller appends its value).
  @inline(__always)
  @inlinable mutating func id(_ tokenizer: RecordTokenizer, _ s: Span<UInt8>, _ c: Int) -> (id: Int, isNew: Bool) {
    tokenizer.isEscaped(c)
      ? table.id(for: ArraySlice(tokenizer.field(c, in: s)))
      : table.id(in: s, tokenizer.cells[c])
  }
}

extension String {
  /// Without a trailing CR and/or LF.
  @inlinable func trimmingLineEnd() -> String {
    var s = Substring(self)
    while let last = s.last, last == "\n" || last == "\r" || last == "\r\n" { s = s.dropLast() }
    return String(s)
  }
}
