import TableIO

/// The fast lane of `ObservationReader`: one pass over a block of UTF-8 bytes that
/// splits CSV fields and parses them straight into `ObservationColumns`, with no
/// per-cell string, index or reference count (DESIGN.md §8).
///
/// It takes only regular rows: the header's width, RFC 4180 quoting without doubled
/// quotes, every cell read by the same rules as the general reader (keys trimmed and
/// interned, periods and quarters parsed once per distinct spelling, figures
/// `[-]digits[,ddd…][.digits]` parsed inline and anything else through
/// `NumberParser`). Anything else — a blank or footnote-like row, a short row, a bad
/// cell, a month — makes it answer `.irregular`, and the caller reads the whole file
/// with the general reader, which reports exactly what the general reader reports.
/// The two lanes are checked equal on every fixture (ColumnarReaderTests).
struct ColumnarBlockParser {
  enum Kind: UInt8 {
    case skip, indicator, agency, period, quarter, value, target
  }

  enum Outcome: Equatable {
    /// Rows up to this byte offset were parsed; the rest is an incomplete record.
    case consumed(Int)
    /// A row the fast lane does not take (the reason is for tests and debugging).
    case irregular(String)
    /// The consumer declined a row.
    case declined
  }

  let kinds: [Kind]
  let delimiter: UInt8
  let dashMeansMissing: Bool
  let valueScale: UnitScale?
  let targetScale: UnitScale?
  let titleUnit: UnitScale?

  var keys = ObservationKeys()
  private var indicatorTable = ByteKeyTable()
  /// Raw indicator id → name id, and the power of ten of the scale from a money unit in
  /// the name (`hasScale` false: none).
  private var indicatorIDs: [(id: Int32, power: Int32, hasScale: Bool)] = []
  /// Raw indicator id → that scale (for `NumberParser`'s figures).
  private var indicatorScales: [UnitScale?] = []
  /// The powers of ten of `valueScale`, `targetScale` and `titleUnit`.
  private let valuePower: Int32?
  private let targetPower: Int32?
  private let titlePower: Int32?
  private var indicatorNameIDs: [String: Int32] = [:]
  private var agencyTable = ByteKeyTable()
  private var agencyIDs: [Int32] = []
  private var agencyNameIDs: [String: Int32] = [:]
  private var periodTable = ByteKeyTable()
  private var periods: [Period] = []
  private var quarterTable = ByteKeyTable()
  private var quarters: [Int] = []
  /// Whether the header is exactly indicator, agency, year, quarter, value, target
  /// (records then go through `commonFields` first).
  private let isCommonLayout: Bool
  /// The last raw key of each kind, as the range of its bytes in the current block
  /// (start -1: none in this block), to skip the hash for runs of equal keys.
  private var lastIndicator = KeyRange()
  private var lastIndicatorID: Int = -1
  private var lastAgency = KeyRange()
  private var lastAgencyID: Int32 = 0
  private var lastPeriod = KeyRange()
  private var lastPeriodValue = Period(year: 0)
  private var previousRecord = PreviousRecord()
  /// Periods of cells of 1–4 ASCII digits, by spelling (`digitSlotBase[length] + value`);
  /// state 0 unseen, 1 known, 2 not a period.
  private var digitPeriods = [Period](repeating: Period(year: 0), count: 11_110)
  private var digitPeriodState = [UInt8](repeating: 0, count: 11_110)
  private static let digitSlotBase = [0, 0, 10, 110, 1110]
  /// The last target cell (in the current block), its scale's power of ten and its figure.
  private var lastTargetCell = KeyRange()
  private var lastTargetPower: Int32 = .min
  private var lastTarget: (Int64, Int8) = (0, 0)
  /// Data rows parsed so far.
  private(set) var rows = 0
  /// The physical line the next record starts on.
  private(set) var line: Int
  /// Whether any row had a quarter, and any figure a unit (a scale or a `%`).
  private(set) var sawQuarter = false
  private(set) var sawUnit = false

  init(
    kinds: [Kind], delimiter: UInt8, dashMeansMissing: Bool, valueScale: UnitScale?, targetScale: UnitScale?,
    titleUnit: UnitScale?, firstLine: Int
  ) {
    self.line = firstLine
    self.kinds = kinds
    self.delimiter = delimiter
    self.dashMeansMissing = dashMeansMissing
    self.valueScale = valueScale
    self.targetScale = targetScale
    self.titleUnit = titleUnit
    self.valuePower = valueScale?.powerOfTen
    self.targetPower = targetScale?.powerOfTen
    self.titlePower = titleUnit?.powerOfTen
    self.isCommonLayout = kinds == [.indicator, .agency, .period, .quarter, .value, .target]
  }

