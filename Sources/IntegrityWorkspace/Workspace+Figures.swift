internal import GRDB
import IntegrityIndicators
import IntegrityTables
import IntegrityAgencyData

extension Workspace {
  /// Every value every figure has had, oldest first per key, with provenance; only
  /// values received on or before `asOf` when given. Ordered by key, then (received, id).
  public func history(asOf: CalendarDate? = nil) throws -> [StoredFigure] {
    try read { db in
      var submissions: [Int64: SubmissionInfo] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT * FROM submission") {
        let info = Workspace.submission(row)
        submissions[info.id] = info
      }
      var figures: [(StoredFigure, Int64)] = []
      let rows = try Row.fetchCursor(db, sql: "SELECT * FROM figure ORDER BY id")
      while let row = try rows.next() {
        let submission = submissions[row["submission_id"]]!
        if let asOf, submission.received > asOf { continue }
        let id: Int64 = row["id"]
        figures.append((Workspace.figure(row, submission: submission), id))
      }
      figures.sort { a, b in
        if a.0.key != b.0.key { return a.0.key < b.0.key }
        if a.0.submission.received != b.0.submission.received { return a.0.submission.received < b.0.submission.received }
        return a.1 < b.1
      }
      return figures.map(\.0)
    }
  }

  /// The current value of every figure on `asOf` (default: everything imported), by key
  /// order: the latest by (received, import order) of each key's values.
  public func currentFigures(asOf: CalendarDate? = nil) throws -> [StoredFigure] {
    var result: [StoredFigure] = []
    for figure in try history(asOf: asOf) {
      if let last = result.last, last.key == figure.key {
        result[result.count - 1] = figure
      } else {
        result.append(figure)
      }
    }
    return result
  }

  /// `figures` as an `ObservationSet` (key order, the canonical columns any figure fills),
  /// for `exportTable` to render with `tidy`'s code. The analysis commands do not read
  /// this: they read `figuresCSV` through `ObservationReader`, like any file.
  func observationSet(_ figures: [StoredFigure], asOf: CalendarDate?) -> ObservationSet {
    let observations = figures.map(\.observation)
    var present: Set<CanonicalColumn> = [.year, .value]
    if observations.contains(where: { $0.indicator != nil }) { present.insert(.indicator) }
    if observations.contains(where: { $0.agency != nil }) { present.insert(.agency) }
    if observations.contains(where: { $0.period.quarter != nil }) { present.insert(.quarter) }
    if observations.contains(where: { $0.period.month != nil }) { present.insert(.month) }
    if observations.contains(where: { $0.target != nil }) { present.insert(.target) }
    if observations.contains(where: { $0.sampleSize != nil }) { present.insert(.n) }
    if observations.contains(where: { $0.unit != nil }) { present.insert(.unit) }
    if observations.contains(where: { $0.direction != nil }) { present.insert(.direction) }
    let source = asOf.map { "\(path) as of \($0)" } ?? path
    var set = ObservationSet(
      observations: observations, rowsRead: observations.count, columnsPresent: present, source: source)
    set.columnNumbers = [:]
    return set
  }

  static func submission(_ row: Row) -> SubmissionInfo {
    SubmissionInfo(
      id: row["id"], file: row["file"], sha256: row["sha256"], format: row["format"], encoding: row["encoding"],
      received: CalendarDate(parsing: row["received"]) ?? CalendarDate(year: 1970, month: 1, day: 1)!,
      importedAt: row["imported_at"], reason: row["reason"])
  }

  static func figure(_ row: Row, submission: SubmissionInfo) -> StoredFigure {
    StoredFigure(
      key: key(row), value: DecimalText.parse(row["value"]), target: DecimalText.parse(row["target"]),
      sampleSize: DecimalText.parse(row["n"]), unit: row["unit"],
      direction: (row["direction"] as String?).flatMap(Direction.init(rawValue:)), revisedFlag: row["revised_flag"],
      line: row["line"], rowReason: row["reason"], submission: submission)
  }

  /// Row counts of the tables (submissions, figures), for tests and `status` notes.
  public func counts() throws -> (submissions: Int, figures: Int) {
    try read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM submission") ?? 0,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM figure") ?? 0
      )
    }
  }
}
