import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData
import IntegrityActionPlan

/// The computation of `integrity-stats quarterly` (formulas on `QuarterlyPace`), fed
/// row by row by the reader (any input) or by `consume(_:source:)` (observations), on
/// one or two cores (`merge`): per (indicator, office, year) `GroupKey` the four
/// quarterly counts as scaled integers with their lines, and the annual target.
///
/// Rows:
/// - each row needs a year ≥ 1, a quarter 1…4 and an office; counts and targets are ≥ 0
///   (else a `DataError` at the row: a reject under `skipBadRows`);
/// - offices are recognised in any spelling and printed as `ProsecutorsOffice.name`;
/// - two rows for one (office, year, quarter) follow `DuplicatePolicy` (default error;
///   `sum` adds the counts, `last` keeps the later line);
/// - the annual target comes from the rows (repeated on each quarter row, taken once;
///   rows that disagree are an error naming both lines) or from a targets file
///   (`applyTargets`, which must agree with a target also given on the rows);
/// - every office of a year gets rows for quarters 1 to the last quarter any office
///   reported that year, so a quarter an office did not report shows as `incomplete`;
/// - with totals, a national row per (year, quarter): counts and targets summed over
///   the offices, empty when any office's figure is missing; input rows whose agency is
///   already a total (`TotalAgency`) are left out, with a note.
/// Sorted by indicator, office (the Ministry of Justice's order, other agencies after
/// them by UTF-8 bytes, the national total last), year, quarter.
public struct QuarterlyPaceAccumulator: ColumnarConsumer, Sendable {
  let total: Bool
  let duplicates: DuplicatePolicy
  private(set) var source = AggregationSource(file: "<input>")
  private(set) var names = OfficeKeyMap()

  private(set) var index = GroupIndex()
  private var lastKey: UInt64 = .max
  private var lastGroup = 0
  /// Per group (`index` order): its quarters, counts and target.
  private(set) var groups: [Group] = []
  /// The last quarter any office reported, per year (years below 2¹⁶).
  private(set) var lastQuarter = [UInt8](repeating: 0, count: 1 << 16)
  /// Total rows of the input left out with totals on, by name, in first-seen order.
  private(set) var leftOut: [(name: String, count: Int)] = []

  /// One (indicator, office, year) group: the quarters with a row (bits 0–3), the four
  /// counts as scaled integers (exponent `missing`: no figure) with the lines they came
  /// from, and the annual target with its line. Updated in place (`take`): a copy of the
  /// whole group written back per row costs a stalled wide load on some cores.
  struct Group: Sendable {
    var quarters: UInt8 = 0
    var targetExponent = ObservationColumns.missing
    var countExponents = InlineArray<4, Int8>(repeating: ObservationColumns.missing)
    var targetLine: Int32 = 0
    var lines = InlineArray<4, Int32>(repeating: 0)
    var target: Int64 = 0
    var counts = InlineArray<4, Int64>(repeating: 0)

    /// Whether quarter `i` (0…3) has a row.
    @inline(__always)
    func has(quarter i: Int) -> Bool { quarters & (1 << i) != 0 }

    /// The count of quarter `i` (0…3); nil when it has none.
    func count(_ i: Int) -> DecimalNumber? {
      countExponents[i] == ObservationColumns.missing
        ? nil : DecimalNumber(significand: counts[i], exponent: Int32(countExponents[i]))
    }

    /// The annual target; nil when the group has none.
    var annualTarget: DecimalNumber? {
      targetExponent == ObservationColumns.missing ? nil : DecimalNumber(significand: target, exponent: Int32(targetExponent))
    }

    /// Whether a target `target`×10^`exponent` (exponent `missing`: none) agrees with
    /// the group's: true when either is missing or they are the same number.
    @inline(__always)
    func agrees(target: Int64, exponent: Int8) -> Bool {
      let missing = ObservationColumns.missing
      if exponent == missing || targetExponent == missing || (self.target == target && targetExponent == exponent) {
        return true
      }
      return annualTarget == DecimalNumber(significand: target, exponent: Int32(exponent))
    }