  /// Where the bytes of a remembered cell are in the current block.
  struct KeyRange {
    var start = -1
    var count = 0

    /// Whether `s[start..<end]` holds the same bytes as this range of `s`.
    @inline(__always)
    func matches(_ s: Span<UInt8>, _ start: Int, _ end: Int) -> Bool {
      self.start >= 0 && end - start == count && ColumnarBlockParser.sameBytes(s, start, self.start, count)
    }
  }

  /// The cells of one record, as the field loops find them.
  struct Fields {
    var indicatorRaw = -1
    var agency: Int32 = 0
    var period: Period? = nil
    var quarter = 0
    var valueCell = 0..<0
    var targetCell = 0..<0
  }

  private static let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

  /// Parses the complete records of `block`, handing each row to `consumer`; a consumer
  /// that returns false ends the parse with `.declined`.
  mutating func parse<Consumer: ColumnarConsumer>(_ block: [UInt8], isLast: Bool, into consumer: inout Consumer)
    -> Outcome
  {
    let s = block.span
    let n = s.count
    let width = kinds.count
    // Remembered cells are ranges of the previous block.
    lastIndicator.start = -1
    lastAgency.start = -1
    lastPeriod.start = -1
    lastTargetCell.start = -1
    previousRecord.start = -1
    var i = 0
    while i < n {
      let recordStart = i
      var recordLines = 1
      var f = Fields()
      if isCommonLayout, let next = commonFields(block, s, from: i, into: &f) {
        i = next
      } else {
        f = Fields()
        recordLines = 0
        var column = 0
        while true {
          // One field, starting at i.
          var start = i
          var end = i
          if i < n && s[i] == Self.quote {
            i += 1
            start = i
            while i < n && s[i] != Self.quote {
              // Line breaks inside quotes count as physical lines, as the scanner counts them.
              if s[i] == Self.lf || (s[i] == Self.cr && !(i + 1 < n && s[i + 1] == Self.lf)) { recordLines += 1 }
              i += 1
            }
            if i >= n { return isLast ? .irregular("a quoted field is never closed") : .consumed(recordStart) }
            end = i
            i += 1
            if i < n && s[i] != delimiter && s[i] != Self.lf && s[i] != Self.cr {
              return .irregular("a doubled quote or text after a closing quote")
            }
          } else {
            i = Self.fieldEnd(s, from: i, delimiterWord: delimiterWord, delimiter: delimiter)
            end = i
          }
          if column == 0, let reason = Self.firstCellIrregularity(s, start, end) { return .irregular(reason) }
          if column < width {
            switch kinds[column] {
            case .skip:
              break
            case .indicator:
              f.indicatorRaw = internIndicator(block, s, start, end)
            case .agency:
              f.agency = internAgency(block, s, start, end)
            case .period:
              guard let p = parsePeriod(block, s, start, end) else {
                return .irregular("a period the fast lane does not take")
              }
              f.period = p
            case .quarter:
              guard let q = parseQuarter(block, s, start, end) else { return .irregular("a bad quarter") }
              f.quarter = q
            case .value:
              f.valueCell = start..<end
            case .target:
              f.targetCell = start..<end
            }
          } else {
            var k = start
            while k < end && s[k] == 0x20 { k += 1 }
            if k < end { return .irregular("more fields than the header") }
          }
          column += 1
          if i < n && s[i] == delimiter {
            i += 1
            continue
          }
          if i < n {
            if s[i] == Self.cr && i + 1 < n && s[i + 1] == Self.lf { i += 2 } else { i += 1 }
            recordLines += 1
          } else if !isLast {
            return .consumed(recordStart)
          }
          break
        }
        guard column >= width else { return .irregular("fewer fields than the header") }
      }
      if let failure = take(f, block, s, into: &consumer) { return failure }
      line += recordLines
      rows += 1
    }
    return .consumed(n)
  }

