import IntegrityTables

extension AchievementAccumulator {
  /// Appends the CSV line of the group at `position` of `order` — the line
  /// `AchievementRatio.appendCSV(to:names:ids:)` writes for `row(ofGroup:)` — straight
  /// from the group's integers: the aggregate and target over one power of ten, the decision
  /// by `AchievementRatio.fastDecision` (the same exact comparisons and correctly
  /// rounded ratio `decide` gives), the figures written from their decimal digits. A
  /// mean, a `--digits` format or figures beyond 2⁵³ go through the row instead; the
  /// bytes are the same (FastLaneCLITests). Not for reports with totals.
  public func appendCSV(groupAt position: Int, in order: GroupOrder, names interned: InternedNames, to line: inout CSVLineBuffer) {
    let g = Int(order.groups[position])
    let key = index.keys[g]
    let ids = RowNames(indicator: Int(key >> 40), agency: Int(key >> 16 & 0xFF_FFFF))
    guard case .shortest = line.numberFormat, options.aggregation != .mean, let (ratio, status) = fastDecision(g)
    else {
      row(ofGroup: g).appendCSV(to: &line, names: interned, ids: ids)
      return
    }
    let missing = ObservationColumns.missing
    let state = groups[g]
    let extra = interned.extra.lowerBound
    let direction = extra + Self.internedIndex(of: directions[ids.indicator])
    let statusField = extra + 4 + Self.internedIndex(of: status)
    let partial = extra + 9 + (state.periods != 0x10 && state.count < 4 ? 1 : 0)
    let indicatorField = interned.indicators.lowerBound + ids.indicator
    let agencyField = interned.agencies.lowerBound + ids.agency!
    // The names, and at most 33 bytes for each other field with its comma (the
    // numbers' texts are at most 24 bytes; the interned words at most 10).
    let maximum = line.internedCount(indicatorField) + line.internedCount(agencyField) + 8 * 33
    line.appendLines(reserving: maximum) { line in
      line.interned(indicatorField)
      line.interned(agencyField)
      line.integer(Int(key & 0xFFFF))
      if state.sumExponent == missing { line.empty() } else {
        line.decimal(significand: state.sum, exponent: Int32(state.sumExponent))
      }
      if state.targetExponent == missing { line.empty() } else {
        line.decimal(significand: state.target, exponent: Int32(state.targetExponent))
      }
      line.interned(direction)
      line.number(ratio)
      line.interned(statusField)
      line.interned(partial)
      line.endLine()
    }
  }

  /// Positions in `internNames`'s extra fields (InternedFieldsTests checks them
  /// against `allCases`).
  @inline(__always)
  static func internedIndex(of direction: Direction) -> Int {
    switch direction {
    case .increase: 0
    case .decrease: 1
    case .zero: 2
    case .milestone: 3
    }
  }

  @inline(__always)
  static func internedIndex(of status: AchievementStatus) -> Int {
    switch status {
    case .achieved: 0
    case .near: 1
    case .behind: 2
    case .noTarget: 3
    case .noData: 4
    }
  }

  /// `AchievementRatio.decide` for group `g` in 64 bits; nil when it needs the general path.
  private func fastDecision(_ g: Int) -> (ratio: Double?, status: AchievementStatus)? {
    let missing = ObservationColumns.missing
    let state = groups[g]
    guard state.sumExponent != missing else { return (nil, .noData) }
    let direction = directions[Int(index.keys[g] >> 40)]
    switch direction {
    case .zero: return (nil, state.sum == 0 ? .achieved : .behind)
    case .milestone: return (nil, state.sum == 0 ? .behind : .achieved)
    case .increase, .decrease:
      guard state.targetExponent != missing, state.target != 0 else { return (nil, .noTarget) }
      if direction == .decrease && state.sum == 0 { return (nil, .achieved) }
      guard let (actual, target) = ScaledInteger.align(state.sum, state.sumExponent, state.target, state.targetExponent)
      else { return nil }
      return direction == .increase
        ? AchievementRatio.fastDecision(actual, over: target, near: options.near)
        : AchievementRatio.fastDecision(target, over: actual, near: options.near)
    }
  }
}