    /// Takes quarter `i`'s (0…3) count and line; a quarter that already has a row
    /// follows `duplicates` (`sum` adds the counts, `last` keeps the new one). False,
    /// with the group unchanged, for `error` or a sum beyond the exact range.
    @inline(__always)
    mutating func take(_ value: Int64, _ exponent: Int8, line: Int32, quarter i: Int, by duplicates: DuplicatePolicy) -> Bool {
      if has(quarter: i) {
        switch duplicates {
        case .error: return false
        case .sum:
          if exponent != ObservationColumns.missing {
            if countExponents[i] == ObservationColumns.missing {
              (counts[i], countExponents[i]) = (value, exponent)
            } else {
              guard let (sum, e) = ScaledInteger.add(counts[i], countExponents[i], value, exponent) else { return false }
              (counts[i], countExponents[i]) = (sum, e)
            }
          }
        case .last:
          (counts[i], countExponents[i]) = (value, exponent)
        }
      } else {
        (counts[i], countExponents[i]) = (value, exponent)
      }
      lines[i] = line
      quarters |= 1 << i
      return true
    }

    /// A row's count of quarter `i` (`take(_:_:line:quarter:by:)`), then, when taken, its
    /// target (`take(target:exponent:line:)`): one access to the group in the array.
    @inline(__always)
    mutating func take(
      _ value: Int64, _ exponent: Int8, target: Int64, targetExponent: Int8, line: Int32, quarter i: Int,
      by duplicates: DuplicatePolicy
    ) -> Bool {
      guard take(value, exponent, line: line, quarter: i, by: duplicates) else { return false }
      take(target: target, exponent: targetExponent, line: line)
      return true
    }

    /// Takes the target `target`×10^`exponent` and its line when the group has none
    /// (a target it has is kept: `agrees` checks them first).
    @inline(__always)
    mutating func take(target: Int64, exponent: Int8, line: Int32) {
      if exponent != ObservationColumns.missing && targetExponent == ObservationColumns.missing {
        (self.target, targetExponent, targetLine) = (target, exponent, line)
      }
    }
  }

  public init(total: Bool = false, duplicates: DuplicatePolicy = .error) {
    self.total = total
    self.duplicates = duplicates
  }

  public mutating func begin(source: AggregationSource) {
    self.source = source
  }

