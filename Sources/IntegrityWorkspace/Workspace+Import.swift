import Foundation
internal import GRDB
import Indicators
import TableIO

extension Workspace {
  /// Imports one agency file as one submission, in one transaction.
  ///
  /// 1. The file's bytes are hashed (SHA-256); bytes already imported change nothing.
  /// 2. The file is read by `ObservationReader` (every format and rule it knows); a bad row
  ///    throws its `DataError` before anything is written, unless `skipBadRows`.
  /// 3. Inside one `BEGIN IMMEDIATE` transaction: each figure is compared with the value
  ///    current as of the received date — new key → added, same figures → unchanged (no
  ///    row written), different → revised (a new row; the old one is kept). Two rows of one
  ///    key in a file: the later line supersedes the earlier.
  ///
  /// A crash or kill at any point leaves the workspace as it was before the call.
  public func importFile(path: String, options: ImportOptions) throws -> ImportResult {
    let bytes: [UInt8]
    do {
      bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw InputError(path: path, reason: (error as NSError).localizedDescription)
    }
    // Hash on another thread while the reader runs.
    let hashing = DispatchGroup()
    let digest = DigestBox()
    DispatchQueue.global().async(group: hashing) { digest.value = SHA256.hex(bytes) }
    let readResult = Result { try ObservationReader.read(path: path, options: options.read) }
    hashing.wait()
    let sha = digest.value
    let format = Workspace.format(of: bytes, path: path)
    let encoding = format == "csv" ? Workspace.encoding(of: bytes, requested: options.read.table.encoding) : nil
    let importedAt = options.importedAt ?? Workspace.timestamp()

    if let previous = try read({ db in
      try Row.fetchOne(db, sql: "SELECT file, imported_at FROM submission WHERE sha256 = ?", arguments: [sha])
    }) {
      return ImportResult(
        file: path, sha256: sha, alreadyImported: (previous["file"], previous["imported_at"]),
        read: ObservationSet(source: path), added: 0, revised: 0, unchanged: 0, dryRun: options.dryRun)
    }

    var set = try readResult.get()
    let sides = SideColumns.read(path: path, set: set, options: options.read)
    var observations: [Observation] = []
    swap(&observations, &set.observations)
    let received = options.received.description

    var result = ImportResult(
      file: path, sha256: sha, alreadyImported: nil, read: set, added: 0, revised: 0, unchanged: 0,
      dryRun: options.dryRun)
    let outcome: (Int, Int, Int)? = try write(commit: !options.dryRun) { db in
      // Another process may have imported the same bytes while we read the file.
      if try Int.fetchOne(db, sql: "SELECT 1 FROM submission WHERE sha256 = ?", arguments: [sha]) != nil {
        return nil
      }
      // Separate interners: each keeps its own last name, and rows alternate between the two.
      var indicators = NameInterner(), agencies = NameInterner()
      // Key → where its current figures are: ≥ 0 an index in `stored` (the workspace's),
      // < 0 the observation −(i + 1) of this file (a later line of one key supersedes).
      let stored = try Workspace.currentFigures(db, asOf: received, indicators: &indicators, agencies: &agencies)
      var current: [FigureID: Int] = [:]
      current.reserveCapacity(stored.count + observations.count)
      for (i, figure) in stored.enumerated() { current[figure.id] = i }
      try db.execute(
        sql: """
          INSERT INTO submission (sha256, file, format, encoding, received, imported_at, reason,
            rows_read, rows_rejected, added, revised, unchanged)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)
          """,
        arguments: [
          sha, path, format, encoding, received, importedAt, options.reason, set.rowsRead, set.rejected.count,
        ])
      let submission = db.lastInsertedRowID
      let inserter = try FigureInserter(db)
      var added = 0, revised = 0, unchanged = 0
      // Raw agency name id → canonical agency id (the office canonicalisation of the 22
      // prosecutors offices applies here too: 臺北地檢署 and 臺灣臺北地方檢察署 are one figure).
      var rawAgencies = NameInterner()
      var canonicalAgency: [Int32] = []
      let noIndicator = indicators.id(""), noAgency = agencies.id("")
      let defaultAgency = options.agency.map { agencies.id($0) } ?? noAgency
      for i in observations.indices {
        var agency = defaultAgency
        if let name = observations[i].agency {
          let raw = Int(rawAgencies.id(name))
          while canonicalAgency.count <= raw {
            canonicalAgency.append(agencies.id(ProsecutorsOffice.canonicalName(rawAgencies.names[canonicalAgency.count])))
          }
          agency = canonicalAgency[raw]
        }
        observations[i].agency = agency == noAgency ? nil : agencies.names[Int(agency)]
        if observations[i].indicator == nil { observations[i].indicator = options.indicator }
        let side = sides.isEmpty ? nil : sides[observations[i].line]
        if side?.revised == true { observations[i].revised = true }
        let obs = observations[i]
        let id = FigureID(
          indicator: obs.indicator.map { indicators.id($0) } ?? noIndicator, agency: agency,
          year: Int32(obs.period.year), quarter: Int8(obs.period.quarter ?? 0), month: Int8(obs.period.month ?? 0))
        if let existing = current[id] {
          let same = existing >= 0 ? stored[existing].figures.sameFigures(as: obs) : CurrentFigure(observations[-existing - 1]).sameFigures(as: obs)
          if same {
            unchanged += 1
            continue
          }
          revised += 1
        } else {
          added += 1
        }
        current[id] = -(i + 1)
        try inserter.insert(
          FigureInserter.Row(
            submission: submission, line: obs.line, indicator: obs.indicator ?? "", agency: obs.agency ?? "",
            year: obs.period.year, quarter: obs.period.quarter ?? 0, month: obs.period.month ?? 0,
            value: obs.value, target: obs.target, n: obs.sampleSize, unit: obs.unit, direction: obs.direction?.rawValue,
            revised: obs.revised, reason: side?.reason))
      }
      try db.execute(
        sql: "UPDATE submission SET added = ?, revised = ?, unchanged = ? WHERE id = ?",
        arguments: [added, revised, unchanged, submission])
      options.beforeCommit?()
      return (added, revised, unchanged)
    }
    guard let (added, revised, unchanged) = outcome else {
      result.alreadyImported = (path, "just now, by another import")
      return result
    }
    result.added = added
    result.revised = revised
    result.unchanged = unchanged
    return result
  }