  /// The cells of a record of the common layout (indicator, agency, year, quarter,
  /// value, target) with no quoted field, ending in LF or CRLF within the block; the
  /// offset after it, or nil when the record needs the general field loop (which then
  /// reads it again from its start, and reports what is irregular about it). No
  /// `switch` per cell; a record that starts with the same bytes as the previous one
  /// through its year (or its agency) has the same cells there, found in one compare.
  @inline(__always)
  private mutating func commonFields(_ block: [UInt8], _ s: Span<UInt8>, from start: Int, into f: inout Fields)
    -> Int?
  {
    let n = s.count
    let word = delimiterWord
    let delimiter = self.delimiter
    let previous = previousRecord
    var a = start
    var b = start
    if previous.start >= 0 && start + previous.periodEnd <= n
      && Self.sameBytes(s, start, previous.start, previous.periodEnd)
    {
      f.indicatorRaw = previous.indicatorRaw
      f.agency = previous.agency
      f.period = previous.period
      b = start + previous.periodEnd - 1
    } else {
      if previous.start >= 0 && start + previous.keyEnd <= n && Self.sameBytes(s, start, previous.start, previous.keyEnd) {
        f.indicatorRaw = previous.indicatorRaw
        f.agency = previous.agency
        b = start + previous.keyEnd - 1
      } else {
        guard a < n, s[a] != Self.quote else { return nil }
        b = Self.fieldEnd(s, from: a, delimiterWord: word, delimiter: delimiter)
        guard b < n, s[b] == delimiter else { return nil }
        if lastIndicator.matches(s, a, b) {
          f.indicatorRaw = lastIndicatorID
        } else {
          guard Self.firstCellIrregularity(s, a, b) == nil else { return nil }
          f.indicatorRaw = internIndicator(block, s, a, b)
        }
        a = b + 1
        guard a < n, s[a] != Self.quote else { return nil }
        b = Self.fieldEnd(s, from: a, delimiterWord: word, delimiter: delimiter)
        guard b < n, s[b] == delimiter else { return nil }
        f.agency = lastAgency.matches(s, a, b) ? lastAgencyID : internAgency(block, s, a, b)
      }
      let keyEnd = b + 1 - start
      a = b + 1
      guard a < n, s[a] != Self.quote else { return nil }
      b = Self.fieldEnd(s, from: a, delimiterWord: word, delimiter: delimiter)
      guard b < n, s[b] == delimiter else { return nil }
      if lastPeriod.matches(s, a, b) {
        f.period = lastPeriodValue
      } else if b - a == 4, let slot = Self.fourDigitSlot(s, a), digitPeriodState[slot] == 1 {
        // A four-digit year seen before (the usual new year of a sorted file).
        f.period = digitPeriods[slot]
      } else {
        guard let p = parsePeriod(block, s, a, b) else { return nil }
        f.period = p
      }
      previousRecord = PreviousRecord(
        start: start, keyEnd: keyEnd, periodEnd: b + 1 - start, indicatorRaw: f.indicatorRaw, agency: f.agency,
        period: f.period)
    }
    a = b + 1
    // A quarter of one digit 1–4 (else the general rules).
    guard a + 1 < n else { return nil }
    let digit = s[a] &- UInt8(ascii: "1")
    if digit < 4 && s[a + 1] == delimiter {
      f.quarter = Int(digit) + 1
      b = a + 1
    } else {
      guard s[a] != Self.quote else { return nil }
      b = Self.fieldEnd(s, from: a, delimiterWord: word, delimiter: delimiter)
      guard b < n, s[b] == delimiter, let q = parseQuarter(block, s, a, b) else { return nil }
      f.quarter = q
    }
    a = b + 1
    guard a < n, s[a] != Self.quote else { return nil }
    b = Self.fieldEnd(s, from: a, delimiterWord: word, delimiter: delimiter)
    guard b < n, s[b] == delimiter else { return nil }
    f.valueCell = a..<b
    a = b + 1
    guard a < n, s[a] != Self.quote else { return nil }
    b = Self.fieldEnd(s, from: a, delimiterWord: word, delimiter: delimiter)
    guard b < n else { return nil }
    f.targetCell = a..<b
    if s[b] == Self.lf { return b + 1 }
    if s[b] == Self.cr && b + 1 < n && s[b + 1] == Self.lf { return b + 2 }
    return nil
  }

  /// The last record `commonFields` split in full, in the current block (start -1:
  /// none): where its agency and year cells end (offsets from its start, after their
  /// delimiters) and what they read.
  struct PreviousRecord {
    var start = -1
    var keyEnd = 0
    var periodEnd = 0
    var indicatorRaw = -1
    var agency: Int32 = 0
    var period: Period? = nil
  }

