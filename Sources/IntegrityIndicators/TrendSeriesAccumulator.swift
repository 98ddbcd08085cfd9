import IntegrityModels
import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

/// The computation of `integrity-stats trend`'s series, fed row by row by the reader
/// (any input) or by `consume(_:source:)` (observations), on one or two cores
/// (`merge`): per (indicator, agency, year) `GroupKey` a few integers — the periods
/// seen, the exact sum of the figures, whether a figure was missing, lines, the target
/// of the latest period that has one, the unit and direction the rows state — instead
/// of every row.
///
/// Years: a yearly row gives the year's value; quarterly (or monthly) rows are summed
/// per year exactly when all 4 quarters (12 months) are present. A year with a missing
/// value or missing periods, or mixing a yearly row with quarters or months, is skipped
/// and listed in the series' note, never interpolated. The same period twice is an error
/// naming both lines (a reject under `skipBadRows`). A series' unit is the first its rows
/// state; it is lower-is-better when a row says `decrease`, a milestone when a row says
/// `milestone`. Series come sorted by (indicator, agency) — offices under their
/// canonical names, as the reader gives them — so the order of input rows does not
/// change the output.
public struct TrendSeriesAccumulator: ColumnarConsumer, Sendable {
  private(set) var source = AggregationSource(file: "<input>")
  private var index = GroupIndex()
  private var lastKey: UInt64 = .max
  private var lastGroup = 0
  /// Per group, in the index's order.
  private var groups: [Group] = []
  /// Sums that left 64 bits, exactly.
  private var wideSums: [Int32: DecimalSum] = [:]
  /// The names, as the reader gave them (caught up as they come).
  private var keys = ObservationKeys()

  public init() {}

  private static let missingFlag: UInt8 = 1
  private static let decreaseFlag: UInt8 = 2
  private static let milestoneFlag: UInt8 = 4
  private static let wideFlag: UInt8 = 8
  private static let none: UInt8 = 255

  /// One (indicator, agency, year)'s state: 48 bytes, one array element to update per row.
  private struct Group {
    /// Bit p: a row of period p (0 annual, 1…4 quarter, 4 + m month m).
    var parts: UInt32 = 0
    /// `missingFlag`, `decreaseFlag`, `milestoneFlag`, `wideFlag`.
    var flags: UInt8 = 0
    var sumExponent = ObservationColumns.missing
    /// The group's lowest period, and its line (the year's first row).
    var lowestPart = TrendSeriesAccumulator.none
    /// The period of the target kept (`none`: none): the highest with a target.
    var targetPart = TrendSeriesAccumulator.none
    var targetExponent: Int8 = 0
    var sum: Int64 = 0
    var target: Int64 = 0
    var lowestLine: Int32 = 0
    /// The smallest line of the group (the series' first line is the least of these).
    var firstLine = Int32.max
    /// The unit of the group's first row that states one (0: none), and that row's line.
    var unit: Int32 = 0
    var unitLine: Int32 = 0

    /// Takes a checked row of period `part` in place (its figure is added apart): the
    /// period's bit, the lowest period and first line, direction flags, unit and target.
    /// In place because a copy of the whole group written back per row costs a stalled
    /// wide load on some cores.
    @inline(__always)
    mutating func take(_ row: ObservationRow, part: UInt8) {
      let line = row.line
      parts |= UInt32(1) << part
      if part < lowestPart || lowestPart == TrendSeriesAccumulator.none {
        lowestPart = part
        lowestLine = line
      }
      if line < firstLine { firstLine = line }
      if row.direction == Direction.decrease.code { flags |= TrendSeriesAccumulator.decreaseFlag }
      if row.direction == Direction.milestone.code { flags |= TrendSeriesAccumulator.milestoneFlag }
      if row.unit != 0 && (unit == 0 || line < unitLine) {
        unit = row.unit
        unitLine = line
      }
      TrendSeriesAccumulator.takeTarget(&self, part: part, row.target, row.targetExponent)
    }
  }

  public mutating func begin(source: AggregationSource) {
    self.source = source
  }

