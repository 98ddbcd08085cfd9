import IntegrityTables

/// Yearly achievement for every (indicator, agency, year) of a set of observations,
/// with optional totals over agencies: the result of `integrity-stats achievement`.
///
/// Steps (DESIGN.md §4, issue 5):
/// 1. Each row is checked: year ≥ 1, quarter 1…4, month 1…12, no negative figure or
///    target, a milestone figure 1 or 0. (A target of 0 for `increase` or `decrease` is
///    no target: status `no-target`.)
/// 2. The row's direction is the file's, else `--direction`, else the catalog's for
///    its indicator, else `increase`. One (indicator, agency, year) has one direction. An
///    indicator naming a measure whose targets differ in direction, without words that
///    single one out, is a data error naming the candidate targets.
/// 3. Rows group by (indicator, agency, year); offices are recognised in any spelling
///    (`ProsecutorsOffice`). Two rows for one period follow `DuplicatePolicy`; a year
///    mixing an annual row with quarterly rows is an error.
/// 4. Quarterly figures aggregate by `Aggregation` (exact sums), `partial` when fewer
///    than 4 quarters carried a figure. The annual target repeated on quarter rows is
///    taken once (disagreeing rows are an error naming both lines) unless targets are
///    per quarter.
/// 5. Ratio and status by `AchievementRatio.decide`, exactly.
/// 6. With totals: per (indicator, year), `Σ actual / Σ target` over the agencies that
///    have both (ratio of sums, never a mean of ratios); `partial` if any agency row was
///    partial or left out. Rows whose agency is already a total (`TotalAgency`: 總計, 合計,
///    小計, 全國, 全體) are left out, with a note, so nothing is summed twice and no two
///    rows share a key.
/// Rows are sorted by indicator, agency (the total last), year; strings by their
/// UTF-8 bytes, so the same rows in any order give the same output.
public struct AchievementReport: Sendable, Equatable {
  /// The result rows, sorted.
  public var rows: [AchievementRatio]
  /// Notes for the reader (e.g. total rows of the input left out of `--total`).
  public var notes: [String]

  public init(rows: [AchievementRatio], notes: [String] = []) {
    self.rows = rows
    self.notes = notes
  }

  /// Computes the report; throws `DataError` located in `source` for bad rows.
  ///
  /// - Parameters:
  ///   - observations: the rows read (``ObservationSet/observations``).
  ///   - options: direction, aggregation, duplicates, target period, near threshold, totals.
  ///   - source: where the rows came from, for error locations.
  ///   - catalogDirection: the catalog's direction for an indicator
  ///     (`ActionPlanCatalog.direction(forIndicator:)`), consulted once per indicator.
  /// - Complexity: O(n) hashing plus sorting within each group and of the result.
  public init(
    observations: [Observation], options: AchievementOptions = AchievementOptions(),
    source: AggregationSource = AggregationSource(file: "<input>"),
    catalogDirection: @escaping (String) throws -> Direction? = { _ in nil }
  ) throws {
    var builder = AchievementBuilder(options: options, source: source, catalogDirection: catalogDirection)
    // With totals, rows the input already gives as totals (合計, 總計 …) are left out.
    let (rows, leftOut) = options.total ? TotalAgency.excluding(observations) : (observations, [])
    try builder.add(rows)
    self.rows = try builder.finish()
    self.notes = TotalAgency.note(leftOut: leftOut, computed: AchievementRatio.totalAgency).map { [$0] } ?? []
  }
}

/// String interning and grouping shared by the achievement and pace computations.
struct KeyInterner {
  private(set) var names: [String?] = [nil]
  private var ids: [String: Int32] = [:]
  private var rawIDs: [String: Int32] = [:]
  private var lastRaw: String?
  private var lastID: Int32 = 0
  let canonicalize: (String) -> String

  init(canonicalize: @escaping (String) -> String) {
    self.canonicalize = canonicalize
  }