  /// Parses the figures of a record whose cells are `f` and hands the row to `consumer`;
  /// nil when taken, else why the parse ends.
  @inline(__always)
  private mutating func take<Consumer: ColumnarConsumer>(
    _ f: Fields, _ block: [UInt8], _ s: Span<UInt8>, into consumer: inout Consumer
  ) -> Outcome? {
    guard var p = f.period else { return .irregular("no period") }
    if f.quarter > 0 {
      p.quarter = f.quarter
      p.month = nil
    }
    if p.quarter != nil { sawQuarter = true }
    guard p.month == nil else { return .irregular("a month") }
    // A figure's scale: its column's unit, else one in the indicator's name, else the title's.
    var indicator: (id: Int32, power: Int32, hasScale: Bool) = (0, 0, false)
    if f.indicatorRaw >= 0 {
      indicator = indicatorIDs[f.indicatorRaw]
      if indicator.hasScale { sawUnit = true }
    }
    let fallbackPower = indicator.hasScale ? indicator.power : titlePower
    guard
      let value = figure(
        block, s, f.valueCell, power: valuePower ?? fallbackPower ?? 0, target: false, indicator: f.indicatorRaw)
    else {
      return .irregular("a figure the fast lane does not take")
    }
    // An annual target repeats on each quarter row: the same bytes under the same
    // scale read the same, so they are parsed once.
    let target: (Int64, Int8)
    let power = targetPower ?? fallbackPower ?? 0
    let cell = f.targetCell
    if lastTargetPower == power && lastTargetCell.matches(s, cell.lowerBound, cell.upperBound) {
      target = lastTarget
    } else {
      guard let t = figure(block, s, cell, power: power, target: true, indicator: f.indicatorRaw) else {
        return .irregular("a target the fast lane does not take")
      }
      target = t
      lastTarget = t
      lastTargetPower = power
      lastTargetCell = KeyRange(start: cell.lowerBound, count: cell.count)
    }
    let row = ObservationRow(
      indicator: indicator.id, agency: f.agency, year: Int32(truncatingIfNeeded: p.year),
      quarter: UInt8(truncatingIfNeeded: p.quarter ?? 0), value: value.0, valueExponent: value.1, target: target.0,
      targetExponent: target.1, line: Int32(truncatingIfNeeded: line))
    guard consumer.add(row, keys: keys) else { return .declined }
    return nil
  }

  // MARK: cells

  /// `delimiter` in every byte of a word.
  var delimiterWord: UInt64 { UInt64(delimiter) &* 0x0101_0101_0101_0101 }

  /// The index of the first delimiter, LF or CR at or after `i` (or `s.count`): eight
  /// bytes at a time, then byte by byte. For each of the three bytes, `w ^ splat(b)`
  /// has a zero byte where `w` holds `b`; `(x − 0x01…01) & ~x & 0x80…80` marks zero
  /// bytes, the lowest mark exactly (a borrow can only add marks above it), so the
  /// lowest set bit of the three masks, little-endian, is the first such byte
  /// (Hacker's Delight, 2nd ed., §6-1).
  @inline(__always)
  static func fieldEnd(_ s: Span<UInt8>, from start: Int, delimiterWord: UInt64, delimiter: UInt8) -> Int {
    var i = start
    let n = s.count
    let bytes = s.bytes
    while i + 8 <= n {
      let w = bytes.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
      let marks = zeroBytes(w ^ delimiterWord) | zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D)
      if marks != 0 { return i + marks.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < n {
      let b = s[i]
      if b == delimiter || b == lf || b == cr { break }
      i += 1
    }
    return i
  }

  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
  }

  /// Why a row whose first cell is `s[start..<end]` may not be a data row: the general
  /// reader's footnote test looks at rows with an empty first cell or one starting like
  /// 註, 附註, 說明, 資料來源, 來源, 備註, 備考, Note or Source.
  static func firstCellIrregularity(_ s: Span<UInt8>, _ start: Int, _ end: Int) -> String? {
    var k = start
    while k < end && s[k] == 0x20 { k += 1 }
    guard k < end else { return "an empty first cell" }
    let b = s[k]
    if b < 0x80 {
      return b | 0x20 == UInt8(ascii: "n") || b | 0x20 == UInt8(ascii: "s") ? "a first cell like a footnote" : nil
    }
    for lead in ObservationReader.RowReader.footnoteLeads where end - k >= lead.count {
      var same = true
      for (j, byte) in lead.enumerated() where s[k + j] != byte {
        same = false
        break
      }
      if same { return "a first cell like a footnote" }
    }
    return nil
  }

