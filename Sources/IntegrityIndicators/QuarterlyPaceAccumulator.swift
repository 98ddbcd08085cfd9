import IntegrityTables

/// `QuarterlyPaceReport` computed while a file streams by (DESIGN.md §8): per
/// (indicator, office, year) group the four quarterly counts as scaled integers and the
/// annual target, instead of every row.
///
/// It takes the common case: quarterly rows with an office, `--duplicates error`, no
/// targets file. A row the general computation would reject — an annual row, no office,
/// a duplicate quarter, targets that disagree, a negative count or target — makes `add`
/// return `false`, and the caller computes `QuarterlyPaceReport` from the general
/// reader, which gives the same rows or the same error. Rows come out in the report's
/// order (ColumnarReaderTests checks them equal on fixtures and generated files).
public struct QuarterlyPaceAccumulator: ColumnarConsumer {
  let total: Bool
  private(set) var names = OfficeKeyMap()

  private(set) var index = GroupIndex()
  private var lastKey: UInt64 = .max
  private var lastGroup = 0
  /// Per group: bits 0–3 the quarters with a row.
  private(set) var quarters: [UInt8] = []
  /// Per group, four counts (significand and exponent; exponent `missing` = no figure).
  private(set) var counts: [Int64] = []
  private(set) var countExponents: [Int8] = []
  private(set) var targets: [Int64] = []
  private(set) var targetExponents: [Int8] = []
  /// The last quarter any office reported, per year (years below 2¹⁶).
  private(set) var lastQuarter = [UInt8](repeating: 0, count: 1 << 16)

  public init(total: Bool = false) {
    self.total = total
  }

