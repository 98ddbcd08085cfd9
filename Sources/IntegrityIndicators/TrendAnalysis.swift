import IntegrityModels
import IntegrityTables

/// `trend`: observations → one yearly series per (indicator, agency) → a trend line each.
///
/// Years: a yearly row gives the year's value; quarterly (or monthly) rows are summed per
/// year exactly (`DecimalSum`) when all 4 quarters (12 months) are present. A year with a
/// missing value or missing quarters is skipped and counted in the series' note, never
/// interpolated; `n` is the number of years used. Two yearly rows for one series and year
/// are a data error naming both lines.
///
/// Series are reported sorted by (indicator, agency), so the order of input rows does not
/// change the output.
public struct TrendAnalysis: Sendable {
  /// The model and what to report.
  public var options: TrendOptions
  /// `--auto`: choose the model per series from the data kind (`TrendDataKind`).
  public var automatic: Bool
  /// `--target`: one target for every series (else each series' own target column).
  public var target: Double?
  /// Report a series that cannot be fitted (too few years, a value ≤ 0 for log-linear …) as a
  /// row with empty numbers, a note and a warning, instead of stopping with a data error
  /// (`--skip-bad-rows`).
  public var keepUnfittable: Bool

  public init(options: TrendOptions, automatic: Bool = false, target: Double? = nil, keepUnfittable: Bool = false) {
    self.options = options
    self.automatic = automatic
    self.target = target
    self.keepUnfittable = keepUnfittable
  }

  /// The yearly series of one (indicator, agency), with the source lines of each year.
  public struct YearlySeries: Sendable, Equatable {
    public var indicator: String?
    public var agency: String?
    public var series: TrendSeries
    /// The first source line of each year used.
    public var lines: [Int]
    /// The first source line of the series (used or not).
    public var firstLine: Int
    /// The unit, when the rows give one.
    public var unit: String?
    /// The target of the latest year that has one.
    public var target: Double?
    /// Lower is better (direction `decrease`).
    public var lowerIsBetter: Bool
    /// The rows say the indicator is a milestone (done or not).
    public var isMilestone: Bool = false
    /// Years skipped: missing value, or incomplete quarters.
    public var skippedYears: [Int]
  }

  /// Fits every series.
  public func run(_ set: ObservationSet) throws -> TrendReport {
    try run(series: Self.yearlySeries(set), source: set.source, valueColumn: set.columnNumber(.value))
  }