  /// `s[start..<end]` without leading and trailing spaces and tabs.
  private static func trimmed(_ s: Span<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
    var a = start
    var b = end
    while a < b && (s[a] == 0x20 || s[a] == 0x09) { a += 1 }
    while b > a && (s[b - 1] == 0x20 || s[b - 1] == 0x09) { b -= 1 }
    return a..<b
  }

  /// Whether `s[a..<a+count]` and `s[b..<b+count]` hold the same bytes: eight at a
  /// time (the last word of a key overlapping the one before it; a key shorter than a
  /// word compared in one word masked to its length when a word fits in the span).
  @inline(__always)
  static func sameBytes(_ s: Span<UInt8>, _ a: Int, _ b: Int, _ count: Int) -> Bool {
    let raw = s.bytes
    let n = s.count
    if count <= 8 {
      guard a + 8 <= n && b + 8 <= n else {
        for k in 0..<count where s[a + k] != s[b + k] { return false }
        return true
      }
      let x = raw.unsafeLoadUnaligned(fromByteOffset: a, as: UInt64.self).littleEndian
        ^ raw.unsafeLoadUnaligned(fromByteOffset: b, as: UInt64.self).littleEndian
      // Little-endian: the key's bytes are the low `count` bytes of the word.
      return count == 8 ? x == 0 : x & ((1 &<< UInt64(count &* 8)) &- 1) == 0
    }
    var k = 0
    while k + 8 < count {
      if raw.unsafeLoadUnaligned(fromByteOffset: a + k, as: UInt64.self)
        != raw.unsafeLoadUnaligned(fromByteOffset: b + k, as: UInt64.self)
      {
        return false
      }
      k += 8
    }
    return raw.unsafeLoadUnaligned(fromByteOffset: a + count - 8, as: UInt64.self)
      == raw.unsafeLoadUnaligned(fromByteOffset: b + count - 8, as: UInt64.self)
  }

  /// The canonical id of `name`: its place in `names`, appended when new (spellings
  /// that trim or read to the same name share it).
  private static func canonicalID(_ name: String, names: inout [String?], ids: inout [String: Int32]) -> Int32 {
    if let known = ids[name] { return known }
    let id = Int32(names.count)
    names.append(name)
    ids[name] = id
    return id
  }

  /// The raw id of an indicator cell (-1 when empty).
  private mutating func internIndicator(_ block: [UInt8], _ s: Span<UInt8>, _ start: Int, _ end: Int) -> Int {
    let r = Self.trimmed(s, start, end)
    if r.isEmpty { return -1 }
    if lastIndicator.matches(s, r.lowerBound, r.upperBound) { return lastIndicatorID }
    let (raw, isNew) = indicatorTable.id(for: s.extracting(r))
    if isNew {
      let (name, scale) = ObservationReader.RowReader.indicatorName(TextTable.trim(String(decoding: block[r], as: UTF8.self)))
      let id = name.map { Self.canonicalID($0, names: &keys.indicators, ids: &indicatorNameIDs) } ?? 0
      indicatorIDs.append((id, scale?.powerOfTen ?? 0, scale != nil))
      indicatorScales.append(scale)
    }
    lastIndicator = KeyRange(start: r.lowerBound, count: r.count)
    lastIndicatorID = raw
    return raw
  }

  private mutating func internAgency(_ block: [UInt8], _ s: Span<UInt8>, _ start: Int, _ end: Int) -> Int32 {
    let r = Self.trimmed(s, start, end)
    if r.isEmpty { return 0 }
    if lastAgency.matches(s, r.lowerBound, r.upperBound) { return lastAgencyID }
    let (raw, isNew) = agencyTable.id(for: s.extracting(r))
    if isNew {
      let name = TextTable.trim(String(decoding: block[r], as: UTF8.self))
      agencyIDs.append(name.isEmpty ? 0 : Self.canonicalID(name, names: &keys.agencies, ids: &agencyNameIDs))
    }
    lastAgency = KeyRange(start: r.lowerBound, count: r.count)
    lastAgencyID = agencyIDs[raw]
    return lastAgencyID
  }

