import IntegrityTables

/// `AchievementReport` computed while a file streams by (DESIGN.md §8): per (indicator,
/// agency, year) group a few integers — the quarters seen, the exact sum of the
/// figures as a 64-bit scaled integer, their count and the annual target — instead of
/// every row.
///
/// It takes the common case: any `--aggregate` (sum, mean, last, max), `--duplicates error`,
/// targets per year. A row the general computation would reject or treat specially —
/// a duplicate period, a year mixing annual and quarterly rows, targets that
/// disagree, a negative figure, a milestone figure other than 0 or 1, a total row of the
/// input with totals on, an indicator whose
/// catalog direction is ambiguous, or a sum beyond 64 bits — makes `add` return `false`; the
/// caller then computes the report with `AchievementReport` from the general reader,
/// which gives the same rows or the same error. The rows produced are those of
/// `AchievementReport` for the same input (checked on every fixture in
/// ColumnarReaderTests), in the same order.
public struct AchievementAccumulator: ColumnarConsumer {
  let options: AchievementOptions
  let catalogDirection: (String) throws -> Direction?

  private var names = OfficeKeyMap()
  /// Direction per canonical indicator id.
  private(set) var directions: [Direction] = []
  /// Per canonical indicator id, where its direction came from: 0 no row yet,
  /// `defaultDirection` the option or catalog, else the `Direction.code` its rows state.
  private var directionSource: [UInt8] = []
  private static let defaultDirection: UInt8 = 0xFF

  private(set) var index = GroupIndex()
  private var lastKey: UInt64 = .max
  private var lastGroup = 0
  /// Per group, in the order `index` numbers them.
  private(set) var groups: [GroupState] = []

  /// What one (indicator, agency, year) group keeps: 24 bytes.
  struct GroupState {
    /// The exact aggregate of the figures so far, `sum·10^sumExponent` (exponent
    /// `missing`: none yet): their sum (`sum`, `mean`), the latest quarter's (`last`) or
    /// the largest (`max`).
    var sum: Int64 = 0
    /// The annual target (exponent `missing`: none).
    var target: Int64 = 0
    var sumExponent = ObservationColumns.missing
    var targetExponent = ObservationColumns.missing
    /// Bits 0–3 the quarters seen, bit 4 an annual row.
    var periods: UInt8 = 0
    /// Figures taken.
    var count: UInt8 = 0
    /// With `last`: the quarter (1–4; 0 for an annual row) the kept figure is from.
    var valueQuarter: UInt8 = 0

    /// Takes the periods `bits` with a figure and a target (exponent `missing` when
    /// absent), the figure from quarter `quarter` (the latest quarter of a merged state);
    /// false when a period repeats, annual and quarterly rows mix, the sum leaves 64
    /// bits or the targets disagree.
    mutating func take(
      periods bits: UInt8, value: Int64, _ valueExponent: Int8, count added: UInt8, target newTarget: Int64,
      _ newTargetExponent: Int8, aggregation: Aggregation, quarter: UInt8
    ) -> Bool {
      let missing = ObservationColumns.missing
      if periods & bits != 0 || (periods != 0 && (periods == 0x10) != (bits == 0x10)) { return false }
      periods |= bits
      if valueExponent != missing {
        if sumExponent == missing {
          sum = value
          sumExponent = valueExponent
          valueQuarter = quarter
        } else if aggregation == .last {
          // The figure of the latest quarter (periods never repeat, so no ties).
          if quarter > valueQuarter {
            sum = value
            sumExponent = valueExponent
            valueQuarter = quarter
          }
        } else if aggregation == .max {
          // The largest figure; on a tie the earlier one stays, as `AchievementBuilder.aggregate`
          // keeps it (equal decimals print the same).
          guard let (kept, new) = ScaledInteger.align(sum, sumExponent, value, valueExponent) else { return false }
          if new > kept {
            sum = value
            sumExponent = valueExponent
          }
        } else if sumExponent == valueExponent {
          // Same exponent (the usual case): what `ScaledInteger.add` gives, without aligning.
          let (s, overflow) = sum.addingReportingOverflow(value)
          if overflow { return false }
          sum = s
        } else {
          guard let (s, e) = ScaledInteger.add(sum, sumExponent, value, valueExponent) else { return false }
          sum = s
          sumExponent = e
        }
      }
      count &+= added
      guard newTargetExponent != missing else { return true }
      if targetExponent == missing {
        target = newTarget
        targetExponent = newTargetExponent
        return true
      }
      // The same target written the same way (each quarter repeats it): equal.
      if target == newTarget && targetExponent == newTargetExponent { return true }
      return DecimalNumber(significand: target, exponent: Int32(targetExponent))
        == DecimalNumber(significand: newTarget, exponent: Int32(newTargetExponent))
    }
  }