  /// Adds a row; throws, with the state unchanged, when the row is wrong.
  @usableFromInline package mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) throws(DataError) {
    if names.needsSync(row) {
      names.sync(keys)
      guard names.fitsGroupKeys else { throw source.error(line: Int(row.line), field: "agency", "more than 16,777,215 distinct names") }
    }
    let missing = ObservationColumns.missing
    let line = Int(row.line)
    let year = row.year
    if total && names.agencyIsTotal[Int(row.agency)] {
      let name = keys.agencies[Int(row.agency)] ?? ""
      if let i = leftOut.firstIndex(where: { $0.name == name }) { leftOut[i].count += 1 } else { leftOut.append((name, 1)) }
      return
    }
    var period: Period {
      Period(year: Int(year), quarter: row.quarter == 0 ? nil : Int(row.quarter), month: row.month == 0 ? nil : Int(row.month))
    }
    guard year >= 1, year < GroupKey.yearLimit else {
      throw source.error(line: line, field: "year", fallbacks: ["period"], "expected a year", found: "\(year)")
    }
    guard row.quarter != 0, row.month == 0 else {
      throw source.error(
        line: line, field: "quarter", fallbacks: ["period"], "expected a quarter (1 to 4)", found: period.description)
    }
    let q = Int(row.quarter)
    guard q <= 4 else {
      throw source.error(line: line, field: "quarter", fallbacks: ["period"], "expected a quarter 1 to 4", found: "\(q)")
    }
    let agency = names.agencyIDs[Int(row.agency)]
    guard agency != 0 else { throw source.error(line: line, field: "agency", "expected an office", found: "") }
    let value = row.value
    let valueExponent = row.valueExponent
    if valueExponent != missing && value < 0 {
      throw source.error(
        line: line, field: "value", "expected a count of 0 or more",
        found: DecimalNumber(significand: value, exponent: Int32(valueExponent)).description)
    }
    let targetExponent = row.targetExponent
    let target = row.target
    if targetExponent != missing && target < 0 {
      throw source.error(
        line: line, field: "target", "expected a target of 0 or more",
        found: DecimalNumber(significand: target, exponent: Int32(targetExponent)).description)
    }
    let key = GroupKey(indicator: names.indicatorIDs[Int(row.indicator)], agency: agency, year: year).packed
    let g: Int
    if key == lastKey {
      g = lastGroup
    } else {
      g = index.group(for: key)
      if g == groups.count { groups.append(Group()) }
      lastKey = key
      lastGroup = g
    }
    let i = q - 1
    // Checked before anything changes: an error leaves the group as it was.
    if groups[g].has(quarter: i) && duplicates == .error {
      throw source.error(
        line: line, field: "value",
        "duplicate row for \(names.agencies.names[GroupKey(packed: key).agency]!) \(period): line \(groups[g].lines[i]) "
          + "has the same office and quarter",
        found: valueExponent == missing ? "" : DecimalNumber(significand: value, exponent: Int32(valueExponent)).description,
        remedy: .aggregateDuplicates)
    }
    if !groups[g].agrees(target: target, exponent: targetExponent) {
      let known = groups[g].annualTarget!
      let new = DecimalNumber(significand: target, exponent: Int32(targetExponent))
      throw source.error(
        line: line, field: "target",
        "annual target differs between lines \(groups[g].targetLine) and \(line) for \(names.agencies.names[GroupKey(packed: key).agency]!) "
          + "\(year) (\(known) and \(new))", found: new.description)
    }
    guard
      groups[g].take(
        value, valueExponent, target: target, targetExponent: targetExponent, line: row.line, quarter: i, by: duplicates)
    else {
      throw source.error(line: line, field: "value", "the counts of one quarter sum beyond the exact range")
    }
    if lastQuarter[Int(year)] < UInt8(q) { lastQuarter[Int(year)] = UInt8(q) }
  }

  /// Annual targets from a targets file (`--targets FILE` with office,year,target): for
  /// every indicator with rows that year, an office's target where its rows give none;
  /// a target the rows also give must agree. Targets for years without quarterly rows
  /// have nothing to review and are left out.
  public mutating func applyTargets(_ fileTargets: [AnnualTarget], source targetsSource: AggregationSource) throws(DataError) {
    guard !fileTargets.isEmpty else { return }
    struct OfficeYear: Hashable {
      var agency: Int32
      var year: Int
    }
    var byOffice: [OfficeYear: AnnualTarget] = [:]
    var order: [OfficeYear] = []
    for t in fileTargets {
      if t.year < 1 {
        throw targetsSource.error(line: t.line, field: "year", "expected a year", found: "\(t.year)")
      }
      if t.target.isNegative {
        throw targetsSource.error(
          line: t.line, field: "target", "expected a target of 0 or more", found: t.target.description)
      }
      let key = OfficeYear(agency: names.agencyID(t.agency), year: t.year)
      if let earlier = byOffice[key] {
        throw targetsSource.error(
          line: Swift.max(t.line, earlier.line), field: "target",
          "a second target for \(names.agencies.names[Int(key.agency)]!) \(t.year) "
            + "(line \(Swift.min(t.line, earlier.line)) has one)", found: t.target.description)
      }
      byOffice[key] = t
      order.append(key)
    }
    var indicatorsOfYear: [Int: Set<Int32>] = [:]
    for packed in index.keys {
      let key = GroupKey(packed: packed)
      indicatorsOfYear[key.year, default: []].insert(Int32(key.indicator))
    }
    lastKey = .max
    for officeYear in order {
      let t = byOffice[officeYear]!
      guard let present = indicatorsOfYear[officeYear.year], officeYear.year < Int(GroupKey.yearLimit) else { continue }
      guard let e = Int8(exactly: t.target.exponent), e != ObservationColumns.missing else {
        throw targetsSource.error(line: t.line, field: "target", "a number beyond the exact range", found: t.target.description)
      }
      for indicator in present.sorted() {
        let g = index.group(
          for: GroupKey(indicator: indicator, agency: officeYear.agency, year: Int32(officeYear.year)).packed)
        if g == groups.count { groups.append(Group()) }
        if let rowTarget = groups[g].annualTarget {
          if rowTarget != t.target {
            throw source.error(
              line: Int(groups[g].targetLine), field: "target",
              "target differs from \(targetsSource.file) line \(t.line) (\(t.target)) for "
                + "\(names.agencies.names[Int(officeYear.agency)]!) \(t.year)", found: rowTarget.description)
          }
        } else {
          (groups[g].target, groups[g].targetExponent) = (t.target.significand, e)
        }
      }
    }
  }

  /// The note on total rows of the input left out (none when there were none).
  var notes: [String] {
    TotalAgency.note(leftOut: leftOut, computed: QuarterlyPace.nationalTotal).map { [$0] } ?? []
  }

  /// Takes in the accumulator of the next part of the file; false when a quarter of
  /// one group is in both parts (without a duplicates policy) or the targets disagree.
  public mutating func merge(_ next: QuarterlyPaceAccumulator, lineOffset: Int) -> Bool {
    let renumber = names.renumbering(next.names)
    guard names.fitsGroupKeys else { return false }
    for (name, count) in next.leftOut {
      if let i = leftOut.firstIndex(where: { $0.name == name }) { leftOut[i].count += count } else { leftOut.append((name, count)) }
    }
    lastKey = .max
    let offset = Int32(lineOffset)
    reserve(groups: groups.count + next.groups.count)
    for (h, key) in next.index.keys.enumerated() {
      let g = index.group(for: renumber(key))
      var theirs = next.groups[h]
      if g == groups.count {
        // A group only the next part has (all but the groups a cut splits): taken
        // whole, its lines counted from the file's start.
        for i in 0..<4 where theirs.has(quarter: i) { theirs.lines[i] += offset }
        if theirs.targetExponent != ObservationColumns.missing { theirs.targetLine += offset }
        groups.append(theirs)
        continue
      }
      guard groups[g].agrees(target: theirs.target, exponent: theirs.targetExponent) else { return false }
      for i in 0..<4 where theirs.has(quarter: i) {
        guard groups[g].take(theirs.counts[i], theirs.countExponents[i], line: theirs.lines[i] + offset, quarter: i, by: duplicates)
        else { return false }
      }
      groups[g].take(target: theirs.target, exponent: theirs.targetExponent, line: theirs.targetLine + offset)
    }
    for year in lastQuarter.indices where next.lastQuarter[year] > lastQuarter[year] {
      lastQuarter[year] = next.lastQuarter[year]
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

  /// Whether the report has an `indicator` column (some row names an indicator).
  var hasIndicator: Bool {
    index.keys.contains { GroupKey(packed: $0).indicator != 0 }
  }

  /// The output order of the groups, in chunks of about `groupsPerChunk` (whole
  /// indicators when national totals are on).
  func rowOrder(groupsPerChunk: Int = 15_000) -> GroupOrder {
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

  /// Interns the names in `line`, for `QuarterlyPace.appendCSV(to:indicatorColumn:names:ids:)`.
  ///
  /// `extra` holds the expected rates of quarters 1–4 as `line` writes numbers, then the
  /// statuses in `internedStatuses` order: the same bytes as `number(_:)` and
  /// `text(_:)` write for them, escaped once.
  func internNames(into line: inout CSVLineBuffer) -> InternedNames {
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
  func forEachRow(in order: GroupOrder, chunk: Int, _ body: (QuarterlyPace, RowNames) throws -> Void) rethrows {
    // National totals of the current indicator, per year: counts per quarter, target.
    var totals: [Int: (counts: [AggregatedValue?], target: AggregatedValue?)] = [:]
    var currentIndicator = -1
    for g in order.groups[order.chunks[chunk]].lazy.map(Int.init) {
      let key = GroupKey(packed: index.keys[g])
      let indicator = key.indicator
      if indicator != currentIndicator {
        try emitTotals(totals, indicator: currentIndicator, body)
        totals.removeAll(keepingCapacity: true)
        currentIndicator = indicator
      }
      let year = key.year
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
    let key = GroupKey(packed: index.keys[g])
    let indicator = key.indicator
    let year = key.year
    let last = Int(lastQuarter[year])
    let target = groups[g].annualTarget.map(AggregatedValue.init)
    if let sum = running?.target { running!.target = target.map { sum + $0 } }
    var cumulative: AggregatedValue? = AggregatedValue(.zero)
    for q in 1...last {
      let count = groups[g].count(q - 1).map(AggregatedValue.init)
      cumulative = cumulative.flatMap { sum in count.map { sum + $0 } }
      if running != nil, let sum = running!.counts[q - 1] { running!.counts[q - 1] = count.map { sum + $0 } }
      let (rate, pace, status) = QuarterlyPace.decide(cumulative: cumulative, target: target, quarter: q)
      try body(
        QuarterlyPace(
          indicator: names.indicators.names[indicator], agency: names.agencies.names[key.agency]!,
          year: year, quarter: q, count: count, cumulative: cumulative, target: target, cumulativeRate: rate,
          pace: pace, status: status), RowNames(indicator: indicator, agency: key.agency))
    }
  }

  private func emitTotals(
    _ totals: [Int: (counts: [AggregatedValue?], target: AggregatedValue?)], indicator: Int,
    _ body: (QuarterlyPace, RowNames) throws -> Void
  ) rethrows {
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

