import IntegrityModels
import IntegrityTables
import IntegrityAgencyData
import Synchronization

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
    // Partition by model (one model unless --auto), fit each partition in one call, and
    // build the rows in the series' order.
    let (members, place, kinds) = partition(all)
    // --auto with --break: a series the choice sends to Sen has no segmented form; it is
    // fitted without the break, and its notes say so.
    let breakDropped = TrendModel.allCases.map { automatic && $0 == .sen && options.breakYear != nil }
    func fitter(_ m: Int) -> TrendFitter {
      var modelOptions = options
      modelOptions.model = TrendModel.allCases[m]
      if breakDropped[m] { modelOptions.breakYear = nil }
      return TrendFitter(options: modelOptions)
    }
    // The rows in the series' order, built on every core, each straight into its place.
    // A series that cannot be fitted stops the run (the first one in the series' order)
    // unless `keepUnfittable`; warnings are kept in that order.
    let problems = Mutex<[(series: Int, error: DataError?, warnings: [String])]>([])
    @Sendable func build(_ i: Int, _ result: consuming Result<TrendFit, TrendError>?) -> TrendReport.Row {
      let m = place[i].model
      let (row, more, error) = row(
        all[i], result, model: TrendModel.allCases[max(m, 0)], kind: kinds[i], breakDropped: m >= 0 && breakDropped[m],
        source: source, valueColumn: valueColumn)
      if error != nil || !more.isEmpty { problems.withLock { $0.append((i, error, more)) } }
      return row
    }
    let rows: [TrendReport.Row]
    if let m = members.indices.first(where: { members[$0].count == all.count }) {
      // One model for every series (the usual case): each row built as its fit comes,
      // with no array of fits between (at 17,857 series, 9 MB of fresh memory: 2,400
      // page faults, and a copy of each fit).
      rows = fitter(m).fit(all.map(\.series)) { i, result in build(i, result) }
    } else {
      // Partitioned by model, each partition fitted in one call.
      let results = TrendModel.allCases.indices.map { m in
        members[m].isEmpty ? [] : fitter(m).fit(members[m].map { all[$0].series })
      }
      rows = Chunks.map(all.count, minimum: 2_000) { i in
        let (m, member) = place[i]
        return build(i, m >= 0 ? results[m][member] : nil)
      }
    }
    for problem in problems.withLock({ $0 }).sorted(by: { $0.series < $1.series }) {
      if let error = problem.error { throw error }
      warnings += problem.warnings
    }
    return TrendReport(
      rows: rows, options: options, automatic: automatic,
      hasTargets: target != nil || all.contains { $0.target != nil }, warnings: warnings)
  }

  /// The series of each model (their indices, in order; one model unless `automatic`),
  /// each series' model (its index in `TrendModel.allCases`; −1 for a milestone under
  /// `--auto`, not fitted) and place among that model's series, and the data kind
  /// `--auto` saw in each.
  func partition(_ all: [YearlySeries]) -> (
    members: [[Int]], place: [(model: Int, member: Int)], kinds: [Int: TrendDataKind]
  ) {
    var members = [[Int]](repeating: [], count: TrendModel.allCases.count)
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
    return (members, place, kinds)
  }

  /// One series' row: its fit (`result`; nil for a milestone under `--auto`), notes and
  /// target crossing, with the warnings it gives; for a series that cannot be fitted,
  /// unless `keepUnfittable`, the error that stops the run (with a row that is not used).
  func row(
    _ s: YearlySeries, _ result: consuming Result<TrendFit, TrendError>?, model: TrendModel, kind: TrendDataKind?,
    breakDropped: Bool, source: String, valueColumn: Int
  ) -> (row: TrendReport.Row, warnings: [String], error: DataError?) {
    var warnings: [String] = []
    guard let result else {
      var fit = TrendFit(model: .linear, n: s.series.count, firstYear: s.series.firstYear, lastYear: s.series.lastYear)
      fit.method = "none"
      fit.notes.append("auto: milestone indicator (done or not), no trend fitted")
      return (TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: fit), [], nil)
    }
    var fit: TrendFit
    switch result {
    case .success(let f): fit = f
    case .failure(let error):
      let problem = dataError(error, s, source: source, column: valueColumn)
      fit = TrendFit(model: model, n: s.series.count, firstYear: s.series.firstYear, lastYear: s.series.lastYear)
      guard keepUnfittable else { return (TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: fit), [], problem) }
      warnings.append("\(problem) — series not fitted")
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
    return (TrendReport.Row(indicator: s.indicator, agency: s.agency, fit: fit, crossing: crossing), warnings, nil)
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
