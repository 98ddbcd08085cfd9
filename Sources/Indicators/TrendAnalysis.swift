import Models
import TableIO

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
  /// `--auto`: choose the model per series from the data kind (`SeriesKind`).
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
    /// Years skipped: missing value, or incomplete quarters.
    public var skippedYears: [Int]
  }

  /// Fits every series.
  public func run(_ set: ObservationSet) throws -> TrendReport {
    let all = try Self.yearlySeries(set)
    var rows = [TrendReport.Row?](repeating: nil, count: all.count)
    var warnings = [String]()
    // Partition by model (one model unless --auto), fit each partition in one call.
    var byModel = [TrendModel: [Int]]()
    var kinds = [Int: SeriesKind]()
    for (i, s) in all.enumerated() {
      var model = options.model
      if automatic {
        let kind = SeriesKind.classify(s.series.values, unit: s.unit, name: s.indicator)
        kinds[i] = kind
        model = kind.automaticModel
      }
      byModel[model, default: []].append(i)
    }
    for model in TrendModel.allCases {
      guard let members = byModel[model] else { continue }
      var modelOptions = options
      modelOptions.model = model
      if automatic && model != .linear && model != .loglinear { modelOptions.breakYear = nil }
      let results = TrendFitter(options: modelOptions).fit(members.map { all[$0].series })
      for (i, result) in zip(members, results) {
        let s = all[i]
        var fit: TrendFit
        switch result {
        case .success(let f): fit = f
        case .failure(let error):
          let problem = dataError(error, s, source: set.source)
          guard keepUnfittable else { throw problem }
          warnings.append("\(problem): series not fitted")
          fit = TrendFit(model: model, n: s.series.count, firstYear: s.series.firstYear, lastYear: s.series.lastYear)
          if s.series.count == 0 { (fit.firstYear, fit.lastYear) = (s.skippedYears.first ?? 0, s.skippedYears.last ?? 0) }
          fit.notes.append("not fitted: \(error)")
        }
        if let kind = kinds[i] { fit.notes.insert("auto: \(model.rawValue) (\(kind.rawValue) data)", at: 0) }
        if !s.skippedYears.isEmpty {
          fit.notes.append("years skipped: " + s.skippedYears.map(String.init).joined(separator: " "))
        }
        for w in fit.warnings { warnings.append("\(Self.label(s)): \(w)") }
        var crossing: TargetCrossing?
        if let t = target ?? s.target { crossing = fit.crossing(target: t, higherIsBetter: !s.lowerIsBetter) }
        rows[i] = TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: fit, crossing: crossing)
      }
    }
    return TrendReport(
      rows: rows.map { $0! }, options: options, automatic: automatic,
      hasTargets: target != nil || all.contains { $0.target != nil }, warnings: warnings)
  }

  /// `indicator / agency` for messages.
  static func label(_ s: YearlySeries) -> String {
    [s.indicator, s.agency].compactMap { $0 }.joined(separator: " / ").ifEmpty("series")
  }

  func dataError(_ error: TrendError, _ s: YearlySeries, source: String) -> DataError {
    var line = s.lines.first ?? s.firstLine
    var found: String?
    switch error {
    case .nonPositive(let index, _, let value), .negativeCount(let index, _, let value):
      line = s.lines[index]
      found = "\(value)"
    default: break
    }
    return DataError(
      file: source, line: line, column: 0, columnName: "value", message: "\(Self.label(s)): \(error)", found: found)
  }

  /// Groups observations into yearly series per (indicator, agency), sorted by key.
  public static func yearlySeries(_ set: ObservationSet) throws -> [YearlySeries] {
    struct Key: Hashable, Comparable {
      var indicator: String?, agency: String?
      static func < (a: Key, b: Key) -> Bool {
        (a.indicator ?? "", a.agency ?? "") < (b.indicator ?? "", b.agency ?? "")
      }
    }
    struct YearCell {
      var sum = DecimalSum()
      var parts = Set<Int>()  // quarter or month numbers; 0 for a yearly row
      var missing = false
      var firstLine: Int
      var target: DecimalNumber?
    }
    struct Accumulator {
      var years = [Int: YearCell]()
      var unit: String?
      var lowerIsBetter = false
      var firstLine = Int.max
    }
    var groups = [Key: Accumulator]()
    for o in set.observations {
      let key = Key(indicator: o.indicator, agency: o.agency)
      var acc = groups[key] ?? Accumulator()
      if acc.unit == nil { acc.unit = o.unit }
      acc.firstLine = min(acc.firstLine, o.line)
      if o.direction == .decrease { acc.lowerIsBetter = true }
      var cell = acc.years[o.period.year] ?? YearCell(firstLine: o.line)
      let part = o.period.month.map { 100 + $0 } ?? o.period.quarter ?? 0
      if cell.parts.contains(part) {
        throw DataError(
          file: set.source, line: o.line, column: 0, columnName: "year",
          message: "\(key.indicator ?? "")\(key.agency.map { " / \($0)" } ?? ""): \(o.period) appears twice (also on line \(cell.firstLine))",
          found: "\(o.period)")
      }
      cell.parts.insert(part)
      if let v = o.value { cell.sum.add(v) } else { cell.missing = true }
      if let t = o.target { cell.target = t }
      acc.years[o.period.year] = cell
      groups[key] = acc
    }
    return groups.keys.sorted().map { key in
      let acc = groups[key]!
      var years = [Int](), values = [Double](), lines = [Int](), skipped = [Int]()
      var target: Double?
      for year in acc.years.keys.sorted() {
        let cell = acc.years[year]!
        if let t = cell.target { target = t.double }
        let complete: Bool
        if cell.parts == [0] {
          complete = true
        } else if cell.parts.allSatisfy({ $0 >= 1 && $0 <= 4 }) {
          complete = cell.parts.count == 4
        } else if cell.parts.allSatisfy({ $0 > 100 }) {
          complete = cell.parts.count == 12
        } else {
          complete = false  // a yearly row mixed with quarters: ambiguous, skipped
        }
        guard complete, !cell.missing else {
          skipped.append(year)
          continue
        }
        years.append(year)
        values.append(cell.sum.double)
        lines.append(cell.firstLine)
      }
      return YearlySeries(
        indicator: key.indicator, agency: key.agency, series: TrendSeries(years: years, values: values),
        lines: lines, firstLine: acc.firstLine, unit: acc.unit, target: target, lowerIsBetter: acc.lowerIsBetter, skippedYears: skipped)
    }
  }
}

extension String {
  fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
