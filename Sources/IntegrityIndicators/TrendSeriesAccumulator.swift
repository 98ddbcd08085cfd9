import IntegrityModels
import IntegrityTables

/// `TrendAnalysis.yearlySeries` computed while a file streams by (DESIGN.md §8): per
/// (indicator, agency, year) group a few integers — the periods seen, the exact sum of
/// the figures as a 64-bit scaled integer, whether a figure was missing, the line of
/// the year's first period, the first line, and the target of the latest period that
/// has one — instead of every row.
///
/// The series it builds are those of `TrendAnalysis.yearlySeries` for the same rows
/// (same order: by (indicator ?? "", agency ?? "") as `String`s; same years, values —
/// the `Double` nearest the exact yearly sum —, lines, first line, skipped years,
/// target), with the reader's names as they are. It declines (`add` returns `false`, or
/// `read` returns `nil`) whenever it could differ: a period given twice (the general
/// path stops with a data error naming both lines), a year outside 0…65535, a sum
/// beyond 64 bits, or a file whose rows carry a unit (`Observation.unit` comes from
/// header, title or `%` figures, which the columns do not say per row). The fast lane
/// has no direction or month column, so `lowerIsBetter` and `isMilestone` are false.
/// Checked equal to the general path on fixtures and generated files
/// (ColumnarTrendTests).
public struct TrendSeriesAccumulator: ColumnarConsumer {
  /// Group key: indicator id (24 bits) << 40 | agency id (24 bits) << 16 | year.
  private var index = GroupIndex()
  private var lastKey: UInt64 = .max
  private var lastGroup = 0
  /// Per group: bit p (0 annual, 1…4 quarter) a row of that period; bit 7 a missing figure.
  private var parts: [UInt8] = []
  private var sums: [Int64] = []
  private var sumExponents: [Int8] = []
  /// The line of the group's lowest period (the general path's first row of the year),
  /// and that period.
  private var lowestLines: [Int32] = []
  private var lowestParts: [UInt8] = []
  /// The smallest line of the group (the series' first line is the least of these).
  private var firstLines: [Int32] = []
  /// The target of the group's highest period with a target (`targetParts` 255: none).
  private var targets: [Int64] = []
  private var targetExponents: [Int8] = []
  private var targetParts: [UInt8] = []
  /// The key names, as the reader gave them.
  private var keys = ObservationKeys()

  public init() {}

  private static let missingBit: UInt8 = 0x80
  private static let none: UInt8 = 255

