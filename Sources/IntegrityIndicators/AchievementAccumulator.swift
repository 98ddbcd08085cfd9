import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData
import IntegrityActionPlan

/// The computation of `integrity-stats achievement`: yearly achievement per (indicator,
/// agency, year), fed row by row by the reader (any input) or by `consume(_:source:)`
/// (observations), on one or two cores (`merge`).
///
/// Steps, per row:
/// 1. The row is checked: year ≥ 1, quarter 1…4, month 1…12, no negative figure or
///    target, a milestone figure 1 or 0 — else a `DataError` at the row (a reject
///    under `skipBadRows`).
/// 2. Its direction is the file's, else `AchievementOptions.direction`, else the
///    catalog's for its indicator, else `increase`; an indicator naming a measure whose
///    targets differ in direction, without words that single one out, is an error at the
///    row. One group has one direction.
/// 3. Rows group by `GroupKey` (indicator, agency, year; offices in any spelling are one
///    office). A year is reported annually, by quarter or by month, not a mix.
/// 4. Figures aggregate by `Aggregation` exactly (64-bit scaled integers, exact
///    `AggregatedValue`s beyond), `partial` when fewer than 4 quarters (12 months)
///    carried a figure. The annual target repeated on quarter rows is taken once (rows
///    that disagree are an error naming both lines) unless targets are per quarter.
///    Two rows for one period: an error (`DuplicatePolicy.error`), else each group's rows
///    are kept and folded at the end, in period and line order (`sum` adds the figures,
///    `last` keeps the later line).
/// 5. Ratio and status by `AchievementRatio.decide`, exactly.
/// 6. With totals: per (indicator, year) the ratio of sums over agencies
///    (`AchievementRatio.totals`); input rows whose agency is already a total
///    (`TotalAgency`) are left out, with a note.
///
/// State: 56 bytes per group in the usual case; `AchievementReport` renders it.
public struct AchievementAccumulator: ColumnarConsumer, Sendable {
  let options: AchievementOptions
  let catalogDirection: @Sendable (String) throws -> Direction?
  private(set) var source = AggregationSource(file: "<input>")

  private(set) var names = OfficeKeyMap()
  /// Per canonical indicator: the direction of rows that state none (`Direction.code`;
  /// 0 not resolved yet).
  private var defaultDirections: [UInt8] = []

  private(set) var index = GroupIndex()
  private var lastKey: UInt64 = .max
  private var lastGroup = 0
  /// Per group, in the order `index` numbers them.
  private(set) var groups: [GroupState] = []
  /// Groups whose figures left 64 bits, or were folded from kept rows: their exact figures.
  private(set) var exact: [Int32: ExactFigures] = [:]
  /// Rows kept for folding at the end (`duplicates` sum or last, or targets per quarter).
  private var kept: [KeptRow] = []
  /// Total rows of the input left out with totals on, by name, in first-seen order.
  private(set) var leftOut: [(name: String, count: Int)] = []

  /// Whether rows are kept and folded at the end instead of aggregated as they come.
  var keepsRows: Bool { options.duplicates != .error || options.targetPer == .quarter }

  /// What one (indicator, agency, year) group keeps: 56 bytes.
  struct GroupState: Sendable {
    var value = Running()
    /// The annual target (exponent `missing`: none).
    var target: Int64 = 0
    var targetExponent = ObservationColumns.missing
    /// The kind of the group's periods (`PeriodKind`), and the periods seen: bit 0 the
    /// annual row, bits 1–12 quarters or months.
    var kind: PeriodKind = .none
    var periods: UInt16 = 0
    /// The group's first period (for messages) and direction (`Direction.code`).
    var firstPeriod: UInt8 = 0
    var direction: UInt8 = 0
    /// The group's figures are in `exact`.
    var isExact = false
    /// The line of the group's first row, and of the target kept.
    var firstLine: Int32 = 0
    var targetLine: Int32 = 0
    /// The lines of quarters 1–4 (for the message about a repeated quarter).
    var quarterLines: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)

    /// The line of period `p` when the group keeps it (its annual row or a quarter).
    func line(ofPeriod p: UInt8) -> Int32? {
      switch (kind, p) {
      case (.annual, _): firstLine
      case (.quarter, 1): quarterLines.0
      case (.quarter, 2): quarterLines.1
      case (.quarter, 3): quarterLines.2
      case (.quarter, 4): quarterLines.3
      default: nil
      }
    }