  /// Fits every series of `all` (as `yearlySeries` builds them, in that order); `source`
  /// names the file in data errors.
  /// `valueColumn`: the value column's 1-based number, for data errors (0: not one column).
  public func run(series all: [YearlySeries], source: String, valueColumn: Int = 0) throws -> TrendReport {
    var rows = [TrendReport.Row?](repeating: nil, count: all.count)
    var warnings = [String]()
    // Partition by model (one model unless --auto), fit each partition in one call.
    var byModel = [TrendModel: [Int]]()
    var kinds = [Int: TrendDataKind]()
    var milestones = [Int]()
    for (i, s) in all.enumerated() {
      var model = options.model
      if automatic && s.isMilestone {
        milestones.append(i)
        continue
      }
      if automatic {
        let kind = TrendDataKind.classify(s.series.values, unit: s.unit, name: s.indicator)
        kinds[i] = kind
        model = kind.automaticModel
      }
      byModel[model, default: []].append(i)
    }
    for model in TrendModel.allCases {
      guard let members = byModel[model] else { continue }
      var modelOptions = options
      modelOptions.model = model
      // --auto with --break: a series the choice sends to Sen has no segmented form; it is
      // fitted without the break, and its notes say so.
      let breakDropped = automatic && model == .sen && options.breakYear != nil
      if breakDropped { modelOptions.breakYear = nil }
      let results = TrendFitter(options: modelOptions).fit(members.map { all[$0].series })
      for (i, result) in zip(members, results) {
        let s = all[i]
        var fit: TrendFit
        switch result {
        case .success(let f): fit = f
        case .failure(let error):
          let problem = dataError(error, s, source: source, column: valueColumn)
          guard keepUnfittable else { throw problem }
          warnings.append("\(problem) — series not fitted")
          fit = TrendFit(model: model, n: s.series.count, firstYear: s.series.firstYear, lastYear: s.series.lastYear)
          if s.series.count == 0 { (fit.firstYear, fit.lastYear) = (s.skippedYears.first ?? 0, s.skippedYears.last ?? 0) }
          fit.notes.append("not fitted: \(error)")
        }
        if let kind = kinds[i] { fit.notes.insert("auto: \(model.rawValue) (\(kind.rawValue) data)", at: 0) }
        if breakDropped { fit.notes.append("--break not applied: the sen model has no segmented form") }
        if !s.skippedYears.isEmpty {
          fit.notes.append("years skipped: " + s.skippedYears.map(String.init).joined(separator: " "))
        }
        for w in fit.warnings { warnings.append("\(Self.label(s)): \(w)") }
        var crossing: TargetCrossing?
        if let t = target ?? s.target { crossing = fit.crossing(target: t, higherIsBetter: !s.lowerIsBetter) }
        rows[i] = TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: fit, crossing: crossing)
      }
    }
    for i in milestones {
      let s = all[i]
      var fit = TrendFit(model: .linear, n: s.series.count, firstYear: s.series.firstYear, lastYear: s.series.lastYear)
      fit.method = "none"
      fit.notes.append("auto: milestone indicator (done or not), no trend fitted")
      rows[i] = TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: fit)
    }
    return TrendReport(
      rows: rows.map { $0! }, options: options, automatic: automatic,
      hasTargets: target != nil || all.contains { $0.target != nil }, warnings: warnings)
  }

  /// `indicator / agency` for messages.
  static func label(_ s: YearlySeries) -> String {
    [s.indicator, s.agency].compactMap { $0 }.joined(separator: " / ").ifEmpty("series")
  }

  func dataError(_ error: TrendError, _ s: YearlySeries, source: String, column: Int) -> DataError {
    var line = s.lines.first ?? s.firstLine
    var found: String?
    switch error {
    case .nonPositive(let index, _, let value), .negativeCount(let index, _, let value):
      line = s.lines[index]
      found = "\(value)"
    default: break
    }
    return DataError(
      file: source, line: line, column: column, columnName: "value", message: "\(Self.label(s)): \(error)", found: found)
  }

  /// Groups observations into yearly series per (indicator, agency), sorted by key.
  ///
  /// Keys are interned to dense integers (a run of rows of one series reuses the last id
  /// without hashing); each series' rows are then sorted by period and summed per year.
  public static func yearlySeries(_ set: ObservationSet) throws -> [YearlySeries] {
    struct Key: Hashable, Comparable {
      var indicator: String?, agency: String?
      static func < (a: Key, b: Key) -> Bool {
        (a.indicator ?? "", a.agency ?? "") < (b.indicator ?? "", b.agency ?? "")
      }
    }
    /// One observation, reduced to what a trend needs.
    struct Entry {
      var year: Int
      var part: Int  // 0 yearly, 1…4 quarter, 101…112 month
      var value: DecimalNumber?
      var target: DecimalNumber?
      var line: Int
    }
    // Pass 1: a dense id per row (a run of rows of one series reuses the last id without
    // hashing) and the number of rows per id.
    let observations = set.observations
    var ids = [Key: Int]()
    var keys = [Key]()
    var counts = [Int]()
    var units = [String?]()
    var lowerIsBetter = [Bool]()
    var milestone = [Bool]()
    var rowID = [Int32](repeating: 0, count: observations.count)
    var lastKey: Key?
    var lastID = -1
    for r in observations.indices {
      let indicator = observations[r].indicator, agency = observations[r].agency
      let id: Int
      if let lastKey, lastKey.indicator == indicator, lastKey.agency == agency {
        id = lastID
      } else {
        let key = Key(indicator: indicator, agency: agency)
        if let known = ids[key] {
          id = known
        } else {
          id = keys.count
          ids[key] = id
          keys.append(key)
          counts.append(0)
          units.append(nil)
          lowerIsBetter.append(false)
          milestone.append(false)
        }
        lastKey = key
        lastID = id
      }
      rowID[r] = Int32(id)
      counts[id] += 1
      if units[id] == nil, let unit = observations[r].unit { units[id] = unit }
      switch observations[r].direction {
      case .decrease: lowerIsBetter[id] = true
      case .milestone: milestone[id] = true
      default: break
      }
    }
    // Pass 2: rows placed contiguously per series (a counting sort, stable in file order).
    var start = [Int](repeating: 0, count: keys.count + 1)
    for id in keys.indices { start[id + 1] = start[id] + counts[id] }
    var next = start
    var entries = [Entry](repeating: Entry(year: 0, part: 0, value: nil, target: nil, line: 0), count: observations.count)
    for r in observations.indices {
      let id = Int(rowID[r])
      let period = observations[r].period
      entries[next[id]] = Entry(
        year: period.year, part: period.month.map { 100 + $0 } ?? period.quarter ?? 0, value: observations[r].value,
        target: observations[r].target, line: observations[r].line)
      next[id] += 1
    }
    func before(_ a: Entry, _ b: Entry) -> Bool { (a.year, a.part, a.line) < (b.year, b.part, b.line) }
    var result = [YearlySeries]()
    result.reserveCapacity(keys.count)
    for id in keys.indices.sorted(by: { keys[$0] < keys[$1] }) {
      let key = keys[id]
      var rows = Array(entries[start[id]..<start[id + 1]])
      if !zip(rows, rows.dropFirst()).allSatisfy({ before($0, $1) }) { rows.sort(by: before) }
      var years = [Int](), values = [Double](), lines = [Int](), skipped = [Int]()
      var target: Double?
      var i = 0
      while i < rows.count {
        let year = rows[i].year
        var j = i
        var sum = DecimalSum()
        var missing = false
        var parts = [Int]()
        while j < rows.count && rows[j].year == year {
          if let last = parts.last, last == rows[j].part {
            throw DataError(
              file: set.source, line: rows[j].line, column: set.columnNumber(.year), columnName: "year",
              message: "\(key.indicator ?? "")\(key.agency.map { " / \($0)" } ?? ""): the same period appears twice (also on line \(rows[j - 1].line))")
          }
          parts.append(rows[j].part)
          if let v = rows[j].value { sum.add(v) } else { missing = true }
          if let t = rows[j].target { target = t.double }
          j += 1
        }
        let complete: Bool
        if parts == [0] {
          complete = true
        } else if parts.allSatisfy({ $0 >= 1 && $0 <= 4 }) {
          complete = parts.count == 4
        } else if parts.allSatisfy({ $0 > 100 }) {
          complete = parts.count == 12
        } else {
          complete = false  // a yearly row mixed with quarters or months: ambiguous, skipped
        }
        if complete && !missing {
          years.append(year)
          values.append(sum.double)
          lines.append(rows[i].line)
        } else {
          skipped.append(year)
        }
        i = j
      }
      result.append(YearlySeries(
        indicator: key.indicator, agency: key.agency, series: TrendSeries(years: years, values: values),
        lines: lines, firstLine: entries[start[id]].line, unit: units[id], target: target,
        lowerIsBetter: lowerIsBetter[id], isMilestone: milestone[id], skippedYears: skipped))
    }
    return result
  }
}

extension String {
  fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