  /// The id of `raw`'s canonical form (0 for nil).
  mutating func id(_ raw: String?) -> Int32 {
    guard let raw else { return 0 }
    if raw == lastRaw { return lastID }
    let result: Int32
    if let known = rawIDs[raw] {
      result = known
    } else {
      let name = canonicalize(raw)
      if let known = ids[name] {
        result = known
      } else {
        result = Int32(names.count)
        names.append(name)
        ids[name] = result
      }
      rawIDs[raw] = result
    }
    lastRaw = raw
    lastID = result
    return result
  }
}

/// Orders optional strings: `nil` first, then by UTF-8 bytes (as Python and pandas do).
func utf8Precedes(_ a: String?, _ b: String?) -> Bool {
  switch (a, b) {
  case (nil, nil): false
  case (nil, _): true
  case (_, nil): false
  case (let a?, let b?): a.utf8.lexicographicallyPrecedes(b.utf8)
  }
}

struct AchievementBuilder {
  let options: AchievementOptions
  let source: AggregationSource
  let catalogDirection: (String) throws -> Direction?

  struct GroupKey: Hashable {
    var indicator: Int32
    var agency: Int32
    var year: Int
  }

  private var indicators = KeyInterner(canonicalize: { ProsecutorsOffice.trimmed($0) })
  private var agencies = KeyInterner(canonicalize: ProsecutorsOffice.canonicalName)
  private var catalogCache: [Int32: Direction?] = [:]
  private var groupIndex: [GroupKey: Int] = [:]
  private var groupKeys: [GroupKey] = []
  private var rowGroup: [Int32] = []
  private var observations: [Observation] = []
  private var directions: [Direction] = []

  init(options: AchievementOptions, source: AggregationSource, catalogDirection: @escaping (String) throws -> Direction?) {
    self.options = options
    self.source = source
    self.catalogDirection = catalogDirection
  }

  /// Takes the rows (sharing their storage, not copying them); call once.
  mutating func add(_ rows: [Observation]) throws {
    observations = rows
    rowGroup.reserveCapacity(rows.count)
    directions.reserveCapacity(rows.count)
    for row in rows {
      try check(row)
      let indicator = indicators.id(row.indicator)
      let direction = try resolveDirection(row, indicator: indicator)
      if direction == .milestone, let value = row.value, value != DecimalNumber(0), value != DecimalNumber(1) {
        throw source.error(
          line: row.line, field: "value", "expected a milestone figure 1 or 0 (done or not done)",
          found: value.description)
      }
      let key = GroupKey(indicator: indicator, agency: agencies.id(row.agency), year: row.period.year)
      let group: Int
      if let known = groupIndex[key] {
        group = known
      } else {
        group = groupKeys.count
        groupIndex[key] = group
        groupKeys.append(key)
      }
      rowGroup.append(Int32(group))
      directions.append(direction)
    }
  }

  /// Row-level checks that need no other row.
  func check(_ row: Observation) throws {
    let period = row.period
    if period.year < 1 {
      throw source.error(
        line: row.line, field: "year", fallbacks: ["period"], "expected a year", found: "\(period.year)")
    }
    if let q = period.quarter, !(1...4).contains(q) {
      throw source.error(
        line: row.line, field: "quarter", fallbacks: ["period"], "expected a quarter 1 to 4", found: "\(q)")
    }
    if let m = period.month, !(1...12).contains(m) {
      throw source.error(
        line: row.line, field: "month", fallbacks: ["period"], "expected a month 1 to 12", found: "\(m)")
    }
    if let value = row.value, value.isNegative {
      throw source.error(
        line: row.line, field: "value", "expected a figure of 0 or more", found: value.description)
    }
    if let target = row.target, target.isNegative {
      throw source.error(
        line: row.line, field: "target", "expected a target of 0 or more", found: target.description)
    }
  }

  mutating func resolveDirection(_ row: Observation, indicator: Int32) throws -> Direction {
    if let d = row.direction ?? options.direction { return d }
    guard indicator != 0 else { return .increase }
    if let cached = catalogCache[indicator] { return cached ?? .increase }
    let name = indicators.names[Int(indicator)]
    let found: Direction?
    do {
      found = try name.flatMap(catalogDirection)
    } catch {
      throw source.error(
        line: row.line, field: "indicator",
        "\(error); name the target (e.g. \(Self.example(error))) or give the direction (a direction column, or --direction)",
        found: name)
    }
    catalogCache[indicator] = found
    return found ?? .increase
  }

