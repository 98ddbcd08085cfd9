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
  /// Per group: bit p a row of period p (0 annual, 1…4 quarter, 4 + m month m).
  private var parts: [UInt32] = []
  /// Per group: `missingFlag`, `decreaseFlag`, `milestoneFlag`, `wideFlag`.
  private var flags: [UInt8] = []
  private var sums: [Int64] = []
  private var sumExponents: [Int8] = []
  /// The line of the group's lowest period (the year's first row), and that period.
  private var lowestLines: [Int32] = []
  private var lowestParts: [UInt8] = []
  /// The smallest line of the group (the series' first line is the least of these).
  private var firstLines: [Int32] = []
  /// The target of the group's highest period with a target (`targetParts` `none`: none).
  private var targets: [Int64] = []
  private var targetExponents: [Int8] = []
  private var targetParts: [UInt8] = []
  /// The unit of the group's first row that states one (0: none), and that row's line.
  private var units: [Int32] = []
  private var unitLines: [Int32] = []
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
    if parts[g] & bit != 0 {
      let k = GroupKey(packed: key)
      let label = (keys.indicators[k.indicator] ?? "") + (keys.agencies[k.agency].map { " / \($0)" } ?? "")
      let earlier = lowestParts[g] == part ? "line \(lowestLines[g])" : "an earlier line"
      throw source.error(
        line: Int(row.line), field: "year", fallbacks: ["period"],
        "\(label): the same period appears twice (also on \(earlier))")
    }
    if row.valueExponent != ObservationColumns.missing {
      try addExactly(row.value, row.valueExponent, to: g, line: Int(row.line))
    } else {
      flags[g] |= Self.missingFlag
    }
    parts[g] |= bit
    let line = row.line
    if part < lowestParts[g] || lowestParts[g] == Self.none {
      lowestParts[g] = part
      lowestLines[g] = line
    }
    if line < firstLines[g] { firstLines[g] = line }
    if row.direction == Direction.decrease.code { flags[g] |= Self.decreaseFlag }
    if row.direction == Direction.milestone.code { flags[g] |= Self.milestoneFlag }
    if row.unit != 0 && (units[g] == 0 || line < unitLines[g]) {
      units[g] = row.unit
      unitLines[g] = line
    }
    takeTarget(g, part: part, row.target, row.targetExponent)
  }

  /// Takes in the accumulator of the next part of the file (its lines `lineOffset`
  /// short, its names renumbered into these); false when a period is in both parts.
  public mutating func merge(_ next: TrendSeriesAccumulator, lineOffset: Int) -> Bool {
    let (indicatorMap, agencyMap, unitMap) = keys.absorb(next.keys)
    guard keys.indicators.count < GroupKey.idLimit, keys.agencies.count < GroupKey.idLimit else { return false }
    lastKey = .max
    reserve(groups: parts.count + next.parts.count)
    let offset = Int32(lineOffset)
    for (h, key) in next.index.keys.enumerated() {
      let g = group(for: GroupKey(packed: key).renumbered(indicators: indicatorMap, agencies: agencyMap).packed)
      if parts[g] & next.parts[h] != 0 { return false }
      parts[g] |= next.parts[h]
      flags[g] |= next.flags[h] & (Self.missingFlag | Self.decreaseFlag | Self.milestoneFlag)
      if next.lowestParts[h] != Self.none && (lowestParts[g] == Self.none || next.lowestParts[h] < lowestParts[g]) {
        lowestParts[g] = next.lowestParts[h]
        lowestLines[g] = next.lowestLines[h] + offset
      }
      firstLines[g] = min(firstLines[g], next.firstLines[h] + offset)
      if next.flags[h] & Self.wideFlag != 0 {
        var sum = wideSums[Int32(g)] ?? narrowSum(g)
        sum.add(next.wideSums[Int32(h)]!)
        wideSums[Int32(g)] = sum
        flags[g] |= Self.wideFlag
      } else if next.sumExponents[h] != ObservationColumns.missing {
        guard (try? addExactly(next.sums[h], next.sumExponents[h], to: g, line: 0)) != nil else { return false }
      }
      if next.units[h] != 0 && (units[g] == 0 || next.unitLines[h] + offset < unitLines[g]) {
        units[g] = unitMap[Int(next.units[h])]
        unitLines[g] = next.unitLines[h] + offset
      }
      if next.targetParts[h] != Self.none {
        takeTarget(g, part: next.targetParts[h], next.targets[h], next.targetExponents[h])
      }
    }
    return true
  }

  /// Makes room for the groups of `rows` rows, at the groups per row seen so far.
  public mutating func expect(rows: Int, after seen: Int) {
    reserve(groups: GroupIndex.expectedGroups(parts.count, after: seen, of: rows))
  }

  private mutating func reserve(groups: Int) {
    index.reserveCapacity(groups)
    parts.reserveCapacity(groups)
    flags.reserveCapacity(groups)
    sums.reserveCapacity(groups)
    sumExponents.reserveCapacity(groups)
    lowestLines.reserveCapacity(groups)
    lowestParts.reserveCapacity(groups)
    firstLines.reserveCapacity(groups)
    targets.reserveCapacity(groups)
    targetExponents.reserveCapacity(groups)
    targetParts.reserveCapacity(groups)
    units.reserveCapacity(groups)
    unitLines.reserveCapacity(groups)
  }

  /// The group of `key`, with empty state when new.
  private mutating func group(for key: UInt64) -> Int {
    let g = index.group(for: key)
    if g == parts.count {
      parts.append(0)
      flags.append(0)
      sums.append(0)
      sumExponents.append(ObservationColumns.missing)
      lowestLines.append(0)
      lowestParts.append(Self.none)
      firstLines.append(Int32.max)
      targets.append(0)
      targetExponents.append(0)
      targetParts.append(Self.none)
      units.append(0)
      unitLines.append(0)
    }
    return g
  }

  /// Keeps the target of the group's highest period that has one.
  private mutating func takeTarget(_ g: Int, part: UInt8, _ target: Int64, _ exponent: Int8) {
    guard exponent != ObservationColumns.missing, targetParts[g] == Self.none || part > targetParts[g] else { return }
    targetParts[g] = part
    targets[g] = target
    targetExponents[g] = exponent
  }

  /// The group's 64-bit sum as a `DecimalSum`.
  private func narrowSum(_ g: Int) -> DecimalSum {
    var sum = DecimalSum()
    if sumExponents[g] != ObservationColumns.missing {
      sum.add(DecimalNumber(significand: sums[g], exponent: Int32(sumExponents[g])))
    }
    return sum
  }

  /// Adds `significand·10^exponent` to group `g`'s sum exactly (beyond 64 bits in
  /// `wideSums`).
  private mutating func addExactly(_ significand: Int64, _ exponent: Int8, to g: Int, line: Int) throws(DataError) {
    if flags[g] & Self.wideFlag != 0 {
      wideSums[Int32(g)]!.add(DecimalNumber(significand: significand, exponent: Int32(exponent)))
      return
    }
    if sumExponents[g] == ObservationColumns.missing {
      (sums[g], sumExponents[g]) = (significand, exponent)
      return
    }
    if sumExponents[g] == exponent {
      let (sum, overflow) = sums[g].addingReportingOverflow(significand)
      if !overflow {
        sums[g] = sum
        return
      }
    } else if let (sum, e) = ScaledInteger.add(sums[g], sumExponents[g], significand, exponent) {
      (sums[g], sumExponents[g]) = (sum, e)
      return
    }
    var wide = narrowSum(g)
    wide.add(DecimalNumber(significand: significand, exponent: Int32(exponent)))
    wideSums[Int32(g)] = wide
    flags[g] |= Self.wideFlag
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
    let quarters: UInt32 = 0b11110
    let months: UInt32 = 0xFFF << 5
    var result = [TrendAnalysis.YearlySeries]()
    result.reserveCapacity(pairKeys.count)
    let year = { (g: Int32) in GroupKey(packed: groupKeys[Int(g)]).year }
    for s in order {
      let range = start[s]..<start[s + 1]
      // Groups come in year order when the file is sorted; otherwise sort them.
      if !zip(members[range], members[range].dropFirst()).allSatisfy({ year($0) < year($1) }) {
        members[range].sort { year($0) < year($1) }
      }
      var years = [Int](), values = [Double](), lines = [Int](), skipped = [Int]()
      years.reserveCapacity(range.count)
      values.reserveCapacity(range.count)
      lines.reserveCapacity(range.count)
      var target: Double?
      var firstLine = Int.max
      var unit: Int32 = 0
      var unitLine = Int32.max
      var seriesFlags: UInt8 = 0
      for g32 in members[range] {
        let g = Int(g32)
        let y = year(g32)
        firstLine = min(firstLine, Int(firstLines[g]))
        seriesFlags |= flags[g]
        if units[g] != 0 && unitLines[g] < unitLine { (unit, unitLine) = (units[g], unitLines[g]) }
        let periods = parts[g]
        // All four quarters, all twelve months, or one annual row.
        let complete = periods == 1 || periods == quarters || periods == months
        if complete && flags[g] & Self.missingFlag == 0 {
          years.append(y)
          values.append(
            flags[g] & Self.wideFlag != 0
              ? wideSums[g32]!.double : DecimalNumber(significand: sums[g], exponent: Int32(sumExponents[g])).double)
          lines.append(Int(lowestLines[g]))
        } else {
          skipped.append(y)
        }
        if targetParts[g] != Self.none {
          target = DecimalNumber(significand: targets[g], exponent: Int32(targetExponents[g])).double
        }
      }
      let pair = GroupKey(packed: pairKeys[s] << 16)
      result.append(
        TrendAnalysis.YearlySeries(
          indicator: keys.indicators[pair.indicator], agency: keys.agencies[pair.agency],
          series: TrendSeries(years: years, values: values), lines: lines, firstLine: firstLine,
          unit: keys.units[Int(unit)], target: target, lowerIsBetter: seriesFlags & Self.decreaseFlag != 0,
          isMilestone: seriesFlags & Self.milestoneFlag != 0, skippedYears: skipped))
    }
    return result
  }

  /// Rank of each name in `String` order, with nil as "" (first).
  private static func ranks(_ names: [String?]) -> [Int32] {
    let sorted = names.indices.sorted { (names[$0] ?? "") < (names[$1] ?? "") }
    var rank = [Int32](repeating: 0, count: names.count)
    for (r, i) in sorted.enumerated() { rank[i] = Int32(r) }
    return rank
  }
}