  /// The figures (not their provenance) current on `asOf` (`YYYY-MM-DD`), by key: per key
  /// the row with the greatest (received, id) among those received on or before `asOf`.
  static func currentFigures(
    _ db: Database, asOf: String, indicators: inout NameInterner, agencies: inout NameInterner
  ) throws -> [(id: FigureID, figures: CurrentFigure)] {
    var result: [(id: FigureID, figures: CurrentFigure)] = []
    var latest: [FigureID: (received: String, row: Int64, index: Int)] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT f.id, indicator, agency, year, quarter, month, value, target, n, unit, direction, s.received
        FROM figure f JOIN submission s ON s.id = f.submission_id WHERE s.received <= ?
        """, arguments: [asOf])
    while let row = try rows.next() {
      let key = FigureID(
        indicator: indicators.id(row["indicator"]), agency: agencies.id(row["agency"]), year: row["year"],
        quarter: row["quarter"], month: row["month"])
      let received: String = row["received"], id: Int64 = row["id"]
      let figures = CurrentFigure(
        value: DecimalText.parse(row["value"]), target: DecimalText.parse(row["target"]),
        sampleSize: DecimalText.parse(row["n"]), unit: row["unit"],
        direction: (row["direction"] as String?).flatMap(Direction.init(rawValue:)))
      if let seen = latest[key] {
        guard (seen.received, seen.row) < (received, id) else { continue }
        result[seen.index].figures = figures
        latest[key] = (received, id, seen.index)
      } else {
        latest[key] = (received, id, result.count)
        result.append((key, figures))
      }
    }
    return result
  }

  static func key(_ row: Row) -> FigureKey {
    let quarter: Int = row["quarter"], month: Int = row["month"]
    return FigureKey(
      indicator: row["indicator"] as String, agency: row["agency"] as String,
      period: Period(year: row["year"], quarter: quarter == 0 ? nil : quarter, month: month == 0 ? nil : month))
  }

  /// `xlsx`/`ods` for a ZIP container (by the file name), else `csv` (delimited text).
  static func format(of bytes: [UInt8], path: String) -> String {
    guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return "csv" }
    return path.lowercased().hasSuffix(".ods") ? "ods" : "xlsx"
  }

  /// The text encoding of a delimited file: the one requested, else what the bytes are
  /// (a UTF-16 byte order mark, valid UTF-8, else Big5 — the reader's `auto` rule).
  static func encoding(of bytes: [UInt8], requested: TextEncoding) -> String {
    if requested != .auto { return requested.rawValue }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "utf-16" }
    return String(validating: bytes, as: UTF8.self) != nil ? "utf-8" : "big5"
  }

  /// Now, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
  }
}

/// The figures of a current value, for comparing a resubmission.
struct CurrentFigure: Sendable {
  var value: DecimalNumber?
  var target: DecimalNumber?
  var sampleSize: DecimalNumber?
  var unit: String?
  var direction: Direction?

  init(value: DecimalNumber?, target: DecimalNumber?, sampleSize: DecimalNumber?, unit: String?, direction: Direction?) {
    self.value = value
    self.target = target
    self.sampleSize = sampleSize
    self.unit = unit
    self.direction = direction
  }

  init(_ obs: Observation) {
    self.init(value: obs.value, target: obs.target, sampleSize: obs.sampleSize, unit: obs.unit, direction: obs.direction)
  }

  func sameFigures(as obs: Observation) -> Bool {
    value == obs.value && target == obs.target && sampleSize == obs.sampleSize && unit == obs.unit
      && direction == obs.direction
  }
}

/// The digest computed on another thread (written once before `wait()` returns).
private final class DigestBox: @unchecked Sendable {
  var value = ""
}