  /// A target id to suggest in the message of an ambiguous indicator.
  static func example(_ error: Error) -> String {
    (error as? AmbiguousCatalogDirection)?.candidates.first?.id ?? "8-8-1"
  }

  /// One period's merged figures within a group.
  struct PeriodRecord {
    var period: Period
    var value: AggregatedValue?
    var target: DecimalNumber?
    var line: Int
  }

  func finish() throws -> [AchievementRatio] {
    // Bucket rows by group (counting sort keeps the work linear).
    let groupCount = groupKeys.count
    var starts = [Int](repeating: 0, count: groupCount + 1)
    for g in rowGroup { starts[Int(g) + 1] += 1 }
    for i in 0..<groupCount { starts[i + 1] += starts[i] }
    var next = starts
    var order = [Int32](repeating: 0, count: observations.count)
    for (row, g) in rowGroup.enumerated() {
      order[next[Int(g)]] = Int32(row)
      next[Int(g)] += 1
    }
    var results: [AchievementRatio] = []
    results.reserveCapacity(groupCount)
    let rows = observations
    // Scratch buffers reused across groups (no allocation per group).
    var members: [Int] = []
    var scratch = Scratch()
    for g in 0..<groupCount {
      members.removeAll(keepingCapacity: true)
      for m in order[starts[g]..<starts[g + 1]] { members.append(Int(m)) }
      if members.count > 1 {
        members.sort { x, y in
          let a = rows[x].period, b = rows[y].period
          return a != b ? a < b : rows[x].line < rows[y].line
        }
      }
      results.append(try aggregate(group: groupKeys[g], members: members, scratch: &scratch))
    }
    if options.total {
      results += try totals(results)
    }
    return sorted(results)
  }

  /// Sorts by indicator, total last, agency, year — strings by UTF-8 bytes — through
  /// integer ranks of the interned names, packed into one 64-bit key per row.
  func sorted(_ rows: [AchievementRatio]) -> [AchievementRatio] {
    func ranks(_ names: [String?]) -> [String?: UInt64] {
      let order = names.indices.sorted { utf8Precedes(names[$0], names[$1]) }
      var rank: [String?: UInt64] = [:]
      for (position, index) in order.enumerated() { rank[names[index]] = UInt64(position) }
      return rank
    }
    let indicatorRank = ranks(indicators.names)
    var agencyNames = agencies.names
    agencyNames.append(AchievementRatio.totalAgency)
    let agencyRank = ranks(agencyNames)
    let minYear = rows.map(\.year).min() ?? 0
    let maxYear = rows.map(\.year).max() ?? 0
    guard indicatorRank.count < 1 << 20, agencyRank.count < 1 << 24, maxYear - minYear < 1 << 19 else {
      return rows.sorted { a, b in
        if a.indicator != b.indicator { return utf8Precedes(a.indicator, b.indicator) }
        if a.isTotal != b.isTotal { return !a.isTotal }
        if a.agency != b.agency { return utf8Precedes(a.agency, b.agency) }
        return a.year < b.year
      }
    }
    // indicator rank: 20 bits · total: 1 bit · agency rank: 24 bits · year offset: 19 bits.
    var keyed: [(key: UInt64, index: Int)] = []
    keyed.reserveCapacity(rows.count)
    var lastIndicator: String?? = .none
    var lastIndicatorRank: UInt64 = 0
    for (index, row) in rows.enumerated() {
      if lastIndicator != .some(row.indicator) {
        lastIndicator = .some(row.indicator)
        lastIndicatorRank = indicatorRank[row.indicator] ?? 0
      }
      let agency = row.isTotal ? 0 : agencyRank[row.agency] ?? 0
      let key = lastIndicatorRank << 44 | (row.isTotal ? 1 : 0) << 43 | agency << 19 | UInt64(row.year - minYear)
      keyed.append((key, index))
    }
    keyed.sort { $0.key < $1.key }
    return keyed.map { rows[$0.index] }
  }

