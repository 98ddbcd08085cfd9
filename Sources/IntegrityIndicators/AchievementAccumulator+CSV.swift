import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

extension AchievementAccumulator {
  /// Appends the CSV lines of the groups at `positions` of `order` — the line
  /// `AchievementRatio.appendCSV(to:names:ids:)` writes for `row(ofGroup:)` each —
  /// straight from the groups' integers: the aggregate and target over one power of
  /// ten, the decision by `AchievementRatio.fastDecision` (the same exact comparisons
  /// and correctly rounded ratio `decide` gives), the figures written from their
  /// decimal digits, runs of up to 256 lines in one reservation of the buffer. A mean,
  /// exact figures, a `--digits` format or figures beyond 2⁵³ go through the row; the
  /// bytes are the same. Not for reports with totals.
  func appendCSV(groupsAt positions: Range<Int>, in order: GroupOrder, names interned: InternedNames, to line: inout CSVLineBuffer) {
    let fields = InternedFields(interned)
    let fast = line.numberFormat == .shortest && options.aggregation != .mean
    var p = positions.lowerBound
    while p < positions.upperBound {
      let end = min(p + 256, positions.upperBound)
      // The names, and at most 33 bytes for each other field with its comma (the
      // numbers' texts are at most 24 bytes; the interned words at most 10).
      var maximum = 0
      for q in p..<end {
        let key = GroupKey(packed: index.keys[Int(order.groups[q])])
        maximum += line.internedCount(interned.indicators.lowerBound + key.indicator)
          + line.internedCount(interned.agencies.lowerBound + key.agency) + 8 * 33
      }
      if fast {
        line.appendLines(reserving: maximum) { line in
          while p < end, appendFastCSV(group: Int(order.groups[p]), fields: fields, names: interned, to: &line) { p += 1 }
        }
      }
      // A group the fast lines do not cover goes through its row.
      if p < end {
        let g = Int(order.groups[p])
        let key = GroupKey(packed: index.keys[g])
        row(ofGroup: g).appendCSV(to: &line, names: interned, ids: RowNames(indicator: key.indicator, agency: key.agency))
        p += 1
      }
    }
  }

  /// Writes group `g`'s line from its integers; false, writing nothing, when its
  /// figures need the row (exact figures, or beyond what `fastDecision` covers).
  @inline(__always)
  private func appendFastCSV(group g: Int, fields: InternedFields, names interned: InternedNames, to line: inout CSVLineWriter) -> Bool {
    let state = groups[g]
    guard !state.isExact, let (ratio, status) = fastDecision(state) else { return false }
    let key = GroupKey(packed: index.keys[g])
    let missing = ObservationColumns.missing
    let subPeriods = state.kind == .quarter || state.kind == .month
    line.interned(interned.indicators.lowerBound + key.indicator)
    line.interned(interned.agencies.lowerBound + key.agency)
    line.integer(key.year)
    if state.value.exponent == missing { line.empty() } else {
      line.decimal(significand: state.value.significand, exponent: Int32(state.value.exponent))
    }
    if state.targetExponent == missing { line.empty() } else {
      line.decimal(significand: state.target, exponent: Int32(state.targetExponent))
    }
    line.interned(fields.direction(Direction(code: state.direction)!))
    line.number(ratio)
    line.interned(fields.status(status))
    line.interned(fields.boolean(subPeriods && Int(state.value.count) < state.kind.expected))
    line.endLine()
    return true
  }

  /// The interned words of `internNames(into:)`'s `extra`, by name.
  struct InternedFields {
    let directions: Int
    let statuses: Int
    let booleans: Int

    init(_ names: InternedNames) {
      directions = names.extra.lowerBound
      statuses = directions + Direction.allCases.count
      booleans = statuses + AchievementStatus.allCases.count
      assert(Direction.allCases.map(\.code) == [1, 2, 3, 4], "direction(_:) relies on allCases in code order")
      assert(AchievementStatus.allCases == [.achieved, .near, .behind, .noTarget, .noData], "status(_:) relies on allCases order")
    }

    /// `Direction.allCases` order is the codes' (1…4): an addition, where `allCases`
    /// would build its array on every line.
    @inline(__always)
    func direction(_ d: Direction) -> Int { directions + Int(d.code) - 1 }
    @inline(__always)
    func status(_ s: AchievementStatus) -> Int {
      switch s {
      case .achieved: statuses
      case .near: statuses + 1
      case .behind: statuses + 2
      case .noTarget: statuses + 3
      case .noData: statuses + 4
      }
    }
    @inline(__always)
    func boolean(_ b: Bool) -> Int { booleans + (b ? 1 : 0) }
  }

  /// `AchievementRatio.decide` for a group in 64 bits; nil when its figures need `decide` itself.
  private func fastDecision(_ state: GroupState) -> (ratio: Double?, status: AchievementStatus)? {
    let missing = ObservationColumns.missing
    guard state.value.exponent != missing else { return (nil, .noData) }
    let sum = state.value.significand
    switch Direction(code: state.direction)! {
    case .zero: return (nil, sum == 0 ? .achieved : .behind)
    case .milestone: return (nil, sum == 0 ? .behind : .achieved)
    case .increase:
      guard state.targetExponent != missing, state.target != 0 else { return (nil, .noTarget) }
      guard let (actual, target) = ScaledInteger.align(sum, state.value.exponent, state.target, state.targetExponent)
      else { return nil }
      return AchievementRatio.fastDecision(actual, over: target, near: options.near)
    case .decrease:
      guard state.targetExponent != missing, state.target != 0 else { return (nil, .noTarget) }
      if sum == 0 { return (nil, .achieved) }
      guard let (actual, target) = ScaledInteger.align(sum, state.value.exponent, state.target, state.targetExponent)
      else { return nil }
      return AchievementRatio.fastDecision(target, over: actual, near: options.near)
    }
  }
}
