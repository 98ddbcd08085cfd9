import IntegrityTables

/// An annual target of one office from a targets file (`--targets FILE` with
/// office,year,target), with the line it came from.
public struct AnnualTarget: Sendable, Equatable {
  public var agency: String
  public var year: Int
  public var target: DecimalNumber
  public var line: Int

  public init(agency: String, year: Int, target: DecimalNumber, line: Int = 0) {
    self.agency = agency
    self.year = year
    self.target = target
    self.line = line
  }
}

/// The target-case quarterly review for every office and year: the result of
/// `integrity-stats quarterly` (formulas on `QuarterlyPace`).
///
/// Rows (issue 5):
/// - each row needs a quarter 1…4 and a year ≥ 1; counts and targets are ≥ 0;
/// - offices are recognised in any spelling and printed as `ProsecutorsOffice.name`;
/// - two rows for one (office, year, quarter) follow `DuplicatePolicy` (default error);
/// - the annual target comes from the rows (repeated on each quarter row, taken once;
///   rows that disagree are an error naming both lines) or from the targets file
///   (which must agree with a target also given on the rows);
/// - every office of a year gets rows for quarters 1 to the last quarter any office
///   reported that year, so a quarter an office did not report shows as `incomplete`;
/// - with totals, a national row per (year, quarter): counts and targets summed over
///   the offices, empty when any office's figure is missing (missing is not zero); rows
///   whose agency is already a total (`TotalAgency`: 全國, 合計 …) are left out, with a note.
/// Sorted by office (the Ministry of Justice's order, other agencies after them by
/// UTF-8 bytes, the national total last), year, quarter.
public struct QuarterlyPaceReport: Sendable, Equatable {
  public var rows: [QuarterlyPace]
  /// Notes for the reader (e.g. total rows of the input left out of the national total).
  public var notes: [String] = []

  public init(rows: [QuarterlyPace], notes: [String] = []) {
    self.rows = rows
    self.notes = notes
  }

