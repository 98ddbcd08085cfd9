import IntegrityTables
import IntegrityAgencyData
import IntegrityActionPlan

/// Yearly achievement for every (indicator, agency, year) of an input, with optional
/// totals over agencies: the result of `integrity-stats achievement`, computed by
/// `AchievementAccumulator` (the steps and formulas are on it and on `AchievementRatio`).
///
/// Rows are sorted by indicator, agency (the total last), year; strings by their UTF-8
/// bytes, so the same rows in any order give the same output. A large report is kept as
/// the computation's per-group integers and rendered chunk by chunk (`chunkCount`,
/// `appendCSV(chunk:to:names:)`, `table(chunk:)`); `rows` builds every row.
///
/// ```swift
/// let (report, read) = try AchievementReport.read(path: "achievement.csv")
/// for row in report.rows where row.status == .behind { print(row.indicator ?? "", row.year) }
/// print(read.summary)   // read N rows: used U, rejected R
/// ```
public struct AchievementReport: Sendable {
  /// Notes for the reader (e.g. total rows of the input left out of `--total`).
  public var notes: [String]
  var storage: Storage

  enum Storage: Sendable {
    case rows([AchievementRatio])
    case groups(AchievementAccumulator, GroupOrder)
  }

  /// A report of the given rows (already in order).
  public init(rows: [AchievementRatio], notes: [String] = []) {
    self.storage = .rows(rows)
    self.notes = notes
  }

  /// The report of a finished computation.
  init(_ accumulator: AchievementAccumulator) throws {
    var accumulator = accumulator
    try accumulator.foldKeptRows()
    let order = accumulator.rowOrder()
    if accumulator.options.total {
      // Totals can fail (directions that disagree): found before any output.
      for chunk in order.chunks.indices { try accumulator.forEachRow(in: order, chunk: chunk) { _, _ in } }
    }
    notes = accumulator.notes
    storage = .groups(accumulator, order)
  }

  /// Computes the report of observations already read; throws `DataError` located in
  /// `source` for bad rows. A row without a direction of its own (and no
  /// `AchievementOptions.direction`) takes the one `catalogDirection` gives for its
  /// indicator — by default the Action Plan's, as the command line does (an indicator
  /// naming a measure whose targets differ in direction is an error at its row) — else
  /// `increase`.
  public init(
    observations: [Observation], options: AchievementOptions = AchievementOptions(),
    source: AggregationSource = AggregationSource(file: "<input>"),
    catalogDirection: @escaping @Sendable (String) throws -> Direction? = AchievementReport.planDirections
  ) throws {
    var accumulator = AchievementAccumulator(options: options, catalogDirection: catalogDirection)
    try accumulator.consume(observations, source: source)
    try self.init(accumulator)
  }

  /// Reads an agency file (`nil` or `-`: standard input) and computes its report — the
  /// CLI's answer, directions from the catalog by default. Returns the read's account
  /// (notes, warnings, rejected rows, counts) beside it.
  public static func read(
    path: String?, options: AchievementOptions = AchievementOptions(),
    readOptions: ObservationReadOptions = ObservationReadOptions(), catalog: ActionPlanCatalog? = .plan
  ) throws -> (report: AchievementReport, set: ObservationSet) {
    let (accumulator, set) = try ObservationReader.streamColumns(path: path, options: readOptions.officesCanonical) {
      AchievementAccumulator(options: options, catalogDirection: Self.directions(catalog))
    }
    return (try AchievementReport(accumulator), set)
  }

  /// The same for bytes in memory (a workspace's stored figures as CSV, a download);
  /// `source` names them in messages.
  public static func read(
    bytes: [UInt8], source: String, options: AchievementOptions = AchievementOptions(),
    readOptions: ObservationReadOptions = ObservationReadOptions(), catalog: ActionPlanCatalog? = .plan
  ) throws -> (report: AchievementReport, set: ObservationSet) {
    let (accumulator, set) = try ObservationReader.streamColumns(bytes: bytes, source: source, options: readOptions.officesCanonical) {
      AchievementAccumulator(options: options, catalogDirection: Self.directions(catalog))
    }
    return (try AchievementReport(accumulator), set)
  }

  /// The Action Plan's direction for an indicator named after it
  /// (`ActionPlanCatalog.resolvedDirection(forIndicator:)`): the default of
  /// `init(observations:options:source:catalogDirection:)`.
  public static let planDirections: @Sendable (String) throws -> Direction? = directions(.plan)

  static func directions(_ catalog: ActionPlanCatalog?) -> @Sendable (String) throws -> Direction? {
    guard let catalog else { return { _ in nil } }
    return { try catalog.resolvedDirection(forIndicator: $0) }
  }

  /// The result rows, sorted (built from the groups on each call: keep the array).
  public var rows: [AchievementRatio] {
    get {
      switch storage {
      case .rows(let rows): return rows
      case .groups(let accumulator, let order):
        var rows: [AchievementRatio] = []
        rows.reserveCapacity(order.groups.count)
        for chunk in order.chunks.indices {
          try! accumulator.forEachRow(in: order, chunk: chunk) { row, _ in rows.append(row) }
        }
        return rows
      }
    }
    set { storage = .rows(newValue) }
  }

  /// The number of chunks the rows come in (each can be rendered on its own thread).
  public var chunkCount: Int {
    switch storage {
    case .rows: 1
    case .groups(_, let order): order.chunks.count
    }
  }

  /// The rows of chunk `chunk`, in order.
  public func rows(inChunk chunk: Int) -> [AchievementRatio] {
    switch storage {
    case .rows(let rows): return rows
    case .groups(let accumulator, let order):
      var rows: [AchievementRatio] = []
      try! accumulator.forEachRow(in: order, chunk: chunk) { row, _ in rows.append(row) }
      return rows
    }
  }
}

extension AchievementReport: Equatable {
  public static func == (a: AchievementReport, b: AchievementReport) -> Bool {
    a.rows == b.rows && a.notes == b.notes
  }
}