  /// The period of a year or period cell, as `Period(parsing:)` reads it (the cell
  /// untrimmed, as the general reader passes it).
  private mutating func parsePeriod(_ block: [UInt8], _ s: Span<UInt8>, _ start: Int, _ end: Int) -> Period? {
    // Cells of 1 to 4 ASCII digits (years such as 2023 or 112): one slot per spelling,
    // filled by `Period(parsing:)` the first time it is seen.
    if end - start >= 1 && end - start <= 4 {
      var value = 0
      var allDigits = true
      for k in start..<end {
        let d = s[k] &- UInt8(ascii: "0")
        if d > 9 {
          allDigits = false
          break
        }
        value = value * 10 + Int(d)
      }
      if allDigits {
        let slot = Self.digitSlotBase[end - start] + value
        switch digitPeriodState[slot] {
        case 1: break
        case 2: return nil
        default:
          let p = Period(parsing: String(decoding: block[start..<end], as: UTF8.self))
          digitPeriodState[slot] = p == nil ? 2 : 1
          guard let p else { return nil }
          digitPeriods[slot] = p
        }
        lastPeriod = KeyRange(start: start, count: end - start)
        lastPeriodValue = digitPeriods[slot]
        return lastPeriodValue
      }
    }
    if lastPeriod.matches(s, start, end) { return lastPeriodValue }
    let (id, isNew) = periodTable.id(for: s.extracting(start..<end))
    if isNew {
      guard let p = Period(parsing: String(decoding: block[start..<end], as: UTF8.self)) else {
        periodTable = ByteKeyTable()
        periods = []
        return nil
      }
      periods.append(p)
    }
    lastPeriod = KeyRange(start: start, count: end - start)
    lastPeriodValue = periods[id]
    return lastPeriodValue
  }

  /// The `digitPeriods` slot of the four bytes at `start` when they are ASCII digits.
  @inline(__always)
  static func fourDigitSlot(_ s: Span<UInt8>, _ start: Int) -> Int? {
    let d0 = s[start] &- UInt8(ascii: "0"), d1 = s[start + 1] &- UInt8(ascii: "0")
    let d2 = s[start + 2] &- UInt8(ascii: "0"), d3 = s[start + 3] &- UInt8(ascii: "0")
    guard d0 <= 9, d1 <= 9, d2 <= 9, d3 <= 9 else { return nil }
    return digitSlotBase[4] &+ Int(d0) &* 1000 &+ Int(d1) &* 100 &+ Int(d2) &* 10 &+ Int(d3)
  }