  /// Computes the review; throws `DataError` located in `source` (or in
  /// `targetsSource` for targets-file rows).
  public init(
    observations: [Observation], targets: [AnnualTarget] = [], total: Bool = false,
    duplicates: DuplicatePolicy = .error,
    source: AggregationSource = AggregationSource(file: "<input>"),
    targetsSource: AggregationSource = AggregationSource(file: "<targets>")
  ) throws {
    struct Key: Hashable {
      var indicator: Int32
      var agency: Int32
      var year: Int
    }
    struct Slot {
      var value: AggregatedValue?
      var line: Int
    }
    /// Quarters 1…4 of one (office, year), stored inline (no array per entry).
    struct Slots {
      var q1, q2, q3, q4: Slot?
      subscript(index: Int) -> Slot? {
        get { index == 0 ? q1 : index == 1 ? q2 : index == 2 ? q3 : q4 }
        set {
          switch index {
          case 0: q1 = newValue
          case 1: q2 = newValue
          case 2: q3 = newValue
          default: q4 = newValue
          }
        }
      }
    }
    struct Entry {
      var slots = Slots()
      var target: DecimalNumber?
      var targetLine = 0
      var fileTarget: DecimalNumber?
      var fileTargetLine = 0
    }
    var agencies = KeyInterner(canonicalize: ProsecutorsOffice.canonicalName)
    var indicators = KeyInterner(canonicalize: ProsecutorsOffice.trimmed)
    // Entries in first-seen order, found by key (the last key is cached: rows of
    // one office and year usually come together).
    var entryIndex: [Key: Int] = [:]
    var entryKeys: [Key] = []
    var entryList: [Entry] = []
    var lastKey: Key?
    var lastIndex = 0
    func index(of key: Key) -> Int {
      if key == lastKey { return lastIndex }
      let i: Int
      if let known = entryIndex[key] {
        i = known
      } else {
        i = entryList.count
        entryIndex[key] = i
        entryKeys.append(key)
        entryList.append(Entry())
      }
      lastKey = key
      lastIndex = i
      return i
    }
    var lastQuarter: [Int: Int] = [:]

    // With totals, rows the input already gives as totals (全國, 合計 …) are left out.
    let (observations, leftOut) = total ? TotalAgency.excluding(observations) : (observations, [])
    notes = TotalAgency.note(leftOut: leftOut, computed: QuarterlyPace.nationalTotal).map { [$0] } ?? []
    for row in observations {
      let p = row.period
      if p.year < 1 {
        throw source.error(line: row.line, field: "year", fallbacks: ["period"], "expected a year", found: "\(p.year)")
      }
      guard let q = p.quarter else {
        throw source.error(
          line: row.line, field: "quarter", fallbacks: ["period"], "expected a quarter (1 to 4)",
          found: p.description)
      }
      guard (1...4).contains(q) else {
        throw source.error(
          line: row.line, field: "quarter", fallbacks: ["period"], "expected a quarter 1 to 4", found: "\(q)")
      }
      guard let agencyName = row.agency else {
        throw source.error(line: row.line, field: "agency", "expected an office", found: "")
      }
      if let v = row.value, v.isNegative {
        throw source.error(line: row.line, field: "value", "expected a count of 0 or more", found: v.description)
      }
      if let t = row.target, t.isNegative {
        throw source.error(line: row.line, field: "target", "expected a target of 0 or more", found: t.description)
      }
      let key = Key(indicator: indicators.id(row.indicator), agency: agencies.id(agencyName), year: p.year)
      let slot = index(of: key)
      var entry = entryList[slot]
      let value = row.value.map(AggregatedValue.init)
      if let existing = entry.slots[q - 1] {
        switch duplicates {
        case .error:
          throw source.error(
            line: Swift.max(row.line, existing.line), field: "value",
            "duplicate row for \(agencies.names[Int(key.agency)]!) \(p): line \(Swift.min(row.line, existing.line)) "
              + "has the same office and quarter (use --duplicates sum or last)",
            found: row.value?.description ?? "")
        case .sum:
          let merged: AggregatedValue? =
            switch (existing.value, value) {
            case (let a?, let b?): a + b
            case (nil, let b): b
            case (let a, nil): a
            }
          entry.slots[q - 1] = Slot(value: merged, line: Swift.max(row.line, existing.line))
        case .last:
          if row.line > existing.line { entry.slots[q - 1] = Slot(value: value, line: row.line) }
        }
      } else {
        entry.slots[q - 1] = Slot(value: value, line: row.line)
      }
      if let t = row.target {
        if let known = entry.target, known != t {
          let (a, b) = (Swift.min(row.line, entry.targetLine), Swift.max(row.line, entry.targetLine))
          throw source.error(
            line: b, field: "target",
            "annual target differs between lines \(a) and \(b) for \(agencies.names[Int(key.agency)]!) "
              + "\(p.year) (\(known) and \(t))", found: (row.line > entry.targetLine ? t : known).description)
        }
        if entry.target == nil || row.line < entry.targetLine {
          entry.target = t
          entry.targetLine = row.line
        }
      }
      entryList[slot] = entry
      lastQuarter[p.year] = Swift.max(lastQuarter[p.year] ?? 0, q)
    }

    // Targets from the file, per (office, year), for every indicator of that year.
    struct OfficeYear: Hashable {
      var agency: Int32
      var year: Int
    }
    var fileTargets: [OfficeYear: AnnualTarget] = [:]
    for t in targets {
      if t.year < 1 {
        throw targetsSource.error(line: t.line, field: "year", "expected a year", found: "\(t.year)")
      }
      if t.target.isNegative {
        throw targetsSource.error(
          line: t.line, field: "target", "expected a target of 0 or more", found: t.target.description)
      }
      let key = OfficeYear(agency: agencies.id(t.agency), year: t.year)
      if let earlier = fileTargets[key] {
        throw targetsSource.error(
          line: Swift.max(t.line, earlier.line), field: "target",
          "a second target for \(agencies.names[Int(key.agency)]!) \(t.year) "
            + "(line \(Swift.min(t.line, earlier.line)) has one)", found: t.target.description)
      }
      fileTargets[key] = t
    }
    if !fileTargets.isEmpty {
      var indicatorsOfYear: [Int: Set<Int32>] = [:]
      for key in entryKeys { indicatorsOfYear[key.year, default: []].insert(key.indicator) }
      for (officeYear, t) in fileTargets {
        // Targets for years with no quarterly rows have nothing to review.
        guard let present = indicatorsOfYear[officeYear.year] else { continue }
        for indicator in present {
          let key = Key(indicator: indicator, agency: officeYear.agency, year: officeYear.year)
          let slot = index(of: key)
          var entry = entryList[slot]
          if let rowTarget = entry.target, rowTarget != t.target {
            throw source.error(
              line: entry.targetLine, field: "target",
              "target differs from \(targetsSource.file) line \(t.line) (\(t.target)) for "
                + "\(agencies.names[Int(key.agency)]!) \(t.year)", found: rowTarget.description)
          }
          entry.fileTarget = t.target
          entry.fileTargetLine = t.line
          entryList[slot] = entry
        }
      }
    }

    // Rows in output order: indicator, office (the Ministry's order, then other
    // agencies by UTF-8 bytes), year, quarter; the national total after the offices.
    let agencyRank = QuarterlyPaceReport.ranks(agencies.names) { a, b in
      let oa = ProsecutorsOffice(recognizing: a)?.order ?? Int.max
      let ob = ProsecutorsOffice(recognizing: b)?.order ?? Int.max
      return oa != ob ? oa < ob : utf8Precedes(a, b)
    }
    let indicatorRank = QuarterlyPaceReport.ranks(indicators.names, by: utf8Precedes)
    let keys = entryKeys.indices.sorted {
      let (a, b) = (entryKeys[$0], entryKeys[$1])
      return (a.indicator == b.indicator)
        ? ((a.agency == b.agency) ? a.year < b.year : agencyRank[Int(a.agency)] < agencyRank[Int(b.agency)])
        : indicatorRank[Int(a.indicator)] < indicatorRank[Int(b.indicator)]
    }
    struct TotalKey: Hashable {
      var indicator: Int32
      var year: Int
    }
    var totals: [TotalKey: (counts: [AggregatedValue?], target: AggregatedValue?)] = [:]
    var result: [QuarterlyPace] = []
    result.reserveCapacity(keys.count * 4)
    for position in keys {
      let key = entryKeys[position]
      let entry = entryList[position]
      let last = lastQuarter[key.year]!
      let target = (entry.target ?? entry.fileTarget).map(AggregatedValue.init)
      let totalKey = TotalKey(indicator: key.indicator, year: key.year)
      var running = totals[totalKey] ?? (Array(repeating: AggregatedValue(.zero), count: last), AggregatedValue(.zero))
      running.target = running.target.flatMap { sum in target.map { sum + $0 } }
      var cumulative: AggregatedValue? = AggregatedValue(.zero)
      for q in 1...last {
        let count = entry.slots[q - 1]?.value
        cumulative = cumulative.flatMap { sum in count.map { sum + $0 } }
        running.counts[q - 1] = running.counts[q - 1].flatMap { sum in count.map { sum + $0 } }
        let (rate, pace, status) = QuarterlyPace.decide(cumulative: cumulative, target: target, quarter: q)
        result.append(
          QuarterlyPace(
            indicator: indicators.names[Int(key.indicator)], agency: agencies.names[Int(key.agency)]!,
            year: key.year, quarter: q, count: count, cumulative: cumulative, target: target,
            cumulativeRate: rate, pace: pace, status: status))
      }
      totals[totalKey] = running
    }
    if total {
      var withTotals: [QuarterlyPace] = []
      withTotals.reserveCapacity(result.count + totals.count * 4)
      let totalKeys = totals.keys.sorted {
        $0.indicator == $1.indicator
          ? $0.year < $1.year : indicatorRank[Int($0.indicator)] < indicatorRank[Int($1.indicator)]
      }
      var start = 0
      for key in totalKeys {
        // Copy the indicator's office rows, then its national rows.
        let indicator = indicators.names[Int(key.indicator)]
        while start < result.count, result[start].indicator == indicator {
          withTotals.append(result[start])
          start += 1
        }
        let running = totals[key]!
        var cumulative: AggregatedValue? = AggregatedValue(.zero)
        for q in 1...running.counts.count {
          let count = running.counts[q - 1]
          cumulative = cumulative.flatMap { sum in count.map { sum + $0 } }
          let (rate, pace, status) = QuarterlyPace.decide(
            cumulative: cumulative, target: running.target, quarter: q)
          withTotals.append(
            QuarterlyPace(
              indicator: indicator, agency: QuarterlyPace.nationalTotal, year: key.year, quarter: q,
              count: count, cumulative: cumulative, target: running.target, cumulativeRate: rate,
              pace: pace, status: status, isTotal: true))
        }
      }
      withTotals.append(contentsOf: result[start...])
      result = withTotals
    }
    self.rows = result
  }

  /// The rank of each interned name (index 0, `nil`, first) under `precedes`.
  static func ranks(_ names: [String?], by precedes: (String, String) -> Bool) -> [Int] {
    let order = names.indices.dropFirst().sorted { precedes(names[$0]!, names[$1]!) }
    var rank = [Int](repeating: 0, count: names.count)
    for (position, index) in order.enumerated() { rank[index] = position + 1 }
    return rank
  }

  static func ranks(_ names: [String?], by precedes: (String?, String?) -> Bool) -> [Int] {
    ranks(names) { (a: String, b: String) in precedes(a, b) }
  }
}
