import IntegrityModels
import IntegrityTables
import IntegrityAgencyData

/// `trend`: rows → one yearly series per (indicator, agency) (`TrendSeriesAccumulator`,
/// whose comment gives the rules) → a trend line each; `n` is the number of years used.
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
    var warnings = [String]()
    // Partition by model (one model unless --auto), fit each partition in one call; then
    // the rows in the series' order, each fit copied once.
    var members = [[Int]](repeating: [], count: TrendModel.allCases.count)
    // Per series: its model's index in `TrendModel.allCases` and its place among that
    // model's members (model −1: a milestone, not fitted).
    var place = [(model: Int, member: Int)](repeating: (-1, 0), count: all.count)
    var kinds = [Int: TrendDataKind]()
    let modelIndex = Dictionary(uniqueKeysWithValues: TrendModel.allCases.enumerated().map { ($1, $0) })
    for (i, s) in all.enumerated() {
      var model = options.model
      if automatic && s.isMilestone { continue }
      if automatic {
        let kind = TrendDataKind.classify(s.series.values, unit: s.unit, name: s.indicator)
        kinds[i] = kind
        model = kind.automaticModel
      }
      let m = modelIndex[model]!
      place[i] = (m, members[m].count)
      members[m].append(i)
    }
    // --auto with --break: a series the choice sends to Sen has no segmented form; it is
    // fitted without the break, and its notes say so.
    let breakDropped = TrendModel.allCases.map { automatic && $0 == .sen && options.breakYear != nil }
    var results = TrendModel.allCases.enumerated().map { m, model in
      guard !members[m].isEmpty else { return [Result<TrendFit, TrendError>]() }
      var modelOptions = options
      modelOptions.model = model
      if breakDropped[m] { modelOptions.breakYear = nil }
      return TrendFitter(options: modelOptions).fit(members[m].map { all[$0].series })
    }
    // The rows in the series' order; the first series that cannot be fitted stops the
    // run unless `keepUnfittable`.
    // By index, and each fit taken out of `results` (a placeholder left behind): copying a
    // series or a fit retains every array it holds, and those are cache-cold here.
    var rows = [TrendReport.Row]()
    rows.reserveCapacity(all.count)
    for i in all.indices {
      let (m, member) = place[i]
      let (row, more) = try row(
        all[i], m >= 0 ? results[m].take(at: member) : nil, model: TrendModel.allCases[max(m, 0)], kind: kinds[i],
        breakDropped: m >= 0 && breakDropped[m], source: source, valueColumn: valueColumn)
      rows.append(row)
      warnings += more
    }
    return TrendReport(
      rows: rows, options: options, automatic: automatic,
      hasTargets: target != nil || all.contains { $0.target != nil }, warnings: warnings)
  }

  /// One series' row: its fit (`result`; nil for a milestone under `--auto`), notes and
  /// target crossing, with the warnings it gives.
  func row(
    _ s: YearlySeries, _ result: consuming Result<TrendFit, TrendError>?, model: TrendModel, kind: TrendDataKind?,
    breakDropped: Bool, source: String, valueColumn: Int
  ) throws(DataError) -> (row: TrendReport.Row, warnings: [String]) {
    var warnings: [String] = []
    guard let result else {
      var fit = TrendFit(model: .linear, n: s.series.count, firstYear: s.series.firstYear, lastYear: s.series.lastYear)
      fit.method = "none"
      fit.notes.append("auto: milestone indicator (done or not), no trend fitted")
      return (TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: fit), [])
    }
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
    if let kind { fit.notes.insert("auto: \(model.rawValue) (\(kind.rawValue) data)", at: 0) }
    if breakDropped {
      fit.notes.append(Notice("break not applied: the sen model has no segmented form", remedy: .segmentedModel))
    }
    if !s.skippedYears.isEmpty {
      fit.notes.append(Notice("years skipped: " + s.skippedYears.map(String.init).joined(separator: " ")))
    }
    for w in fit.warnings { warnings.append("\(Self.label(s)): \(w)") }
    var crossing: TargetCrossing?
    if let t = target ?? s.target { crossing = fit.crossing(target: t, higherIsBetter: !s.lowerIsBetter) }
    return (TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: fit, crossing: crossing), warnings)
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
      file: source, line: line, column: column, columnName: "value", message: "\(Self.label(s)): \(error.message)",
      found: found, remedy: error.remedy)
  }

  /// The yearly series of observations already read, as `TrendSeriesAccumulator`
  /// builds them from a file's rows (the same computation).
  public static func yearlySeries(_ set: ObservationSet) throws -> [YearlySeries] {
    var accumulator = TrendSeriesAccumulator()
    try accumulator.consume(set.observations, source: set.aggregationSource)
    return accumulator.series()
  }

  /// Reads an agency file (`nil` or `-`: standard input) into its yearly series — what
  /// `integrity-stats trend` fits — with the read's account.
  public static func read(path: String?, readOptions: ObservationReadOptions = ObservationReadOptions()) throws
    -> (series: [YearlySeries], set: ObservationSet)
  {
    let (accumulator, set) = try ObservationReader.streamColumns(path: path, options: readOptions.officesCanonical) {
      TrendSeriesAccumulator()
    }
    return (accumulator.series(), set)
  }

  /// The same for bytes in memory; `source` names them in messages.
  public static func read(
    bytes: [UInt8], source: String, readOptions: ObservationReadOptions = ObservationReadOptions()
  ) throws -> (series: [YearlySeries], set: ObservationSet) {
    let (accumulator, set) = try ObservationReader.streamColumns(bytes: bytes, source: source, options: readOptions.officesCanonical) {
      TrendSeriesAccumulator()
    }
    return (accumulator.series(), set)
  }
}

extension String {
  fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
