import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

extension QuarterlyPaceAccumulator {
  /// Appends the CSV lines of the group at `position` of `order` — the lines
  /// `QuarterlyPace.appendCSV(to:indicatorColumn:names:ids:)` writes for the rows
  /// `forEachRow` gives — computed straight from the group's integers: the counts and
  /// target brought to one power of ten, the cumulative sum, rate and pace in 64 bits
  /// (each quotient one correctly rounded division of exact doubles, as
  /// `QuarterlyPace.decide` does), the figures written from their decimal digits. A
  /// group whose figures do not fit that arithmetic, or a `--digits` format, goes through
  /// the rows instead; the bytes are the same . Not for reports with national totals.
  func appendCSV(
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
    let year = GroupKey(packed: key).year
    let last = Int(lastQuarter[year])
    let group = groups[g]
    // One exponent for the counts present and the target.
    var exponent = Int8.max
    for q in 0..<last where group.countExponents[q] != missing { exponent = min(exponent, group.countExponents[q]) }
    let hasTarget = group.targetExponent != missing
    if hasTarget { exponent = min(exponent, group.targetExponent) }
    func scaled(_ s: Int64, _ e: Int8) -> Int64? { ScaledInteger.scale(s, by: Int(e) - Int(exponent)) }
    var target: Int64 = 0
    if hasTarget {
      guard let t = scaled(group.target, group.targetExponent), t.magnitude < 1 << 50 else { return false }
      target = t
    }
    // Check every quarter first, so nothing is written when the group falls back.
    var total: Int64 = 0
    var counts = InlineArray<4, Int64>(repeating: 0)
    for q in 0..<last where group.countExponents[q] != missing {
      guard let c = scaled(group.counts[q], group.countExponents[q]) else { return false }
      let (sum, overflow) = total.addingReportingOverflow(c)
      guard !overflow, sum.magnitude < 1 << 51 else { return false }
      total = sum
      counts[q] = c
    }
    // The running sums up to the first missing quarter (`complete` of them), and their
    // rates and paces, all before any line is written: the divisions do not wait on
    // one another, nor the number writer on each.
    var cumulatives = InlineArray<4, Int64>(repeating: 0)
    var complete = 0
    var cumulative: Int64 = 0
    while complete < last && group.countExponents[complete] != missing {
      cumulative += counts[complete]
      cumulatives[complete] = cumulative
      complete += 1
    }
    let hasRates = hasTarget && target != 0
    var rates = InlineArray<4, Double>(repeating: 0)
    var paces = InlineArray<4, Double>(repeating: 0)
    if hasRates {
      for i in 0..<complete {
        rates[i] = Double(cumulatives[i]) / Double(target)
        // 4c/(4t) is the same real number as c/t (both exact doubles: below 2⁵³), so
        // the same double at the fourth quarter.
        paces[i] = i == 3 ? rates[i] : Double(4 * cumulatives[i]) / Double(Int64(i + 1) * target)
      }
    }
    let indicatorField = interned.indicators.lowerBound + GroupKey(packed: key).indicator
    let agencyField = interned.agencies.lowerBound + GroupKey(packed: key).agency
    // The most any line of the group takes: the names, and at most 33 bytes for each
    // other field with its comma (an integer, a decimal's or a double's text is at
    // most 24 bytes).
    let names = (indicatorColumn ? line.internedCount(indicatorField) : 0) + line.internedCount(agencyField)
    let perLine = names + 12 * 33 + 16  // a status is at most 10 bytes
    line.appendLines(reserving: last * perLine) { line in
      // The indicator, agency and year are the same on every line of the group:
      // written once, then copied; so are the target's bytes (with their comma).
      let prefixStart = line.count
      if indicatorColumn { line.interned(indicatorField) }
      line.interned(agencyField)
      line.integer(year)
      let prefix = prefixStart..<line.count
      var targetText = 0..<0
      for q in 1...last {
        if q > 1 { line.repeatBytes(from: prefix) }
        line.integer(q)
        let e = group.countExponents[q - 1]
        if e == missing {
          line.empty()
        } else {
          line.decimal(significand: group.counts[q - 1], exponent: Int32(e))
        }
        let isComplete = q <= complete
        if !isComplete {
          line.empty()  // cumulative
        } else {
          line.decimal(significand: cumulatives[q - 1], exponent: Int32(exponent))
        }
        if !hasTarget {
          line.empty()
        } else if targetText.isEmpty {
          let start = line.count
          line.decimal(significand: group.target, exponent: Int32(group.targetExponent))
          targetText = start..<line.count
        } else {
          line.repeatBytes(from: targetText)
        }
        let status: PaceStatus
        if !isComplete {
          line.empty()  // cumulative_rate
          line.interned(interned.extra.lowerBound + q - 1)
          line.empty()  // pace
          status = .incomplete
        } else if hasRates {
          let rateStart = line.count
          line.number(rates[q - 1])
          let rateText = rateStart..<line.count
          line.interned(interned.extra.lowerBound + q - 1)
          if q == 4 {
            // The same double as the rate (above): the same text.
            line.repeatBytes(from: rateText)
          } else {
            line.number(paces[q - 1])
          }
          status = 4 * cumulatives[q - 1] >= Int64(q) * target ? .onTrack : .behind
        } else {
          line.empty()
          line.interned(interned.extra.lowerBound + q - 1)
          line.empty()
          status = .noTarget
        }
        line.interned(interned.extra.lowerBound + 4 + Self.internedIndex(of: status))
        line.endLine()
      }
    }
    return true
  }
}
