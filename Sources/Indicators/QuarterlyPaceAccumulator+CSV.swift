import TableIO

extension QuarterlyPaceAccumulator {
  /// Appends the CSV lines of the group at `position` of `order` — the lines
  /// `QuarterlyPace.appendCSV(to:indicatorColumn:names:ids:)` writes for the rows
  /// `forEachRow` gives — computed straight from the group's integers: the counts and
  /// target brought to one power of ten, the cumulative sum, rate and pace in 64 bits
  /// (each quotient one correctly rounded division of exact doubles, as
  /// `QuarterlyPace.decide` does), the figures written from their decimal digits. A
  /// group whose figures do not fit that arithmetic, or a `--digits` format, goes through
  /// the rows instead; the bytes are the same (FastLaneCLITests compares them with the
  /// general path's). Not for reports with national totals.
  public func appendCSV(
    groupAt position: Int, in order: GroupOrder, indicatorColumn: Bool, names interned: InternedNames,
    to line: inout CSVLineBuffer
  ) {
    let g = Int(order.groups[position])
    if case .shortest = line.numberFormat, appendFast(g, indicatorColumn: indicatorColumn, names: interned, to: &line) {
      return
    }
    var none: Totals? = nil
    groupRows(g, running: &none) { row, ids in
      row.appendCSV(to: &line, indicatorColumn: indicatorColumn, names: interned, ids: ids)
    }
  }

  /// The statuses in the order `internNames(into:)` interns them.
  static let internedStatuses: [PaceStatus] = [.onTrack, .behind, .incomplete, .noTarget]

  @inline(__always)
  static func internedIndex(of status: PaceStatus) -> Int {
    switch status {
    case .onTrack: 0
    case .behind: 1
    case .incomplete: 2
    case .noTarget: 3
    }
  }

  /// The fast path of `appendCSV(groupAt:…)`; false (having written nothing) when the
  /// group's figures need the general arithmetic.
  private func appendFast(_ g: Int, indicatorColumn: Bool, names interned: InternedNames, to line: inout CSVLineBuffer)
    -> Bool
  {
    let missing = ObservationColumns.missing
    let key = index.keys[g]
    let year = Int(key & 0xFFFF)
    let last = Int(lastQuarter[year])
    // One exponent for the counts present and the target.
    var exponent = Int8.max
    for q in 0..<last where countExponents[4 * g + q] != missing { exponent = min(exponent, countExponents[4 * g + q]) }
    let hasTarget = targetExponents[g] != missing
    if hasTarget { exponent = min(exponent, targetExponents[g]) }
    func scaled(_ s: Int64, _ e: Int8) -> Int64? { ScaledInteger.scale(s, by: Int(e) - Int(exponent)) }
    var target: Int64 = 0
    if hasTarget {
      guard let t = scaled(targets[g], targetExponents[g]), t.magnitude < 1 << 50 else { return false }
      target = t
    }
    // Check every quarter first, so nothing is written when the group falls back.
    var cumulative: Int64 = 0
    for q in 0..<last where countExponents[4 * g + q] != missing {
      guard let c = scaled(counts[4 * g + q], countExponents[4 * g + q]) else { return false }
      let (sum, overflow) = cumulative.addingReportingOverflow(c)
      guard !overflow, sum.magnitude < 1 << 51 else { return false }
      cumulative = sum
    }
    let indicatorField = interned.indicators.lowerBound + Int(key >> 40)
    let agencyField = interned.agencies.lowerBound + Int(key >> 16 & 0xFF_FFFF)
    cumulative = 0
    var complete = true
    for q in 1...last {
      if indicatorColumn { line.interned(indicatorField) }
      line.interned(agencyField)
      line.integer(year)
      line.integer(q)
      let e = countExponents[4 * g + q - 1]
      if e == missing {
        complete = false
        line.empty()
      } else {
        line.decimal(significand: counts[4 * g + q - 1], exponent: Int32(e))
        cumulative += scaled(counts[4 * g + q - 1], e)!
      }
      let status: PaceStatus
      if !complete {
        line.empty()  // cumulative
        if hasTarget { line.decimal(significand: targets[g], exponent: Int32(targetExponents[g])) } else { line.empty() }
        line.empty()  // cumulative_rate
        line.interned(interned.extra.lowerBound + q - 1)
        line.empty()  // pace
        status = .incomplete
      } else {
        line.decimal(significand: cumulative, exponent: Int32(exponent))
        if hasTarget && target != 0 {
          line.decimal(significand: targets[g], exponent: Int32(targetExponents[g]))
          let scaledCumulative = 4 * cumulative
          let scaledTarget = Int64(q) * target
          line.number(Double(cumulative) / Double(target))
          line.interned(interned.extra.lowerBound + q - 1)
          line.number(Double(scaledCumulative) / Double(scaledTarget))
          status = scaledCumulative >= scaledTarget ? .onTrack : .behind
        } else {
          if hasTarget { line.decimal(significand: targets[g], exponent: Int32(targetExponents[g])) } else { line.empty() }
          line.empty()
          line.interned(interned.extra.lowerBound + q - 1)
          line.empty()
          status = .noTarget
        }
      }
      line.interned(interned.extra.lowerBound + 4 + Self.internedIndex(of: status))
      line.endLine()
    }
    return true
  }
}