  /// Adds a row as it is parsed; `false` when it needs the general computation.
  public mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) -> Bool {
    if names.needsSync(row) {
      guard names.sync(keys) else { return false }
    }
    let missing = ObservationColumns.missing
    let year = row.year
    let q = Int(row.quarter)
    let agency = names.agencyIDs[Int(row.agency)]
    guard year >= 1, year < 1 << 16, q >= 1, agency != 0, row.month == 0 else { return false }
    // A total row of the input with totals on: the general computation leaves it out, with a note.
    if total && names.agencyIsTotal[Int(row.agency)] { return false }
    let valueExponent = row.valueExponent
    let value = row.value
    if valueExponent != missing && value < 0 { return false }
    let targetExponent = row.targetExponent
    let target = row.target
    if targetExponent != missing && target < 0 { return false }
    let key = UInt64(UInt32(names.indicatorIDs[Int(row.indicator)])) << 40 | UInt64(UInt32(agency)) << 16 | UInt64(year)
    let g: Int
    if key == lastKey {
      g = lastGroup
    } else {
      g = index.group(for: key)
      if g == quarters.count { appendGroup() }
      lastKey = key
      lastGroup = g
    }
    let bit = UInt8(1) << (q - 1)
    if quarters[g] & bit != 0 { return false }
    quarters[g] |= bit
    counts[4 * g + q - 1] = value
    countExponents[4 * g + q - 1] = valueExponent
    if !mergeTarget(g, target, targetExponent) { return false }
    if lastQuarter[Int(year)] < UInt8(q) { lastQuarter[Int(year)] = UInt8(q) }
    return true
  }

  /// Takes in the accumulator of the next part of the file; false when a quarter of
  /// one group is in both parts or the targets disagree.
  ///
  /// As in `AchievementAccumulator.merge`, the groups after the shared ones, new and in
  /// increasing key order, are appended at once (a new group's state is the other
  /// part's as it is).
  public mutating func merge(_ next: QuarterlyPaceAccumulator, lineOffset: Int) -> Bool {
    let renumber = names.renumbering(next.names)
    guard names.fitsGroupKeys else { return false }
    lastKey = .max
    let keys = next.index.keys
    reserve(groups: quarters.count + keys.count)
    var bulk = true
    for h in keys.indices {
      let key = renumber(keys[h])
      if bulk && index.follows(key) {
        if index.appendIncreasing(keys[h...], renumbered: renumber) {
          quarters += next.quarters[h...]
          counts += next.counts[(4 * h)...]
          countExponents += next.countExponents[(4 * h)...]
          targets += next.targets[h...]
          targetExponents += next.targetExponents[h...]
          break
        }
        bulk = false  // not sorted after all: one by one (checked once)
      }
      let g = index.group(for: key)
      if g == quarters.count { appendGroup() }
      if quarters[g] & next.quarters[h] != 0 { return false }
      quarters[g] |= next.quarters[h]
      for q in 0..<4 where next.quarters[h] & (1 << q) != 0 {
        counts[4 * g + q] = next.counts[4 * h + q]
        countExponents[4 * g + q] = next.countExponents[4 * h + q]
      }
      if !mergeTarget(g, next.targets[h], next.targetExponents[h]) { return false }
    }
    for year in lastQuarter.indices where next.lastQuarter[year] > lastQuarter[year] {
      lastQuarter[year] = next.lastQuarter[year]
    }
    return true
  }

  /// Makes room for the groups of `rows` rows, at the groups per row seen so far.
  public mutating func expect(rows: Int, after seen: Int) {
    reserve(groups: GroupIndex.expectedGroups(quarters.count, after: seen, of: rows))
  }

  private mutating func reserve(groups: Int) {
    index.reserveCapacity(groups)
    quarters.reserveCapacity(groups)
    counts.reserveCapacity(4 * groups)
    countExponents.reserveCapacity(4 * groups)
    targets.reserveCapacity(groups)
    targetExponents.reserveCapacity(groups)
  }

  private mutating func appendGroup() {
    quarters.append(0)
    for _ in 0..<4 {
      counts.append(0)
      countExponents.append(ObservationColumns.missing)
    }
    targets.append(0)
    targetExponents.append(ObservationColumns.missing)
  }

  /// Merges `target` (significand, exponent) into group `g`; false when it disagrees.
  private mutating func mergeTarget(_ g: Int, _ target: Int64, _ exponent: Int8) -> Bool {
    guard exponent != ObservationColumns.missing else { return true }
    if targetExponents[g] == ObservationColumns.missing {
      targets[g] = target
      targetExponents[g] = exponent
      return true
    }
    // The same target written the same way (each quarter repeats it): equal.
    if targets[g] == target && targetExponents[g] == exponent { return true }
    return DecimalNumber(significand: targets[g], exponent: Int32(targetExponents[g]))
      == DecimalNumber(significand: target, exponent: Int32(exponent))
  }

  /// Whether the report has an `indicator` column (some row names an indicator).
  public var hasIndicator: Bool {
    index.keys.contains { $0 >> 40 != 0 }
  }

  /// The output order of the groups, in chunks of about `groupsPerChunk` (whole
  /// indicators when national totals are on).
  public func rowOrder(groupsPerChunk: Int = 15_000) -> GroupOrder {
    let agencyRank = QuarterlyPaceReport.ranks(names.agencies.names) { a, b in
      let oa = ProsecutorsOffice(recognizing: a)?.order ?? Int.max
      let ob = ProsecutorsOffice(recognizing: b)?.order ?? Int.max
      return oa != ob ? oa < ob : utf8Precedes(a, b)
    }
    let indicatorRank = QuarterlyPaceReport.ranks(names.indicators.names, by: utf8Precedes)
    return GroupOrder(
      keys: index.keys, indicatorRank: indicatorRank, agencyRank: agencyRank, groupsPerChunk: groupsPerChunk,
      wholeIndicators: total)
  }

  /// The review's rows in `QuarterlyPaceReport`'s order (indicator; office in the
  /// Ministry's order, the national total after the offices; year; quarter), handed to
  /// `body` one at a time.
  public func forEachRow(_ body: (QuarterlyPace) throws -> Void) throws {
    let order = rowOrder()
    for chunk in order.chunks.indices { try forEachRow(in: order, chunk: chunk, body) }
  }

  /// The rows of one chunk of `order` (chunks can be formatted on different threads).
  public func forEachRow(in order: GroupOrder, chunk: Int, _ body: (QuarterlyPace) throws -> Void) throws {
    try forEachRow(in: order, chunk: chunk) { row, _ in try body(row) }
  }

  /// Interns the names in `line`, for `QuarterlyPace.appendCSV(to:indicatorColumn:names:ids:)`.
  ///
  /// `extra` holds the expected rates of quarters 1–4 as `line` writes numbers, then the
  /// statuses in `internedStatuses` order: the same bytes as `number(_:)` and
  /// `text(_:)` write for them, escaped once.
  public func internNames(into line: inout CSVLineBuffer) -> InternedNames {
    var rates: [String] = []
    for q in 1...4 {
      var bytes: [UInt8] = []
      line.numberFormat.append(Double(q) / 4, to: &bytes)
      rates.append(String(decoding: bytes, as: UTF8.self))
    }
    return InternedNames.intern(
      indicators: names.indicators.names, agencies: names.agencies.names,
      extra: rates + Self.internedStatuses.map(\.rawValue), into: &line)
  }

  /// The rows of one chunk of `order`, each with the canonical ids of its names.
  public func forEachRow(in order: GroupOrder, chunk: Int, _ body: (QuarterlyPace, RowNames) throws -> Void) throws {
    // National totals of the current indicator, per year: counts per quarter, target.
    var totals: [Int: (counts: [AggregatedValue?], target: AggregatedValue?)] = [:]
    var currentIndicator = -1
    for g in order.groups[order.chunks[chunk]].lazy.map(Int.init) {
      let key = index.keys[g]
      let indicator = Int(key >> 40)
      if indicator != currentIndicator {
        try emitTotals(totals, indicator: currentIndicator, body)
        totals.removeAll(keepingCapacity: true)
        currentIndicator = indicator
      }
      let year = Int(key & 0xFFFF)
      if total {
        var running: Totals? =
          totals[year] ?? (Array(repeating: AggregatedValue(.zero), count: Int(lastQuarter[year])), AggregatedValue(.zero))
        try groupRows(g, running: &running, body)
        totals[year] = running
      } else {
        var none: Totals? = nil
        try groupRows(g, running: &none, body)
      }
    }
    try emitTotals(totals, indicator: currentIndicator, body)
  }

  /// A year's national running totals: counts per quarter and the target.
  typealias Totals = (counts: [AggregatedValue?], target: AggregatedValue?)

  /// The rows of group `g` (quarters 1 to the year's last reported quarter), adding its
  /// figures to `running` when totals are kept.
  func groupRows(_ g: Int, running: inout Totals?, _ body: (QuarterlyPace, RowNames) throws -> Void) rethrows {
    let missing = ObservationColumns.missing
    let key = index.keys[g]
    let indicator = Int(key >> 40)
    let year = Int(key & 0xFFFF)
    let last = Int(lastQuarter[year])
    let target =
      targetExponents[g] == missing
      ? nil : AggregatedValue(DecimalNumber(significand: targets[g], exponent: Int32(targetExponents[g])))
    if let sum = running?.target { running!.target = target.map { sum + $0 } }
    var cumulative: AggregatedValue? = AggregatedValue(.zero)
    for q in 1...last {
      let e = countExponents[4 * g + q - 1]
      let count = e == missing ? nil : AggregatedValue(DecimalNumber(significand: counts[4 * g + q - 1], exponent: Int32(e)))
      cumulative = cumulative.flatMap { sum in count.map { sum + $0 } }
      if running != nil, let sum = running!.counts[q - 1] { running!.counts[q - 1] = count.map { sum + $0 } }
      let (rate, pace, status) = QuarterlyPace.decide(cumulative: cumulative, target: target, quarter: q)
      try body(
        QuarterlyPace(
          indicator: names.indicators.names[indicator], agency: names.agencies.names[Int(key >> 16 & 0xFF_FFFF)]!,
          year: year, quarter: q, count: count, cumulative: cumulative, target: target, cumulativeRate: rate,
          pace: pace, status: status), RowNames(indicator: indicator, agency: Int(key >> 16 & 0xFF_FFFF)))
    }
  }

  private func emitTotals(
    _ totals: [Int: (counts: [AggregatedValue?], target: AggregatedValue?)], indicator: Int,
    _ body: (QuarterlyPace, RowNames) throws -> Void
  ) throws {
    guard total, indicator >= 0 else { return }
    for year in totals.keys.sorted() {
      let running = totals[year]!
      var cumulative: AggregatedValue? = AggregatedValue(.zero)
      for q in 1...running.counts.count {
        let count = running.counts[q - 1]
        cumulative = cumulative.flatMap { sum in count.map { sum + $0 } }
        let (rate, pace, status) = QuarterlyPace.decide(cumulative: cumulative, target: running.target, quarter: q)
        try body(
          QuarterlyPace(
            indicator: names.indicators.names[indicator], agency: QuarterlyPace.nationalTotal, year: year, quarter: q,
            count: count, cumulative: cumulative, target: running.target, cumulativeRate: rate, pace: pace,
            status: status, isTotal: true), RowNames(indicator: indicator, agency: nil))
      }
    }
  }
}

extension QuarterlyPaceAccumulator {
  /// Streams `path` through the reader's fast lane into an accumulator; `nil` when the
  /// lane or the streaming computation does not take the file (then read it with
  /// `ObservationReader.read` and compute `QuarterlyPaceReport`).
  public static func read(
    path: String?, readOptions: ObservationReadOptions, total: Bool, minimumSize: Int = 1 << 20,
    blockSize: Int = 4 << 20, parallelMinimum: Int = 16 << 20
  ) throws -> (accumulator: QuarterlyPaceAccumulator, set: ObservationSet)? {
    guard !readOptions.skipBadRows, ObservationReader.isLarge(path, minimumSize: minimumSize) else { return nil }
    guard
      let (accumulator, set) = try ObservationReader.streamColumns(
        path: path, options: readOptions, blockSize: blockSize, parallelMinimum: parallelMinimum, consumer: { QuarterlyPaceAccumulator(total: total) })
    else { return nil }
    return (accumulator, set)
  }
}