  private func describe(_ key: GroupKey) -> String {
    var parts: [String] = []
    if let i = indicators.names[Int(key.indicator)] { parts.append(i) }
    if let a = agencies.names[Int(key.agency)] { parts.append(a) }
    parts.append("\(key.year)")
    return parts.joined(separator: ", ")
  }

  /// Buffers `aggregate` reuses from group to group.
  struct Scratch {
    var records: [PeriodRecord] = []
    var targetLines: [(target: DecimalNumber, line: Int)] = []
    var values: [AggregatedValue] = []
  }

  func aggregate(group key: GroupKey, members: [Int], scratch: inout Scratch) throws -> AchievementRatio {
    let first = observations[members[0]]
    let direction = directions[members[0]]
    // One direction and one kind of period per group.
    let isSubPeriod: (Period) -> Bool = { $0.quarter != nil || $0.month != nil }
    for m in members.dropFirst() {
      let row = observations[m]
      if directions[m] != direction {
        let earlier = members.first { directions[$0] == direction }.map { observations[$0].line } ?? first.line
        throw source.error(
          line: row.line, field: "direction",
          "direction differs from line \(earlier) for \(describe(key)) (found \(directions[m].rawValue), "
            + "line \(earlier) has \(direction.rawValue))", found: directions[m].rawValue)
      }
      if isSubPeriod(row.period) != isSubPeriod(first.period)
        || (row.period.quarter == nil) != (first.period.quarter == nil)
      {
        throw source.error(
          line: row.line, field: "quarter", fallbacks: ["period", "year"],
          "period \(row.period) of \(describe(key)) mixes with period \(first.period) on line \(first.line) "
            + "(a year is reported either annually or by quarter, not both)",
          found: row.period.description)
      }
    }
    // Merge rows of the same period by the duplicates policy.
    var records = scratch.records
    var targetLines = scratch.targetLines
    scratch.records = []
    scratch.targetLines = []
    records.removeAll(keepingCapacity: true)
    targetLines.removeAll(keepingCapacity: true)
    defer {
      scratch.records = records
      scratch.targetLines = targetLines
    }
    for m in members {
      let row = observations[m]
      if let t = row.target { targetLines.append((t, row.line)) }
      let value = row.value.map(AggregatedValue.init)
      if let last = records.last, last.period == row.period {
        switch options.duplicates {
        case .error:
          throw source.error(
            line: row.line, field: "value",
            "duplicate row for \(describe(key)) period \(row.period): line \(last.line) has the same "
              + "indicator, agency and period (use --duplicates sum or last)",
            found: row.value?.description ?? "")
        case .sum:
          var merged = last
          switch (last.value, value) {
          case (let a?, let b?): merged.value = a + b
          case (nil, let b): merged.value = b
          case (let a, nil): merged.value = a
          }
          merged.target = last.target ?? row.target
          merged.line = row.line
          records[records.count - 1] = merged
        case .last:
          // The later row replaces the earlier one, target included.
          targetLines.removeAll { $0.line == last.line }
          records[records.count - 1] = PeriodRecord(
            period: row.period, value: value, target: row.target, line: row.line)
        }
      } else {
        records.append(PeriodRecord(period: row.period, value: value, target: row.target, line: row.line))
      }
    }
    let indicator = indicators.names[Int(key.indicator)]
    let agency = agencies.names[Int(key.agency)]

    // The annual target: taken once; rows that disagree are an error naming both lines.
    var yearTarget: AggregatedValue?
    if let (t0, line0) = targetLines.first {
      if let other = targetLines.first(where: { $0.target != t0 }),
        !isSubPeriod(first.period) || options.targetPer == .year
      {
        throw source.error(
          line: Swift.max(other.line, line0), field: "target",
          "annual target differs between lines \(Swift.min(other.line, line0)) and "
            + "\(Swift.max(other.line, line0)) for \(describe(key)) (\(t0) and \(other.target); "
            + "use --target-per quarter if targets are per quarter)",
          found: (other.line > line0 ? other.target : t0).description)
      }
      yearTarget = AggregatedValue(t0)
    }

    // An annual row.
    if !isSubPeriod(first.period) {
      let record = records[0]
      let target = yearTarget
      let (ratio, status) = AchievementRatio.decide(
        actual: record.value, target: target, direction: direction, near: options.near)
      return AchievementRatio(
        indicator: indicator, agency: agency, year: key.year, actual: record.value, target: target,
        direction: direction, ratio: ratio, status: status)
    }

    // Quarterly or monthly rows.
    let expected = first.period.quarter != nil ? 4 : 12
    var values = scratch.values
    scratch.values = []
    values.removeAll(keepingCapacity: true)
    for record in records { if let v = record.value { values.append(v) } }
    defer { scratch.values = values }
    let reportedCount = values.count
    let actual = AchievementBuilder.aggregate(values, by: options.aggregation)
    let target: AggregatedValue?
    switch options.targetPer {
    case .year:
      target = yearTarget
    case .quarter:
      let targets = records.compactMap { $0.target.map(AggregatedValue.init) }
      target = AchievementBuilder.aggregate(targets, by: options.aggregation)
    }
    let (ratio, status) = AchievementRatio.decide(
      actual: actual, target: target, direction: direction, near: options.near)
    return AchievementRatio(
      indicator: indicator, agency: agency, year: key.year, actual: actual, target: target,
      direction: direction, ratio: ratio, status: status, partial: reportedCount < expected,
      periodsReported: reportedCount)
  }