  /// A cell of 1 to 8 bytes `d+(.d+)?` read in one word, when a word from its start
  /// fits in the span: `(all its digits, the number of decimals)`, or nil for anything
  /// else. The point is found as a zero byte of `w ^ "........"` (the lowest mark is
  /// exact, see `fieldEnd`) and squeezed out; every remaining byte must be `0x30…0x39`
  /// (high nibble 3, and still 3 after adding 6); the digits, most significant in the
  /// lowest byte, are combined pairwise in three multiplications (Lemire, "Quickly
  /// parsing eight digits", 2018; the cell is shifted up so that the missing digits
  /// are leading zeros).
  @inline(__always)
  static func shortFigure(_ s: Span<UInt8>, _ start: Int, _ end: Int) -> (Int64, Int)? {
    let length = end - start
    guard length >= 1, length <= 8, start + 8 <= s.count else { return nil }
    let cellMask: UInt64 = length == 8 ? ~0 : (1 &<< UInt64(length &* 8)) &- 1
    var w = s.bytes.unsafeLoadUnaligned(fromByteOffset: start, as: UInt64.self).littleEndian & cellMask
    var digits = length
    var decimals = 0
    let points = zeroBytes(w ^ 0x2E2E_2E2E_2E2E_2E2E) & cellMask
    if points != 0 {
      let p = points.trailingZeroBitCount >> 3
      guard p > 0, p < length - 1 else { return nil }
      let below: UInt64 = (1 &<< UInt64(p &* 8)) &- 1
      w = (w & below) | ((w >> 8) & ~below)
      digits = length - 1
      decimals = length - 1 - p
    }
    let digitMask: UInt64 = digits == 8 ? ~0 : (1 &<< UInt64(digits &* 8)) &- 1
    let zeros: UInt64 = 0x3030_3030_3030_3030 & digitMask
    guard w & 0xF0F0_F0F0_F0F0_F0F0 & digitMask == zeros,
      (w &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 & digitMask == zeros
    else { return nil }
    var v = (w & 0x0F0F_0F0F_0F0F_0F0F) &<< UInt64((8 &- digits) &* 8)
    v = (v &* 2561) >> 8
    v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
    v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
    return (Int64(v), decimals)
  }

  /// The scale of a value (or target) of raw indicator `indicator`: its column's unit,
  /// else one in the indicator's name, else the title's.
  private func scale(target: Bool, indicator: Int) -> UnitScale? {
    (target ? targetScale : valueScale) ?? (indicator >= 0 ? indicatorScales[indicator] : nil) ?? titleUnit
  }

  /// The quarter of a quarter cell: 0 when the cell is blank, nil when unreadable.
  private mutating func parseQuarter(_ block: [UInt8], _ s: Span<UInt8>, _ start: Int, _ end: Int) -> Int? {
    if end - start == 1 {
      let b = s[start]
      if b >= UInt8(ascii: "1") && b <= UInt8(ascii: "4") { return Int(b - UInt8(ascii: "0")) }
    }
    var k = start
    while k < end && s[k] == 0x20 { k += 1 }
    if k == end { return 0 }
    let (id, isNew) = quarterTable.id(for: s.extracting(start..<end))
    if isNew {
      guard let q = Period.quarter(parsing: String(decoding: block[start..<end], as: UTF8.self)) else {
        quarterTable = ByteKeyTable()
        quarters = []
        return nil
      }
      quarters.append(q)
    }
    return quarters[id]
  }

  /// A figure: `(significand, exponent)` in base units, exponent `missing` when not
  /// available; nil when the cell is not a figure (the general reader then decides).
  /// `power` is the power of ten of its scale (see `take`), which `NumberParser`'s
  /// figures get from `scale(target:indicator:)`.
  ///
  /// Inline: `[-]d+(,ddd)*(.d+)?` with at most 18 digits, read as `NumberParser` reads
  /// it (all digits in the significand, the exponent minus the number of decimals);
  /// first the common `d+(.d+)?`, without the sign and grouping checks.
  private mutating func figure(
    _ block: [UInt8], _ s: Span<UInt8>, _ cell: Range<Int>, power: Int32, target: Bool, indicator: Int
  ) -> (Int64, Int8)? {
    if cell.isEmpty { return (0, ObservationColumns.missing) }
    if let (significand, decimals) = Self.shortFigure(s, cell.lowerBound, cell.upperBound) {
      return (significand, Int8(Int(power) - decimals))
    }
    var k = cell.lowerBound
    let end = cell.upperBound
    if end - k <= 19 {
      var significand: Int64 = 0
      var point = -1
      while k < end {
        let d = s[k] &- UInt8(ascii: "0")
        if d <= 9 {
          significand = significand &* 10 &+ Int64(d)
        } else if s[k] == UInt8(ascii: ".") && point < 0 {
          point = k
        } else {
          break
        }
        k += 1
      }
      // A point between digits; at most 18 digits.
      if k == end && point != cell.lowerBound && point != end - 1 && (point >= 0 || end - cell.lowerBound <= 18) {
        let decimals = point < 0 ? 0 : end - point - 1
        return (significand, Int8(Int(power) - decimals))
      }
      k = cell.lowerBound
    }
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
    var simple = k < end
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
        simple = false
        break
      }
      k += 1
    }
    if simple && groupDigits > 0 && (!sawComma || sawPoint || groupDigits == 3) && digits <= 18 {
      let e = Int(power) - decimals
      return (negative ? -significand : significand, Int8(e))
    }
    let scale = scale(target: target, indicator: indicator)
    // The general parser, for everything else.
    var percent = false
    switch NumberParser.parse(bytes: block[cell], percentSign: &percent) {
    case .number(let d, _):
      if percent { sawUnit = true }
      let scaled = scale?.apply(d) ?? d
      guard let e = Int8(exactly: scaled.exponent), e != ObservationColumns.missing else { return nil }
      return (scaled.significand, e)
    case .missing:
      return (0, ObservationColumns.missing)
    case .dash:
      return dashMeansMissing ? (0, ObservationColumns.missing) : (0, 0)
    case .invalid:
      guard let m = Direction.milestoneValue(String(decoding: block[cell], as: UTF8.self)) else { return nil }
      return (m.significand, Int8(m.exponent))
    }
  }
}