  /// Adds a row as it is parsed; `false` when it needs the general computation.
  public mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) -> Bool {
    if keys.indicators.count != self.keys.indicators.count || keys.agencies.count != self.keys.agencies.count {
      self.keys = copy keys
      guard self.keys.indicators.count < 1 << 24, self.keys.agencies.count < 1 << 24 else { return false }
    }
    let year = row.year
    let part = row.quarter
    // Months, sample sizes and directions stated on the rows need the general computation.
    guard year >= 0, year < 1 << 16, part <= 4, row.month == 0, row.nExponent == ObservationColumns.missing,
      row.direction == 0
    else { return false }
    let key = UInt64(UInt32(bitPattern: row.indicator)) << 40 | UInt64(UInt32(bitPattern: row.agency)) << 16 | UInt64(year)
    let g: Int
    if key == lastKey {
      g = lastGroup
    } else {
      g = group(for: key)
      lastKey = key
      lastGroup = g
    }
    let bit = UInt8(1) << part
    if parts[g] & bit != 0 { return false }  // the same period twice: the general path throws
    parts[g] |= bit
    let line = row.line
    if part < lowestParts[g] {
      lowestParts[g] = part
      lowestLines[g] = line
    }
    if line < firstLines[g] { firstLines[g] = line }
    if row.valueExponent == ObservationColumns.missing {
      parts[g] |= Self.missingBit
    } else if !addExactly(row.value, row.valueExponent, to: g) {
      return false
    }
    takeTarget(g, part: part, row.target, row.targetExponent)
    return true
  }

  /// Takes in the accumulator of the next part of the file (its lines `lineOffset`
  /// short, its names renumbered into these); false when a period is in both parts
  /// or a sum leaves 64 bits.
  public mutating func merge(_ next: TrendSeriesAccumulator, lineOffset: Int) -> Bool {
    let (indicatorMap, agencyMap, _) = keys.absorb(next.keys)
    guard keys.indicators.count < 1 << 24, keys.agencies.count < 1 << 24 else { return false }
    lastKey = .max
    reserve(groups: parts.count + next.parts.count)
    let offset = Int32(lineOffset)
    for (h, key) in next.index.keys.enumerated() {
      let indicator = UInt64(UInt32(indicatorMap[Int(key >> 40)]))
      let agency = UInt64(UInt32(agencyMap[Int(key >> 16 & 0xFF_FFFF)]))
      let g = group(for: indicator << 40 | agency << 16 | (key & 0xFFFF))
      if parts[g] & next.parts[h] & ~Self.missingBit != 0 { return false }
      parts[g] |= next.parts[h]
      if next.lowestParts[h] < lowestParts[g] {
        lowestParts[g] = next.lowestParts[h]
        lowestLines[g] = next.lowestLines[h] + offset
      }
      firstLines[g] = min(firstLines[g], next.firstLines[h] + offset)
      guard addExactly(next.sums[h], next.sumExponents[h], to: g) else { return false }
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
    sums.reserveCapacity(groups)
    sumExponents.reserveCapacity(groups)
    lowestLines.reserveCapacity(groups)
    lowestParts.reserveCapacity(groups)
    firstLines.reserveCapacity(groups)
    targets.reserveCapacity(groups)
    targetExponents.reserveCapacity(groups)
    targetParts.reserveCapacity(groups)
  }

  /// The group of `key`, with empty state when new.
  private mutating func group(for key: UInt64) -> Int {
    let g = index.group(for: key)
    if g == parts.count {
      parts.append(0)
      sums.append(0)
      sumExponents.append(0)
      lowestLines.append(0)
      lowestParts.append(Self.none)
      firstLines.append(Int32.max)
      targets.append(0)
      targetExponents.append(0)
      targetParts.append(Self.none)
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

  /// Adds `significand·10^exponent` to group `g`'s sum exactly, at the smaller exponent;
  /// `false` when the sum would leave 64 bits.
  private mutating func addExactly(_ significand: Int64, _ exponent: Int8, to g: Int) -> Bool {
    if sumExponents[g] == exponent {
      // Same exponent (the usual case): what `ScaledInteger.add` gives, without aligning.
      let (sum, overflow) = sums[g].addingReportingOverflow(significand)
      if overflow { return false }
      sums[g] = sum
      return true
    }
    guard let (sum, e) = ScaledInteger.add(sums[g], sumExponents[g], significand, exponent) else { return false }
    sums[g] = sum
    sumExponents[g] = e
    return true
  }

  /// The yearly series, as `TrendAnalysis.yearlySeries` gives them for the same rows.
  public func series() -> [TrendAnalysis.YearlySeries] {
    let groupKeys = index.keys
    // Series: distinct (indicator, agency) pairs, numbered in first-seen order.
    var pairs = GroupIndex()
    var seriesOf = [Int32](repeating: 0, count: groupKeys.count)
    var lastPair: UInt64 = .max
    var lastSeries = 0
    for (g, key) in groupKeys.enumerated() {
      let pair = key >> 16
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
      let ka = pairKeys[a], kb = pairKeys[b]
      let ia = indicatorRank[Int(ka >> 24)], ib = indicatorRank[Int(kb >> 24)]
      if ia != ib { return ia < ib }
      return agencyRank[Int(ka & 0xFF_FFFF)] < agencyRank[Int(kb & 0xFF_FFFF)]
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
    var result = [TrendAnalysis.YearlySeries]()
    result.reserveCapacity(pairKeys.count)
    for s in order {
      var groups = Array(members[start[s]..<start[s + 1]])
      let year = { (g: Int32) in groupKeys[Int(g)] & 0xFFFF }
      if !zip(groups, groups.dropFirst()).allSatisfy({ year($0) < year($1) }) { groups.sort { year($0) < year($1) } }
      var years = [Int](), values = [Double](), lines = [Int](), skipped = [Int]()
      var target: Double?
      var firstLine = Int.max
      for g32 in groups {
        let g = Int(g32)
        let y = Int(groupKeys[g] & 0xFFFF)
        firstLine = min(firstLine, Int(firstLines[g]))
        let periods = parts[g] & ~Self.missingBit
        // All four quarters, or one annual row; an annual row beside quarters is ambiguous.
        let complete = periods == 0b1 || periods == 0b11110
        if complete && parts[g] & Self.missingBit == 0 {
          years.append(y)
          var sum = DecimalSum()
          sum.add(DecimalNumber(significand: sums[g], exponent: Int32(sumExponents[g])))
          values.append(sum.double)
          lines.append(Int(lowestLines[g]))
        } else {
          skipped.append(y)
        }
        if targetParts[g] != Self.none {
          target = DecimalNumber(significand: targets[g], exponent: Int32(targetExponents[g])).double
        }
      }
      let pair = pairKeys[s]
      result.append(
        TrendAnalysis.YearlySeries(
          indicator: keys.indicators[Int(pair >> 24)], agency: keys.agencies[Int(pair & 0xFF_FFFF)],
          series: TrendSeries(years: years, values: values), lines: lines, firstLine: firstLine, unit: nil,
          target: target, lowerIsBetter: false, isMilestone: false, skippedYears: skipped))
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

extension TrendSeriesAccumulator {
  /// Streams `path` through the reader's fast lane into yearly series; `nil` when the
  /// lane or the streaming computation does not take the file (then read it with
  /// `ObservationReader.read` and use `TrendAnalysis.run`).
  public static func read(
    path: String?, readOptions: ObservationReadOptions, minimumSize: Int = 1 << 20, blockSize: Int = 4 << 20,
    parallelMinimum: Int = 16 << 20
  ) throws -> (series: [TrendAnalysis.YearlySeries], set: ObservationSet)? {
    guard !readOptions.skipBadRows, ObservationReader.isLarge(path, minimumSize: minimumSize) else { return nil }
    guard
      let (accumulator, set) = try ObservationReader.streamColumns(
        path: path, options: readOptions, blockSize: blockSize, parallelMinimum: parallelMinimum, consumer: { TrendSeriesAccumulator() })
    else { return nil }
    // A unit on the rows (header, title or `%` figures) is not in the columns: decline.
    guard !set.columnsPresent.contains(.unit) else { return nil }
    return (accumulator.series(), set)
  }
}
