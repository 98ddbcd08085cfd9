import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

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
/// `integrity-stats quarterly`, computed by `QuarterlyPaceAccumulator` (the rules are on
/// it, the formulas on `QuarterlyPace`). A large review is kept as the computation's
/// per-group integers and rendered chunk by chunk; `rows` builds every row.
///
/// ```swift
/// let (review, read) = try QuarterlyPaceReport.read(path: "target-cases.csv", total: true)
/// for row in review.rows where row.status == .behind { print(row.agency, row.year, row.quarter) }
/// ```
public struct QuarterlyPaceReport: Sendable {
  /// Notes for the reader (e.g. total rows of the input left out of the national total).
  public var notes: [String] = []
  var storage: Storage

  enum Storage: Sendable {
    case rows([QuarterlyPace])
    case groups(QuarterlyPaceAccumulator, GroupOrder)
  }

  public init(rows: [QuarterlyPace], notes: [String] = []) {
    self.storage = .rows(rows)
    self.notes = notes
  }

  /// The review of a finished computation, with the targets file's targets.
  init(_ accumulator: QuarterlyPaceAccumulator, targets: [AnnualTarget], targetsSource: AggregationSource) throws(DataError) {
    var accumulator = accumulator
    try accumulator.applyTargets(targets, source: targetsSource)
    notes = accumulator.notes
    storage = .groups(accumulator, accumulator.rowOrder())
  }

  /// Computes the review of observations already read; throws `DataError` located in
  /// `source` (or in `targetsSource` for targets-file rows).
  public init(
    observations: [Observation], targets: [AnnualTarget] = [], total: Bool = false,
    duplicates: DuplicatePolicy = .error,
    source: AggregationSource = AggregationSource(file: "<input>"),
    targetsSource: AggregationSource = AggregationSource(file: "<targets>")
  ) throws(DataError) {
    var accumulator = QuarterlyPaceAccumulator(total: total, duplicates: duplicates)
    try accumulator.consume(observations, source: source)
    try self.init(accumulator, targets: targets, targetsSource: targetsSource)
  }

  /// Reads an agency file (`nil` or `-`: standard input) and reviews it — the CLI's
  /// answer; `targets` from a targets file (`AnnualTarget.read(from:)`). Returns the
  /// read's account beside it.
  public static func read(
    path: String?, total: Bool = false, duplicates: DuplicatePolicy = .error, targets: [AnnualTarget] = [],
    targetsSource: AggregationSource = AggregationSource(file: "<targets>"),
    readOptions: ObservationReadOptions = ObservationReadOptions()
  ) throws -> (report: QuarterlyPaceReport, set: ObservationSet) {
    let (accumulator, set) = try ObservationReader.streamColumns(path: path, options: readOptions.officesCanonical) {
      QuarterlyPaceAccumulator(total: total, duplicates: duplicates)
    }
    return (try QuarterlyPaceReport(accumulator, targets: targets, targetsSource: targetsSource), set)
  }

  /// The same for bytes in memory; `source` names them in messages.
  public static func read(
    bytes: [UInt8], source: String, total: Bool = false, duplicates: DuplicatePolicy = .error,
    targets: [AnnualTarget] = [], targetsSource: AggregationSource = AggregationSource(file: "<targets>"),
    readOptions: ObservationReadOptions = ObservationReadOptions()
  ) throws -> (report: QuarterlyPaceReport, set: ObservationSet) {
    let (accumulator, set) = try ObservationReader.streamColumns(bytes: bytes, source: source, options: readOptions.officesCanonical) {
      QuarterlyPaceAccumulator(total: total, duplicates: duplicates)
    }
    return (try QuarterlyPaceReport(accumulator, targets: targets, targetsSource: targetsSource), set)
  }

  /// The rows, sorted (built from the groups on each call: keep the array).
  public var rows: [QuarterlyPace] {
    get {
      (0..<chunkCount).flatMap { rows(inChunk: $0) }
    }
    set { storage = .rows(newValue) }
  }

  /// The number of chunks the rows come in.
  public var chunkCount: Int {
    switch storage {
    case .rows: 1
    case .groups(_, let order): order.chunks.count
    }
  }

  /// The rows of chunk `chunk`, in order.
  public func rows(inChunk chunk: Int) -> [QuarterlyPace] {
    switch storage {
    case .rows(let rows): return rows
    case .groups(let accumulator, let order):
      var rows: [QuarterlyPace] = []
      accumulator.forEachRow(in: order, chunk: chunk) { row, _ in rows.append(row) }
      return rows
    }
  }

  /// Whether the review has an `indicator` column (some row names an indicator).
  public var hasIndicator: Bool {
    switch storage {
    case .rows(let rows): rows.contains { $0.indicator != nil }
    case .groups(let accumulator, _): accumulator.hasIndicator
    }
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

extension QuarterlyPaceReport: Equatable {
  public static func == (a: QuarterlyPaceReport, b: QuarterlyPaceReport) -> Bool {
    a.rows == b.rows && a.notes == b.notes
  }
}