    /// Takes a checked row of period `p` in place: its figure into `value` when `figure`
    /// (false, unchanged, when the sum leaves 64 bits), its target when `target`, the
    /// period's bit and line.
    @inline(__always)
    mutating func take(_ row: ObservationRow, period p: UInt8, figure: Bool, target: Bool, by aggregation: Aggregation) -> Bool {
      if target { (self.target, targetExponent, targetLine) = (row.target, row.targetExponent, row.line) }
      var fits = true
      if figure && row.valueExponent != ObservationColumns.missing {
        fits = value.take(row.value, row.valueExponent, period: p, by: aggregation)
      }
      periods |= 1 << p
      setLine(row.line, ofPeriod: p)
      return fits
    }

    mutating func setLine(_ line: Int32, ofPeriod p: UInt8) {
      guard kind == .quarter else { return }
      switch p {
      case 1: quarterLines.0 = line
      case 2: quarterLines.1 = line
      case 3: quarterLines.2 = line
      default: quarterLines.3 = line
      }
    }
  }

  /// The kind of periods a group holds.
  enum PeriodKind: UInt8, Sendable {
    case none, annual, quarter, month

    /// How many periods make a full year.
    var expected: Int { self == .month ? 12 : self == .quarter ? 4 : 1 }
  }

  /// An exact aggregate, as the rows come: `significand·10^exponent` (exponent
  /// `missing`: no figure yet), the figures taken, and the period of the kept one
  /// (`last`).
  struct Running: Sendable {
    var significand: Int64 = 0
    var exponent = ObservationColumns.missing
    var count: UInt8 = 0
    var period: UInt8 = 0

    /// Takes a figure of `period`; false (unchanged) when the result leaves 64 bits.
    @inline(__always)
    mutating func take(_ s: Int64, _ e: Int8, period p: UInt8, by aggregation: Aggregation) -> Bool {
      if exponent == ObservationColumns.missing {
        (significand, exponent, period, count) = (s, e, p, 1)
        return true
      }
      switch aggregation {
      case .last:
        if p > period { (significand, exponent, period) = (s, e, p) }
      case .max:
        // The largest; on a tie the earlier stays (equal decimals print the same).
        guard let (kept, new) = ScaledInteger.align(significand, exponent, s, e) else { return false }
        if new > kept { (significand, exponent) = (s, e) }
      case .sum, .mean:
        if exponent == e {
          let (sum, overflow) = significand.addingReportingOverflow(s)
          if overflow { return false }
          significand = sum
        } else {
          guard let (sum, se) = ScaledInteger.add(significand, exponent, s, e) else { return false }
          (significand, exponent) = (sum, se)
        }
      }
      count &+= 1
      return true
    }

    /// Takes another part's aggregate (of later periods or lines); false when it leaves 64 bits.
    mutating func take(_ other: Running, by aggregation: Aggregation) -> Bool {
      guard other.exponent != ObservationColumns.missing else { return true }
      let count = self.count
      guard take(other.significand, other.exponent, period: other.period, by: aggregation) else { return false }
      self.count = count &+ other.count
      return true
    }

    /// The aggregate as an exact value (a mean as a fraction); nil without figures.
    func value(by aggregation: Aggregation) -> AggregatedValue? {
      guard exponent != ObservationColumns.missing else { return nil }
      var v = AggregatedValue(DecimalNumber(significand: significand, exponent: Int32(exponent)))
      if aggregation == .mean { v.divisor = Int(count) }
      return v
    }
  }

  /// A group's exact figures (beyond 64 bits, or folded from kept rows).
  struct ExactFigures: Sendable {
    var actual: AggregatedValue?
    var target: AggregatedValue?
    /// Periods that carried a figure.
    var count: Int
    /// The period of the kept figure (`last`).
    var period: UInt8 = 0
  }

  /// A row kept for folding at the end.
  struct KeptRow: Sendable {
    var group: Int32
    var period: UInt8
    var line: Int32
    var value: Int64
    var target: Int64
    var valueExponent: Int8
    var targetExponent: Int8
  }

  public init(
    options: AchievementOptions = AchievementOptions(),
    catalogDirection: @escaping @Sendable (String) throws -> Direction? = { _ in nil }
  ) {
    self.options = options
    self.catalogDirection = catalogDirection
  }

  public mutating func begin(source: AggregationSource) {
    self.source = source
  }

  // MARK: rows

  /// Adds a row; throws, with the state unchanged, when the row is wrong.
  @usableFromInline package mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) throws(DataError) {
    if names.needsSync(row) {
      names.sync(keys)
      guard names.fitsGroupKeys else { throw source.error(line: Int(row.line), field: "agency", "more than 16,777,215 distinct names") }
    }
    let line = Int(row.line)
    let year = row.year
    guard year >= 1, year < GroupKey.yearLimit else {
      throw source.error(line: line, field: "year", fallbacks: ["period"], "expected a year", found: "\(year)")
    }
    let (kind, period) = try self.period(of: row)
    // A total row of the input with totals on: left out, and counted for the note.
    if options.total && names.agencyIsTotal[Int(row.agency)] {
      let name = keys.agencies[Int(row.agency)] ?? ""
      if let i = leftOut.firstIndex(where: { $0.name == name }) { leftOut[i].count += 1 } else { leftOut.append((name, 1)) }
      return
    }
    let indicator = names.indicatorIDs[Int(row.indicator)]
    // The file's direction, else the one found for the indicator before (an array
    // read), else found now (`defaultDirection`: the option, the catalog, increase).
    let known = Int(indicator) < defaultDirections.count ? defaultDirections[Int(indicator)] : 0
    let direction = row.direction != 0 ? row.direction : known != 0 ? known : try defaultDirection(indicator, line: line)
    let missing = ObservationColumns.missing
    if row.valueExponent != missing {
      if row.value < 0 {
        throw source.error(line: line, field: "value", "expected a figure of 0 or more", found: figureText(row.value, row.valueExponent))
      }
      if direction == Direction.milestone.code && row.value != 0
        && DecimalNumber(significand: row.value, exponent: Int32(row.valueExponent)) != DecimalNumber(1)
      {
        throw source.error(
          line: line, field: "value", "expected a milestone figure 1 or 0 (done or not done)",
          found: figureText(row.value, row.valueExponent))
      }
    }
    if row.targetExponent != missing && row.target < 0 {
      throw source.error(line: line, field: "target", "expected a target of 0 or more", found: figureText(row.target, row.targetExponent))
    }
    let key = GroupKey(indicator: indicator, agency: names.agencyIDs[Int(row.agency)], year: year).packed
    let g: Int
    if key == lastKey {
      g = lastGroup
    } else {
      g = index.group(for: key)
      if g == groups.count {
        var state = GroupState()
        state.kind = kind
        state.firstPeriod = period
        state.direction = direction
        state.firstLine = row.line
        groups.append(state)
      }
      lastKey = key
      lastGroup = g
    }
    // The group is read field by field and updated in place (`GroupState.take`): a copy
    // of the whole state written back per row costs a stalled wide load on some cores.
    if direction != groups[g].direction || kind != groups[g].kind {
      throw mismatch(groups[g], kind: kind, period: period, direction: direction, key: key, line: line)
    }
    if keepsRows {
      kept.append(
        KeptRow(
          group: Int32(g), period: period, line: row.line, value: row.value, target: row.target,
          valueExponent: row.valueExponent, targetExponent: row.targetExponent))
      groups[g].periods |= 1 << period
      return
    }
    if groups[g].periods & (1 << period) != 0 {
      let earlier = groups[g].line(ofPeriod: period).map { "line \($0)" } ?? "an earlier line"
      throw source.error(
        line: line, field: "value",
        "duplicate row for \(describe(key)) period \(Self.periodText(year: Int(year), kind: kind, period: period)): \(earlier) has the same "
          + "indicator, agency and period",
        found: row.valueExponent == missing ? "" : figureText(row.value, row.valueExponent), remedy: .aggregateDuplicates)
    }
    var takesTarget = false
    if row.targetExponent != missing {
      let (target, targetExponent) = (groups[g].target, groups[g].targetExponent)
      if targetExponent == missing {
        takesTarget = true
      } else if !(target == row.target && targetExponent == row.targetExponent) {
        let known = DecimalNumber(significand: target, exponent: Int32(targetExponent))
        let new = DecimalNumber(significand: row.target, exponent: Int32(row.targetExponent))
        if known != new {
          throw source.error(
            line: line, field: "target",
            "annual target differs between lines \(groups[g].targetLine) and \(line) for \(describe(key)) (\(known) and \(new))",
            found: new.description, remedy: .targetPerQuarter)
        }
      }
    }
    let isExact = groups[g].isExact
    if isExact && row.valueExponent != missing {
      exact[Int32(g)]!.take(row.value, row.valueExponent, period: period, by: options.aggregation)
    }
    let fits = groups[g].take(row, period: period, figure: !isExact, target: takesTarget, by: options.aggregation)
    if !fits {
      // Beyond 64 bits: the group goes on in exact decimals.
      let value = groups[g].value
      var figures = ExactFigures(actual: value.value(by: .sum), target: nil, count: Int(value.count), period: value.period)
      figures.take(row.value, row.valueExponent, period: period, by: options.aggregation)
      exact[Int32(g)] = figures
      groups[g].isExact = true
    }
  }

  /// The kind and number of a row's period (bit 0 annual, else its quarter or month).
  @inline(__always)
  func period(of row: ObservationRow) throws(DataError) -> (PeriodKind, UInt8) {
    if row.month != 0 {
      guard row.month <= 12 else {
        throw source.error(line: Int(row.line), field: "month", fallbacks: ["period"], "expected a month 1 to 12", found: "\(row.month)")
      }
      return (.month, row.month)
    }
    if row.quarter != 0 {
      guard row.quarter <= 4 else {
        throw source.error(
          line: Int(row.line), field: "quarter", fallbacks: ["period"], "expected a quarter 1 to 4", found: "\(row.quarter)")
      }
      return (.quarter, row.quarter)
    }
    return (.annual, 0)
  }

  /// Why a row cannot join its group: one direction and one kind of period per group.
  /// Called only when one differs: calling a non-mutating method from `add` copies the
  /// whole accumulator (344 bytes, a `memcpy` a row even when inlined).
  private func mismatch(
    _ state: GroupState, kind: PeriodKind, period: UInt8, direction: UInt8, key: UInt64, line: Int
  ) -> DataError {
    if direction != state.direction {
      let found = Direction(code: direction)!.rawValue
      let earlier = Direction(code: state.direction)!.rawValue
      return source.error(
        line: line, field: "direction",
        "direction differs from line \(state.firstLine) for \(describe(key)) (found \(found), "
          + "line \(state.firstLine) has \(earlier))", found: found)
    }
    let year = GroupKey(packed: key).year
    return source.error(
      line: line, field: "quarter", fallbacks: ["period", "year"],
      "period \(Self.periodText(year: year, kind: kind, period: period)) of \(describe(key)) mixes with period "
        + "\(Self.periodText(year: year, kind: state.kind, period: state.firstPeriod)) on line \(state.firstLine) "
        + "(a year is reported either annually or by quarter, not both)",
      found: Self.periodText(year: year, kind: kind, period: period))
  }

  /// The direction of rows of canonical indicator `indicator` that state none.
  private mutating func defaultDirection(_ indicator: Int32, line: Int) throws(DataError) -> UInt8 {
    let i = Int(indicator)
    while defaultDirections.count <= i { defaultDirections.append(0) }
    if defaultDirections[i] != 0 { return defaultDirections[i] }
    var direction = options.direction ?? .increase
    if options.direction == nil, let name = names.indicators.names[i] {
      do {
        direction = try catalogDirection(name) ?? .increase
      } catch {
        let example = (error as? AmbiguousCatalogDirection)?.candidates.first?.id ?? "8-8-1"
        throw source.error(
          line: line, field: "indicator",
          "\(error)", found: name, remedy: .direction(exampleTarget: example))
      }
    }
    defaultDirections[i] = direction.code
    return direction.code
  }

  private func figureText(_ s: Int64, _ e: Int8) -> String {
    DecimalNumber(significand: s, exponent: Int32(e)).description
  }

  /// `indicator, agency, year` for messages.
  func describe(_ key: UInt64) -> String {
    let k = GroupKey(packed: key)
    var parts: [String] = []
    if let i = names.indicators.names[k.indicator] { parts.append(i) }
    if let a = names.agencies.names[k.agency] { parts.append(a) }
    parts.append("\(k.year)")
    return parts.joined(separator: ", ")
  }

  /// A period as `Period` prints it.
  static func periodText(year: Int, kind: PeriodKind, period: UInt8) -> String {
    Period(year: year, quarter: kind == .quarter ? Int(period) : nil, month: kind == .month ? Int(period) : nil).description
  }

  // MARK: parts

  /// Takes in the accumulator of the next part of the file; false when a group has rows
  /// in both parts that cannot be merged (a period in both, periods of two kinds,
  /// directions or targets that disagree).
  public mutating func merge(_ next: AchievementAccumulator, lineOffset: Int) -> Bool {
    let renumber = names.renumbering(next.names)
    guard names.fitsGroupKeys else { return false }
    for (name, count) in next.leftOut {
      if let i = leftOut.firstIndex(where: { $0.name == name }) { leftOut[i].count += count } else { leftOut.append((name, count)) }
    }
    lastKey = .max
    let offset = Int32(lineOffset)
    groups.reserveCapacity(groups.count + next.groups.count)
    index.reserveCapacity(groups.count + next.groups.count)
    var newGroup = [Int32](repeating: 0, count: next.groups.count)
    for (h, key) in next.index.keys.enumerated() {
      let g = index.group(for: renumber(key))
      newGroup[h] = Int32(g)
      var other = next.groups[h]
      other.firstLine += offset
      if other.kind == .quarter {
        other.quarterLines = (
          other.quarterLines.0 + offset, other.quarterLines.1 + offset, other.quarterLines.2 + offset,
          other.quarterLines.3 + offset
        )
      }
      if other.targetExponent != ObservationColumns.missing { other.targetLine += offset }
      if g == groups.count {
        groups.append(other)
        if other.isExact { exact[Int32(g)] = next.exact[Int32(h)] }
        continue
      }
      var state = groups[g]
      guard state.kind == other.kind, state.direction == other.direction, keepsRows || state.periods & other.periods == 0
      else { return false }
      for q in UInt8(1)...4 where other.periods & (1 << q) != 0 { state.setLine(other.line(ofPeriod: q)!, ofPeriod: q) }
      state.periods |= other.periods
      if other.targetExponent != ObservationColumns.missing {
        if state.targetExponent == ObservationColumns.missing {
          (state.target, state.targetExponent, state.targetLine) = (other.target, other.targetExponent, other.targetLine)
        } else if DecimalNumber(significand: state.target, exponent: Int32(state.targetExponent))
          != DecimalNumber(significand: other.target, exponent: Int32(other.targetExponent))
        {
          return false
        }
      }
      if state.isExact || other.isExact {
        var mine = state.isExact ? exact[Int32(g)]! : ExactFigures(state.value, by: options.aggregation)
        let theirs = other.isExact ? next.exact[Int32(h)]! : ExactFigures(other.value, by: options.aggregation)
        mine.take(theirs, by: options.aggregation)
        exact[Int32(g)] = mine
        state.isExact = true
      } else if !state.value.take(other.value, by: options.aggregation) {
        var mine = ExactFigures(state.value, by: options.aggregation)
        mine.take(ExactFigures(other.value, by: options.aggregation), by: options.aggregation)
        exact[Int32(g)] = mine
        state.isExact = true
      }
      groups[g] = state
    }
    for var row in next.kept {
      row.group = newGroup[Int(row.group)]
      row.line += offset
      kept.append(row)
    }
    return true
  }

  /// Makes room for the groups of `rows` rows, at the groups per row seen so far.
  public mutating func expect(rows: Int, after seen: Int) {
    let expected = GroupIndex.expectedGroups(groups.count, after: seen, of: rows)
    groups.reserveCapacity(expected)
    index.reserveCapacity(expected)
  }

  // MARK: kept rows

  /// Folds the kept rows (`keepsRows`) into each group's exact figures: per group in
  /// period and line order, rows of one period merged by `DuplicatePolicy`, targets
  /// taken once per year (or aggregated per quarter with `TargetPeriod.quarter`).
  mutating func foldKeptRows() throws(DataError) {
    guard !kept.isEmpty else { return }
    var rows = kept
    kept = []
    rows.sort { ($0.group, $0.period, $0.line) < ($1.group, $1.period, $1.line) }
    var i = 0
    while i < rows.count {
      var j = i
      while j < rows.count && rows[j].group == rows[i].group { j += 1 }
      try fold(rows[i..<j])
      i = j
    }
  }

  private mutating func fold(_ rows: ArraySlice<KeptRow>) throws(DataError) {
    let g = Int(rows.first!.group)
    let key = index.keys[g]
    let year = GroupKey(packed: key).year
    let kind = groups[g].kind
    struct Record {
      var period: UInt8
      var value: AggregatedValue?
      var target: DecimalNumber?
      var line: Int
    }
    func decimal(_ s: Int64, _ e: Int8) -> DecimalNumber? {
      e == ObservationColumns.missing ? nil : DecimalNumber(significand: s, exponent: Int32(e))
    }
    var records: [Record] = []
    var targetLines: [(target: DecimalNumber, line: Int)] = []
    for row in rows {
      let value = decimal(row.value, row.valueExponent).map(AggregatedValue.init)
      let target = decimal(row.target, row.targetExponent)
      let line = Int(row.line)
      if let t = target { targetLines.append((t, line)) }
      if let last = records.last, last.period == row.period {
        switch options.duplicates {
        case .error:
          throw source.error(
            line: line, field: "value",
            "duplicate row for \(describe(key)) period \(Self.periodText(year: year, kind: kind, period: row.period)): "
              + "line \(last.line) has the same indicator, agency and period",
            found: value?.description ?? "", remedy: .aggregateDuplicates)
        case .sum:
          var merged = last
          switch (last.value, value) {
          case (let a?, let b?): merged.value = a + b
          case (nil, let b): merged.value = b
          case (let a, nil): merged.value = a
          }
          merged.target = last.target ?? target
          merged.line = line
          records[records.count - 1] = merged
        case .last:
          // The later row replaces the earlier one, target included.
          targetLines.removeAll { $0.line == last.line }
          records[records.count - 1] = Record(period: row.period, value: value, target: target, line: line)
        }
      } else {
        records.append(Record(period: row.period, value: value, target: target, line: line))
      }
    }
    // The annual target: taken once; rows that disagree are an error naming both lines.
    var yearTarget: AggregatedValue?
    if let (t0, line0) = targetLines.first {
      if let other = targetLines.first(where: { $0.target != t0 }), kind == .annual || options.targetPer == .year {
        throw source.error(
          line: Swift.max(other.line, line0), field: "target",
          "annual target differs between lines \(Swift.min(other.line, line0)) and "
            + "\(Swift.max(other.line, line0)) for \(describe(key)) (\(t0) and \(other.target))",
          found: (other.line > line0 ? other.target : t0).description, remedy: .targetPerQuarter)
      }
      yearTarget = AggregatedValue(t0)
    }
    var figures = ExactFigures(actual: nil, target: yearTarget, count: 0)
    var targets = ExactFigures(actual: nil, target: nil, count: 0)
    for record in records {
      if let v = record.value { figures.take(v, period: record.period, by: options.aggregation) }
      if kind != .annual && options.targetPer == .quarter, let t = record.target {
        targets.take(AggregatedValue(t), period: record.period, by: options.aggregation)
      }
    }
    if kind != .annual && options.targetPer == .quarter {
      figures.target = targets.actual
      if options.aggregation == .mean && targets.count > 0 { figures.target?.divisor = targets.count }
    }
    exact[Int32(g)] = figures
    groups[g].isExact = true
  }

  // MARK: results

  /// The report row of group `g`.
  func row(ofGroup g: Int) -> AchievementRatio {
    let key = GroupKey(packed: index.keys[g])
    let state = groups[g]
    let direction = Direction(code: state.direction)!
    let actual: AggregatedValue?
    let target: AggregatedValue?
    let count: Int
    if state.isExact {
      var figures = exact[Int32(g)]!
      if options.aggregation == .mean && figures.count > 0 { figures.actual?.divisor = figures.count }
      (actual, target, count) = (figures.actual, figures.target, figures.count)
    } else {
      actual = state.value.value(by: options.aggregation)
      target =
        state.targetExponent == ObservationColumns.missing
        ? nil : AggregatedValue(DecimalNumber(significand: state.target, exponent: Int32(state.targetExponent)))
      count = Int(state.value.count)
    }
    let (ratio, status) = AchievementRatio.decide(actual: actual, target: target, direction: direction, near: options.near)
    let subPeriods = state.kind == .quarter || state.kind == .month
    return AchievementRatio(
      indicator: names.indicators.names[key.indicator], agency: names.agencies.names[key.agency], year: key.year,
      actual: actual, target: target, direction: direction, ratio: ratio, status: status,
      partial: subPeriods && count < state.kind.expected, periodsReported: subPeriods ? count : 0)
  }

  /// The output order of the groups (indicator, agency, year; names by UTF-8 bytes), in
  /// chunks of about `groupsPerChunk` (whole indicators when totals are on).
  func rowOrder(groupsPerChunk: Int = 40_000) -> GroupOrder {
    GroupOrder(
      keys: index.keys, indicatorRank: Self.ranks(names.indicators.names), agencyRank: Self.ranks(names.agencies.names),
      groupsPerChunk: groupsPerChunk, wholeIndicators: options.total)
  }

  /// The rows of one chunk of `order`, each with the canonical ids of its names; with
  /// totals, each indicator's total rows after its agencies' rows.
  func forEachRow(in order: GroupOrder, chunk: Int, _ body: (AchievementRatio, RowNames) throws -> Void) throws {
    var indicatorRows: [AchievementRatio] = []
    var currentIndicator = -1
    for g in order.groups[order.chunks[chunk]].lazy.map(Int.init) {
      let key = GroupKey(packed: index.keys[g])
      if options.total && key.indicator != currentIndicator {
        try emitTotals(indicatorRows, indicator: currentIndicator, body)
        indicatorRows.removeAll(keepingCapacity: true)
        currentIndicator = key.indicator
      }
      let row = self.row(ofGroup: g)
      try body(row, RowNames(indicator: key.indicator, agency: key.agency))
      if options.total { indicatorRows.append(row) }
    }
    if options.total { try emitTotals(indicatorRows, indicator: currentIndicator, body) }
  }

  private func emitTotals(
    _ rows: [AchievementRatio], indicator: Int, _ body: (AchievementRatio, RowNames) throws -> Void
  ) throws {
    guard !rows.isEmpty else { return }
    for total in try AchievementRatio.totals(rows, near: options.near, source: source.file).sorted(by: { $0.year < $1.year }) {
      try body(total, RowNames(indicator: indicator, agency: nil))
    }
  }

  /// Interns the names in `line`, for `AchievementRatio.appendCSV(to:names:ids:)`.
  ///
  /// `extra` holds the directions (`Direction.allCases` order), the statuses
  /// (`AchievementStatus.allCases`), then `false` and `true`: the same bytes as
  /// `text(_:)` and `boolean(_:)` write for them, escaped once.
  func internNames(into line: inout CSVLineBuffer) -> InternedNames {
    InternedNames.intern(
      indicators: names.indicators.names, agencies: names.agencies.names,
      extra: Direction.allCases.map(\.rawValue) + AchievementStatus.allCases.map(\.rawValue) + ["false", "true"],
      into: &line)
  }

  /// The note on total rows of the input left out (nil when none).
  var notes: [String] {
    TotalAgency.note(leftOut: leftOut, computed: AchievementRatio.totalAgency).map { [$0] } ?? []
  }

  /// The rank of each interned name (index 0, `nil`, first), by UTF-8 bytes.
  static func ranks(_ names: [String?]) -> [Int] {
    let order = names.indices.sorted { utf8Precedes(names[$0], names[$1]) }
    var rank = [Int](repeating: 0, count: names.count)
    for (position, index) in order.enumerated() { rank[index] = position }
    return rank
  }
}

