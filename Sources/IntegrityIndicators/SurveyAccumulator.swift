import IntegrityModels
import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

/// The rows of `integrity-stats survey` (and `trend --survey`), checked one by one as
/// the reader hands them over (any input, one or two cores) or as `consume(_:source:)`
/// hands over observations: the survey's row rules, written once.
///
/// A row needs n (樣本數), a positive whole number of respondents; its value is a
/// percentage when `percent` is set or its unit is `%` (scaled by 10⁻² exactly), else a
/// proportion, and either must lie in [0, 1] once scaled; one (indicator, agency) has
/// one row per year. A row breaking a rule throws a `DataError` at its line and cell —
/// the reader stops there, or under `skipBadRows` rejects the row with that reason and
/// goes on. A row without a value is set aside with a warning (it is read, not
/// interpolated).
struct SurveyAccumulator: ColumnarConsumer {
  /// Values are percentages (`SurveyAnalysis.percent`).
  let percent: Bool
  private(set) var source = AggregationSource(file: "<input>")
  private var keys = ObservationKeys()
  /// Per kept row: its (indicator, agency, year) `GroupKey`, exact proportion, n, line.
  private var groups: [UInt64] = []
  private var proportions: [DecimalNumber] = []
  private var sizes: [Double] = []
  private var lines: [Int32] = []
  /// The line of each key's row, to name both lines of a repeated year.
  private var lineOfKey: [UInt64: Int32] = [:]
  /// Rows without a value: their key and line.
  private var unvalued: [(key: UInt64, line: Int32)] = []

  init(percent: Bool) {
    self.percent = percent
  }

  mutating func begin(source: AggregationSource) {
    self.source = source
  }

  /// `indicator`, or `indicator / agency`, for messages.
  private func label(_ key: GroupKey) -> String {
    (keys.indicators[key.indicator] ?? "survey") + (keys.agencies[key.agency].map { " / \($0)" } ?? "")
  }

  /// Checks a row and keeps it; throws, with the state unchanged, when the row is wrong.
  mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) throws(DataError) {
    if keys.indicators.count != self.keys.indicators.count || keys.agencies.count != self.keys.agencies.count
      || keys.units.count != self.keys.units.count
    {
      self.keys.catchUp(with: keys)
      guard self.keys.indicators.count < GroupKey.idLimit, self.keys.agencies.count < GroupKey.idLimit else {
        throw source.error(line: Int(row.line), field: "agency", "more than 16,777,215 distinct names")
      }
    }
    let line = Int(row.line)
    guard row.year >= 0, row.year < GroupKey.yearLimit else {
      throw source.error(line: line, field: "year", fallbacks: ["period"], "expected a year", found: "\(row.year)")
    }
    let key = GroupKey(indicator: row.indicator, agency: row.agency, year: row.year)
    guard row.valueExponent != ObservationColumns.missing else {
      unvalued.append((key.packed, row.line))
      return
    }
    guard row.nExponent != ObservationColumns.missing else {
      throw source.error(line: line, field: "n", "survey rows need a sample size (n, 樣本數)")
    }
    let n = DecimalNumber(significand: row.n, exponent: Int32(row.nExponent))
    guard row.n > 0 else { throw source.error(line: line, field: "n", "sample size must be positive", found: n.description) }
    // A sample size counts respondents: a whole number (an exponent ≥ 0 once trailing zeros move out).
    guard n.normalized.exponent >= 0 else {
      throw source.error(line: line, field: "n", "sample size must be a whole number of respondents", found: n.description)
    }
    let value = DecimalNumber(significand: row.value, exponent: Int32(row.valueExponent))
    let isPercent = percent || self.keys.units[Int(row.unit)] == "%"
    // One rounding: the decimal is scaled exactly, then converted.
    let exact = isPercent ? value.scaled(byPowerOfTen: -2) : value
    let p = exact.double
    guard p >= 0, p <= 1 else {
      if isPercent {
        throw source.error(line: line, field: "value", "a percentage must be between 0 and 100", found: value.description)
      }
      throw source.error(
        line: line, field: "value", "a proportion must be between 0 and 1", found: value.description, remedy: .percent)
    }
    if let previous = lineOfKey[key.packed] {
      throw source.error(
        line: line, field: "year", fallbacks: ["period"], "\(label(key)) \(row.year) appears twice (also on line \(previous))",
        found: "\(row.year)")
    }
    lineOfKey[key.packed] = row.line
    groups.append(key.packed)
    proportions.append(exact)
    sizes.append(n.double)
    lines.append(row.line)
  }

  /// Takes in the rows of the next part of the file (its lines `lineOffset` short, its
  /// names renumbered into these); false when a year is in both parts.
  mutating func merge(_ next: SurveyAccumulator, lineOffset: Int) -> Bool {
    let (indicatorMap, agencyMap, _) = keys.absorb(next.keys)
    guard keys.indicators.count < GroupKey.idLimit, keys.agencies.count < GroupKey.idLimit else { return false }
    let offset = Int32(lineOffset)
    for i in next.groups.indices {
      let key = GroupKey(packed: next.groups[i]).renumbered(indicators: indicatorMap, agencies: agencyMap).packed
      guard lineOfKey[key] == nil else { return false }
      lineOfKey[key] = next.lines[i] + offset
      groups.append(key)
      proportions.append(next.proportions[i])
      sizes.append(next.sizes[i])
      lines.append(next.lines[i] + offset)
    }
    for row in next.unvalued {
      let key = GroupKey(packed: row.key).renumbered(indicators: indicatorMap, agencies: agencyMap).packed
      unvalued.append((key, row.line + offset))
    }
    return true
  }

  /// Every (indicator, agency) series, sorted by indicator, then agency, each by year.
  func series() -> [SurveyAnalysis.Series] {
    var rowsOf: [UInt64: [Int]] = [:]
    for (i, key) in groups.enumerated() { rowsOf[GroupKey(packed: key).series, default: []].append(i) }
    let order = rowsOf.keys.sorted { a, b in
      let (x, y) = (GroupKey(packed: a << 16), GroupKey(packed: b << 16))
      return (keys.indicators[x.indicator] ?? "", keys.agencies[x.agency] ?? "")
        < (keys.indicators[y.indicator] ?? "", keys.agencies[y.agency] ?? "")
    }
    return order.map { series in
      let rows = rowsOf[series]!.sorted { GroupKey(packed: groups[$0]).year < GroupKey(packed: groups[$1]).year }
      let key = GroupKey(packed: series << 16)
      return SurveyAnalysis.Series(
        indicator: keys.indicators[key.indicator], agency: keys.agencies[key.agency],
        survey: SurveySeries(
          years: rows.map { GroupKey(packed: groups[$0]).year }, proportions: rows.map { proportions[$0].double },
          sizes: rows.map { sizes[$0] }, exactProportions: rows.map { proportions[$0] }),
        lines: rows.map { Int(lines[$0]) })
    }
  }

  /// A warning per row without a value, in file order.
  func warnings() -> [Notice] {
    unvalued.sorted { $0.line < $1.line }.map { row in
      let key = GroupKey(packed: row.key)
      return Notice("\(source.file):\(row.line): no value for \(label(key)) \(key.year): row skipped")
    }
  }
}