  /// Aggregates values in period order; `nil` when there are none.
  static func aggregate(_ values: [AggregatedValue], by aggregation: Aggregation) -> AggregatedValue? {
    guard var result = values.first else { return nil }
    switch aggregation {
    case .sum, .mean:
      for v in values.dropFirst() { result = result + v }
      if aggregation == .mean { result.divisor *= values.count }
    case .last:
      result = values[values.count - 1]
    case .max:
      for v in values.dropFirst() where v.compare(result) > 0 { result = v }
    }
    return result
  }

  /// Totals over agencies per (indicator, year): ratio of sums.
  func totals(_ rows: [AchievementRatio]) throws -> [AchievementRatio] {
    try AchievementBuilder.totals(rows, options: options)
  }

  /// Totals over agencies per (indicator, year) of `rows`, in first-seen order.
  static func totals(_ rows: [AchievementRatio], options: AchievementOptions) throws -> [AchievementRatio] {
    struct TotalKey: Hashable {
      var indicator: String?
      var year: Int
    }
    var groups: [TotalKey: [AchievementRatio]] = [:]
    var keys: [TotalKey] = []
    for row in rows where row.agency != nil {
      let key = TotalKey(indicator: row.indicator, year: row.year)
      if groups[key] == nil { keys.append(key) }
      groups[key, default: []].append(row)
    }
    var result: [AchievementRatio] = []
    for key in keys {
      let members = groups[key]!
      let direction = members[0].direction
      if let other = members.first(where: { $0.direction != direction }) {
        throw UsageError(
          "cannot total \(key.indicator ?? "the indicator") in \(key.year): agencies give directions "
            + "\(direction.rawValue) and \(other.direction.rawValue)")
      }
      let needsTarget = direction == .increase || direction == .decrease
      let included = members.filter { $0.actual != nil && (!needsTarget || $0.status != .noTarget) }
      var actual: AggregatedValue?
      var target: AggregatedValue?
      for row in included {
        if let a = row.actual { actual = actual.map { $0 + a } ?? a }
        if let t = row.target { target = target.map { $0 + t } ?? t }
      }
      var (ratio, status) = AchievementRatio.decide(
        actual: actual, target: target, direction: direction, near: options.near)
      if direction == .milestone, !included.isEmpty {
        // A milestone total is achieved only when every agency is done.
        ratio = nil
        status = included.allSatisfy { $0.status == .achieved } ? .achieved : .behind
      }
      result.append(
        AchievementRatio(
          indicator: key.indicator, agency: AchievementRatio.totalAgency, year: key.year,
          actual: actual, target: target, direction: direction, ratio: ratio, status: status,
          partial: included.count < members.count || included.contains { $0.partial },
          periodsReported: 0, isTotal: true))
    }
    return result
  }
}