  /// The period number of a row: 0 annual, 1…4 quarter, 4 + m month m.
  @inline(__always)
  private static func part(_ row: ObservationRow) -> UInt8? {
    if row.month != 0 { return row.month <= 12 ? 4 + row.month : nil }
    return row.quarter <= 4 ? row.quarter : nil
  }

  /// Adds a row; throws, with the state unchanged, when the row is wrong.
  @usableFromInline package mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) throws(DataError) {
    if keys.indicators.count != self.keys.indicators.count || keys.agencies.count != self.keys.agencies.count
      || keys.units.count != self.keys.units.count
    {
      self.keys.catchUp(with: keys)
      guard self.keys.indicators.count < GroupKey.idLimit, self.keys.agencies.count < GroupKey.idLimit else {
        throw source.error(line: Int(row.line), field: "agency", "more than 16,777,215 distinct names")
      }
    }
    let year = row.year
    guard year >= 0, year < GroupKey.yearLimit, let part = Self.part(row) else {
      throw source.error(
        line: Int(row.line), field: "year", fallbacks: ["period"], "expected a year and a quarter 1–4 or month 1–12",
        found: "\(year)")
    }
    let key = GroupKey(indicator: row.indicator, agency: row.agency, year: year).packed
    let g: Int
    if key == lastKey {
      g = lastGroup
    } else {
      g = group(for: key)
      lastKey = key
      lastGroup = g
    }
    let bit = UInt32(1) << part
    if groups[g].parts & bit != 0 {
      let k = GroupKey(packed: key)
      let label = (keys.indicators[k.indicator] ?? "") + (keys.agencies[k.agency].map { " / \($0)" } ?? "")
      let earlier = groups[g].lowestPart == part ? "line \(groups[g].lowestLine)" : "an earlier line"
      throw source.error(
        line: Int(row.line), field: "year", fallbacks: ["period"],
        "\(label): the same period appears twice (also on \(earlier))")
    }
    if row.valueExponent != ObservationColumns.missing {
      try addExactly(row.value, row.valueExponent, to: g, line: Int(row.line))
    } else {
      groups[g].flags |= Self.missingFlag
    }
    groups[g].take(row, part: part)
  }

  /// Takes in the accumulator of the next part of the file (its lines `lineOffset`
  /// short, its names renumbered into these); false when a period is in both parts.
  public mutating func merge(_ next: TrendSeriesAccumulator, lineOffset: Int) -> Bool {
    let (indicatorMap, agencyMap, unitMap) = keys.absorb(next.keys)
    guard keys.indicators.count < GroupKey.idLimit, keys.agencies.count < GroupKey.idLimit else { return false }
    lastKey = .max
    reserve(groups: groups.count + next.groups.count)
    let offset = Int32(lineOffset)
    for (h, key) in next.index.keys.enumerated() {
      var other = next.groups[h]
      other.lowestLine += offset
      if other.firstLine != .max { other.firstLine += offset }
      other.unitLine += offset
      if other.unit != 0 { other.unit = unitMap[Int(other.unit)] }
      let g = index.group(for: GroupKey(packed: key).renumbered(indicators: indicatorMap, agencies: agencyMap).packed)
      if g == groups.count {
        // A group only the next part has (all but the few at the cut): taken as it is.
        groups.append(other)
        if other.flags & Self.wideFlag != 0 { wideSums[Int32(g)] = next.wideSums[Int32(h)]! }
        continue
      }
      var state = groups[g]
      if state.parts & other.parts != 0 { return false }
      state.parts |= other.parts
      state.flags |= other.flags & (Self.missingFlag | Self.decreaseFlag | Self.milestoneFlag)
      if other.lowestPart != Self.none && (state.lowestPart == Self.none || other.lowestPart < state.lowestPart) {
        state.lowestPart = other.lowestPart
        state.lowestLine = other.lowestLine
      }
      state.firstLine = min(state.firstLine, other.firstLine)
      if other.unit != 0 && (state.unit == 0 || other.unitLine < state.unitLine) {
        state.unit = other.unit
        state.unitLine = other.unitLine
      }
      if other.targetPart != Self.none {
        Self.takeTarget(&state, part: other.targetPart, other.target, other.targetExponent)
      }
      groups[g] = state
      if other.flags & Self.wideFlag != 0 {
        var sum = wideSums[Int32(g)] ?? narrowSum(g)
        sum.add(next.wideSums[Int32(h)]!)
        wideSums[Int32(g)] = sum
        groups[g].flags |= Self.wideFlag
      } else if other.sumExponent != ObservationColumns.missing {
        guard (try? addExactly(other.sum, other.sumExponent, to: g, line: 0)) != nil else { return false }
      }
    }
    return true
  }

  /// Makes room for the groups of `rows` rows, at the groups per row seen so far.
  public mutating func expect(rows: Int, after seen: Int) {
    reserve(groups: GroupIndex.expectedGroups(groups.count, after: seen, of: rows))
  }

  private mutating func reserve(groups count: Int) {
    index.reserveCapacity(count)
    groups.reserveCapacity(count)
  }

  /// The group of `key`, with empty state when new.
  private mutating func group(for key: UInt64) -> Int {
    let g = index.group(for: key)
    if g == groups.count { groups.append(Group()) }
    return g
  }

  /// Keeps the target of the group's highest period that has one.
  private static func takeTarget(_ state: inout Group, part: UInt8, _ target: Int64, _ exponent: Int8) {
    guard exponent != ObservationColumns.missing, state.targetPart == none || part > state.targetPart else { return }
    state.targetPart = part
    state.target = target
    state.targetExponent = exponent
  }

  /// The group's 64-bit sum as a `DecimalSum`.
  private func narrowSum(_ g: Int) -> DecimalSum {
    var sum = DecimalSum()
    if groups[g].sumExponent != ObservationColumns.missing {
      sum.add(DecimalNumber(significand: groups[g].sum, exponent: Int32(groups[g].sumExponent)))
    }
    return sum
  }

  /// Adds `significand·10^exponent` to group `g`'s sum exactly (beyond 64 bits in
  /// `wideSums`).
  private mutating func addExactly(_ significand: Int64, _ exponent: Int8, to g: Int, line: Int) throws(DataError) {
    if groups[g].flags & Self.wideFlag != 0 {
      wideSums[Int32(g)]!.add(DecimalNumber(significand: significand, exponent: Int32(exponent)))
      return
    }
    if groups[g].sumExponent == ObservationColumns.missing {
      (groups[g].sum, groups[g].sumExponent) = (significand, exponent)
      return
    }
    if groups[g].sumExponent == exponent {
      let (sum, overflow) = groups[g].sum.addingReportingOverflow(significand)
      if !overflow {
        groups[g].sum = sum
        return
      }
    } else if let (sum, e) = ScaledInteger.add(groups[g].sum, groups[g].sumExponent, significand, exponent) {
      (groups[g].sum, groups[g].sumExponent) = (sum, e)
      return
    }
    var wide = narrowSum(g)
    wide.add(DecimalNumber(significand: significand, exponent: Int32(exponent)))
    wideSums[Int32(g)] = wide
    groups[g].flags |= Self.wideFlag
  }

  /// The yearly series, sorted by (indicator, agency).
  public func series() -> [TrendAnalysis.YearlySeries] {
    let groupKeys = index.keys
    // Series: distinct (indicator, agency) pairs, numbered in first-seen order.
    var pairs = GroupIndex()
    var seriesOf = [Int32](repeating: 0, count: groupKeys.count)
    var lastPair: UInt64 = .max
    var lastSeries = 0
    for (g, key) in groupKeys.enumerated() {
      let pair = GroupKey(packed: key).series
      if pair != lastPair {
        lastSeries = pairs.group(for: pair)
        lastPair = pair
      }
      seriesOf[g] = Int32(lastSeries)
    }
    // Order: (indicator ?? "", agency ?? "") as Strings. Distinct ids have distinct
    // names (the reader interns them by String), so ranking each side is the same order.
    let indicatorRank = Self.ranks(keys.indicators)
    let agencyRank = Self.ranks(keys.agencies)
    let pairKeys = pairs.keys
    let order = pairKeys.indices.sorted { a, b in
      let ka = GroupKey(packed: pairKeys[a] << 16), kb = GroupKey(packed: pairKeys[b] << 16)
      let ia = indicatorRank[ka.indicator], ib = indicatorRank[kb.indicator]
      if ia != ib { return ia < ib }
      return agencyRank[ka.agency] < agencyRank[kb.agency]
    }
    // Groups placed contiguously per series (a counting sort), then by year.
    var start = [Int](repeating: 0, count: pairKeys.count + 1)
    for s in seriesOf { start[Int(s) + 1] += 1 }
    for s in pairKeys.indices { start[s + 1] += start[s] }
    var next = start
    var members = [Int32](repeating: 0, count: groupKeys.count)
    for (g, s) in seriesOf.enumerated() {
      members[next[Int(s)]] = Int32(g)
      next[Int(s)] += 1
    }
    // Each series on its own: many are built on every core (`Chunks`), in order.
    return Chunks.map(order.count, minimum: 4_096) { [self, members, start] position in
      series(order[position], groupKeys: groupKeys, pairKeys: pairKeys, members: members, start: start)
    }
  }

  /// The yearly series `s` (a number among `pairKeys`), whose groups are
  /// `members[start[s]..<start[s + 1]]`.
  private func series(
    _ s: Int, groupKeys: [UInt64], pairKeys: [UInt64], members: [Int32], start: [Int]
  ) -> TrendAnalysis.YearlySeries {
    let quarters: UInt32 = 0b11110
    let months: UInt32 = 0xFFF << 5
    let year = { (g: Int32) in GroupKey(packed: groupKeys[Int(g)]).year }
    var groupsOfSeries = members[start[s]..<start[s + 1]]
    // Groups come in year order when the file is sorted; otherwise sort them.
    if !zip(groupsOfSeries, groupsOfSeries.dropFirst()).allSatisfy({ year($0) < year($1) }) {
      groupsOfSeries.sort { year($0) < year($1) }
    }
    let range = groupsOfSeries.indices
    var years = [Int](), values = [Double](), lines = [Int](), skipped = [Int]()
    years.reserveCapacity(range.count)
    values.reserveCapacity(range.count)
    lines.reserveCapacity(range.count)
    var target: Double?
    var firstLine = Int.max
    var unit: Int32 = 0
    var unitLine = Int32.max
    var seriesFlags: UInt8 = 0
    for g32 in groupsOfSeries {
      let state = groups[Int(g32)]
      let y = year(g32)
      firstLine = min(firstLine, Int(state.firstLine))
      seriesFlags |= state.flags
      if state.unit != 0 && state.unitLine < unitLine { (unit, unitLine) = (state.unit, state.unitLine) }
      let periods = state.parts
      // All four quarters, all twelve months, or one annual row.
      let complete = periods == 1 || periods == quarters || periods == months
      if complete && state.flags & Self.missingFlag == 0 {
        years.append(y)
        values.append(
          state.flags & Self.wideFlag != 0
            ? wideSums[g32]!.double : DecimalNumber(significand: state.sum, exponent: Int32(state.sumExponent)).double)
        lines.append(Int(state.lowestLine))
      } else {
        skipped.append(y)
      }
      if state.targetPart != Self.none {
        target = DecimalNumber(significand: state.target, exponent: Int32(state.targetExponent)).double
      }
    }
    let pair = GroupKey(packed: pairKeys[s] << 16)
    return TrendAnalysis.YearlySeries(
      indicator: keys.indicators[pair.indicator], agency: keys.agencies[pair.agency],
      series: TrendSeries(years: years, values: values), lines: lines, firstLine: firstLine,
      unit: keys.units[Int(unit)], target: target, lowerIsBetter: seriesFlags & Self.decreaseFlag != 0,
      isMilestone: seriesFlags & Self.milestoneFlag != 0, skippedYears: skipped)
  }

  /// Rank of each name in `String` order, with nil as "" (first).
  private static func ranks(_ names: [String?]) -> [Int32] {
    let sorted = names.indices.sorted { (names[$0] ?? "") < (names[$1] ?? "") }
    var rank = [Int32](repeating: 0, count: names.count)
    for (r, i) in sorted.enumerated() { rank[i] = Int32(r) }
    return rank
  }
}