extension AchievementAccumulator.ExactFigures {
  init(_ running: AchievementAccumulator.Running, by aggregation: Aggregation) {
    self.init(actual: running.value(by: .sum), target: nil, count: Int(running.count), period: running.period)
  }

  /// Takes a figure of `period` (as `Running.take`, exactly).
  mutating func take(_ s: Int64, _ e: Int8, period p: UInt8, by aggregation: Aggregation) {
    take(AggregatedValue(DecimalNumber(significand: s, exponent: Int32(e))), period: p, by: aggregation)
  }

  mutating func take(_ v: AggregatedValue, period p: UInt8, by aggregation: Aggregation) {
    defer { count += 1 }
    guard let a = actual else {
      (actual, period) = (v, p)
      if aggregation == .mean { actual!.divisor = 1 }
      return
    }
    switch aggregation {
    case .last: if p > period { (actual, period) = (v, p) }
    case .max: if v.compare(a) > 0 { actual = v }
    case .sum, .mean: actual = a + v
    }
  }

  /// Takes another part's figures (of later periods or lines).
  mutating func take(_ other: Self, by aggregation: Aggregation) {
    guard let v = other.actual else { return }
    let count = self.count
    take(v, period: other.period, by: aggregation)
    self.count = count + other.count
  }
}