  /// Whether the streaming computation can take `options` at all.
  public static func accepts(_ options: AchievementOptions) -> Bool {
    options.duplicates == .error && options.targetPer == .year
  }

  public init(options: AchievementOptions, catalogDirection: @escaping (String) throws -> Direction? = { _ in nil }) {
    self.options = options
    self.catalogDirection = catalogDirection
  }

  /// Adds a row as it is parsed; `false` when it needs the general computation.
  public mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) -> Bool {
    if names.needsSync(row) {
      guard names.sync(keys), syncDirections() else { return false }
    }
    let missing = ObservationColumns.missing
    let year = row.year
    guard year >= 1, year < 1 << 16, row.month == 0 else { return false }
    // A total row of the input with totals on: the general computation leaves it out, with a note.
    if options.total && names.agencyIsTotal[Int(row.agency)] { return false }
    let indicator = names.indicatorIDs[Int(row.indicator)]
    // A direction stated on the rows wins over the option and the catalog, when every
    // row of the indicator states the same one (else the general computation decides).
    let stated = row.direction
    let seen = directionSource[Int(indicator)]
    if seen == 0 {
      directionSource[Int(indicator)] = stated == 0 ? Self.defaultDirection : stated
      if stated != 0, let d = Direction(code: stated) { directions[Int(indicator)] = d }
    } else if seen != (stated == 0 ? Self.defaultDirection : stated) {
      return false
    }
    let direction = directions[Int(indicator)]
    let valueExponent = row.valueExponent
    let value = row.value
    if valueExponent != missing {
      if value < 0 { return false }
      if direction == .milestone && value != 0 && DecimalNumber(significand: value, exponent: Int32(valueExponent)) != DecimalNumber(1) {
        return false
      }
    }
    let targetExponent = row.targetExponent
    let target = row.target
    if targetExponent != missing {
      if target < 0 { return false }
    }
    let key = UInt64(UInt32(indicator)) << 40 | UInt64(UInt32(names.agencyIDs[Int(row.agency)])) << 16 | UInt64(year)
    let g: Int
    if key == lastKey {
      g = lastGroup
    } else {
      g = index.group(for: key)
      if g == groups.count { groups.append(GroupState()) }
      lastKey = key
      lastGroup = g
    }
    let q = row.quarter
    return groups[g].take(
      periods: q == 0 ? 0x10 : 1 << (q - 1), value: value, valueExponent,
      count: valueExponent != missing ? 1 : 0, target: target, targetExponent, aggregation: options.aggregation,
      quarter: q)
  }

  /// Takes in the accumulator of the next part of the file; false when a group has
  /// a period in both parts, periods of both kinds, or disagreeing targets.
  ///
  /// A sorted file's second part shares at most its first groups with the first part
  /// (a year cut in the middle); those are merged one by one, and the rest, new groups
  /// in increasing key order, are appended at once: a new group's state is the other
  /// part's state as it is (`take` on an empty state copies it).
  public mutating func merge(_ next: AchievementAccumulator, lineOffset: Int) -> Bool {
    let renumber = names.renumbering(next.names)
    guard names.fitsGroupKeys, syncDirections() else { return false }
    // Directions stated on the rows of either part must agree.
    for k in next.directionSource.indices where next.directionSource[k] != 0 {
      let m = Int(renumber(UInt64(k) << 40) >> 40)
      if directionSource[m] == 0 {
        directionSource[m] = next.directionSource[k]
        directions[m] = next.directions[k]
      } else if directionSource[m] != next.directionSource[k] {
        return false
      }
    }
    lastKey = .max
    let keys = next.index.keys
    groups.reserveCapacity(groups.count + keys.count)
    index.reserveCapacity(groups.count + keys.count)
    var h = 0
    var bulk = true
    while h < keys.count {
      let key = renumber(keys[h])
      if bulk && index.follows(key) {
        if index.appendIncreasing(keys[h...], renumbered: renumber) {
          groups.append(contentsOf: next.groups[h...])
          return true
        }
        bulk = false  // not sorted after all: one by one (checked once)
      }
      let g = index.group(for: key)
      if g == groups.count { groups.append(GroupState()) }
      let other = next.groups[h]
      guard
        groups[g].take(
          periods: other.periods, value: other.sum, other.sumExponent, count: other.count, target: other.target,
          other.targetExponent, aggregation: options.aggregation, quarter: other.valueQuarter)
      else { return false }
      h += 1
    }
    return true
  }

  /// Makes room for the groups of `rows` rows, at the groups per row seen so far.
  public mutating func expect(rows: Int, after seen: Int) {
    let expected = GroupIndex.expectedGroups(groups.count, after: seen, of: rows)
    groups.reserveCapacity(expected)
    index.reserveCapacity(expected)
  }

  /// The direction of each canonical indicator not given one yet: the file's (none in
  /// its rows, see `add`), else `--direction`, else the catalog's, else `increase`. False when the
  /// catalog finds an indicator's name ambiguous (the general computation then says which row).
  private mutating func syncDirections() -> Bool {
    while directions.count < names.indicators.names.count {
      let name = names.indicators.names[directions.count]
      directionSource.append(0)
      if let direction = options.direction {
        directions.append(direction)
        continue
      }
      do {
        directions.append(try name.flatMap(catalogDirection) ?? .increase)
      } catch {
        return false
      }
    }
    return true
  }

  /// The output order of the groups, in chunks of about `groupsPerChunk` (whole
  /// indicators when totals are on).
  public func rowOrder(groupsPerChunk: Int = 40_000) -> GroupOrder {
    GroupOrder(
      keys: index.keys, indicatorRank: Self.ranks(names.indicators.names), agencyRank: Self.ranks(names.agencies.names),
      groupsPerChunk: groupsPerChunk, wholeIndicators: options.total)
  }

  /// The report's rows in `AchievementReport`'s order (indicator, agency with the total
  /// last, year; names by UTF-8 bytes), handed to `body` one at a time; totals over
  /// agencies when `options.total`.
  public func forEachRow(_ body: (AchievementRatio) throws -> Void) throws {
    let order = rowOrder()
    for chunk in order.chunks.indices { try forEachRow(in: order, chunk: chunk, body) }
  }

  /// The rows of one chunk of `order` (chunks can be formatted on different threads).
  public func forEachRow(in order: GroupOrder, chunk: Int, _ body: (AchievementRatio) throws -> Void) throws {
    try forEachRow(in: order, chunk: chunk) { row, _ in try body(row) }
  }

  /// Interns the names in `line`, for `AchievementRatio.appendCSV(to:names:ids:)`.
  ///
  /// `extra` holds the directions (`Direction.allCases` order), the statuses
  /// (`AchievementStatus.allCases`), then `false` and `true`: the same bytes as
  /// `text(_:)` and `boolean(_:)` write for them, escaped once.
  public func internNames(into line: inout CSVLineBuffer) -> InternedNames {
    InternedNames.intern(
      indicators: names.indicators.names, agencies: names.agencies.names,
      extra: Direction.allCases.map(\.rawValue) + AchievementStatus.allCases.map(\.rawValue) + ["false", "true"],
      into: &line)
  }

  /// The rows of one chunk of `order`, each with the canonical ids of its names.
  public func forEachRow(in order: GroupOrder, chunk: Int, _ body: (AchievementRatio, RowNames) throws -> Void)
    throws
  {
    var indicatorRows: [AchievementRatio] = []
    var currentIndicator: UInt64 = .max
    for g in order.groups[order.chunks[chunk]].lazy.map(Int.init) {
      let key = index.keys[g]
      let indicator = Int(key >> 40)
      if options.total && UInt64(indicator) != currentIndicator {
        try emitTotals(indicatorRows, indicator: Int(truncatingIfNeeded: currentIndicator), body)
        indicatorRows.removeAll(keepingCapacity: true)
        currentIndicator = UInt64(indicator)
      }
      let row = self.row(ofGroup: g)
      try body(row, RowNames(indicator: indicator, agency: Int(key >> 16 & 0xFF_FFFF)))
      if options.total { indicatorRows.append(row) }
    }
    if options.total { try emitTotals(indicatorRows, indicator: Int(truncatingIfNeeded: currentIndicator), body) }
  }

  /// The report row of group `g`.
  func row(ofGroup g: Int) -> AchievementRatio {
    let missing = ObservationColumns.missing
    let key = index.keys[g]
    let indicator = Int(key >> 40)
    let direction = directions[indicator]
    var actual: AggregatedValue? = nil
    let state = groups[g]
    if state.sumExponent != missing {
      actual = AggregatedValue(DecimalNumber(significand: state.sum, exponent: Int32(state.sumExponent)))
      if options.aggregation == .mean { actual!.divisor = Int(state.count) }
    }
    let target =
      state.targetExponent == missing
      ? nil : AggregatedValue(DecimalNumber(significand: state.target, exponent: Int32(state.targetExponent)))
    let (ratio, status) = AchievementRatio.decide(
      actual: actual, target: target, direction: direction, near: options.near)
    let isQuarterly = state.periods != 0x10
    return AchievementRatio(
      indicator: names.indicators.names[indicator], agency: names.agencies.names[Int(key >> 16 & 0xFF_FFFF)],
      year: Int(key & 0xFFFF), actual: actual, target: target, direction: direction, ratio: ratio,
      status: status, partial: isQuarterly && state.count < 4, periodsReported: isQuarterly ? Int(state.count) : 0)
  }

  private func emitTotals(
    _ rows: [AchievementRatio], indicator: Int, _ body: (AchievementRatio, RowNames) throws -> Void
  ) throws {
    guard !rows.isEmpty else { return }
    for total in try AchievementBuilder.totals(rows, options: options).sorted(by: { $0.year < $1.year }) {
      try body(total, RowNames(indicator: indicator, agency: nil))
    }
  }

  /// The rank of each interned name (index 0, `nil`, first), by UTF-8 bytes.
  static func ranks(_ names: [String?]) -> [Int] {
    let order = names.indices.sorted { utf8Precedes(names[$0], names[$1]) }
    var rank = [Int](repeating: 0, count: names.count)
    for (position, index) in order.enumerated() { rank[index] = position }
    return rank
  }
}

extension AchievementAccumulator {
  /// Streams `path` through the reader's fast lane into an accumulator: the whole
  /// computation in a few bytes per group. `nil` when the fast lane or the streaming
  /// computation does not take the file or the options; then read the file with
  /// `ObservationReader.read` and compute `AchievementReport`.
  public static func read(
    path: String?, readOptions: ObservationReadOptions, options: AchievementOptions,
    catalogDirection: @escaping (String) throws -> Direction? = { _ in nil }, minimumSize: Int = 1 << 20,
    blockSize: Int = 4 << 20, parallelMinimum: Int = 16 << 20
  ) throws -> (accumulator: AchievementAccumulator, set: ObservationSet)? {
    guard accepts(options), !readOptions.skipBadRows, ObservationReader.isLarge(path, minimumSize: minimumSize)
    else { return nil }
    guard
      let (accumulator, set) = try ObservationReader.streamColumns(
        path: path, options: readOptions, blockSize: blockSize, parallelMinimum: parallelMinimum,
        consumer: { AchievementAccumulator(options: options, catalogDirection: catalogDirection) })
    else { return nil }
    return (accumulator, set)
  }
}
