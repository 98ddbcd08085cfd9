import Foundation
internal import GRDB
import IntegrityIndicators
import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

extension Workspace {
  /// Imports one agency file as one submission, in one transaction.
  ///
  /// 1. The file's bytes are hashed (SHA-256); bytes already imported change nothing.
  /// 2. The file is streamed through `ObservationReader` (every format and rule it knows,
  ///    the office names of the 22 prosecutors offices canonical as in every command) into
  ///    its compact columns, never a row of `Observation`s; a bad row throws its
  ///    `DataError` before anything is written, unless `skipBadRows`.
  /// 3. Inside one `BEGIN IMMEDIATE` transaction: each figure is compared with the value
  ///    current as of the received date — new key → added, same figures → unchanged (no
  ///    row written), different → revised (a new row; the old one is kept). Two rows of one
  ///    key in a file: the later line supersedes the earlier.
  ///
  /// A crash or kill at any point leaves the workspace as it was before the call.
  public func importFile(path: String, options: ImportOptions) throws -> ImportResult {
    // The system's reason on failure ("No such file or directory"), not Foundation's
    // "The operation could not be completed".
    let bytes = try InputBytes.read(path: path)
    // Hash on another thread while the reader runs.
    let hashing = DispatchGroup()
    let digest = DigestBox()
    DispatchQueue.global().async(group: hashing) { digest.value = SHA256.hex(bytes) }
    let readResult = Result { try ObservationReader.readColumns(path: path, options: options.read.officesCanonical) }
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

    let (columns, keys, set) = try readResult.get()
    let sides = SideColumns.read(path: path, set: set, options: options.read)
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
      // < 0 the figures −(i + 1) of `written` (this file's: a later line of one key supersedes).
      let stored = try Workspace.currentFigures(db, asOf: received, indicators: &indicators, agencies: &agencies)
      var current: [FigureID: Int] = [:]
      current.reserveCapacity(stored.count + columns.count)
      for (i, figure) in stored.enumerated() { current[figure.id] = i }
      var written: [CurrentFigure] = []
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
      // The reader's key ids (0: none) → the workspace's, once per distinct name; a file
      // without the column takes --indicator / --agency.
      let indicatorIDs = keys.indicators.map { indicators.id($0 ?? options.indicator ?? "") }
      let agencyIDs = keys.agencies.map { agencies.id($0 ?? options.agency ?? "") }
      for i in 0..<columns.count {
        let indicator = indicatorIDs[Int(columns.indicator[i])], agency = agencyIDs[Int(columns.agency[i])]
        let line = Int(columns.line[i])
        let side = sides.isEmpty ? nil : sides[line]
        let nExponent = columns.nExponent[i]
        let figures = CurrentFigure(
          value: columns.value(at: i), target: columns.target(at: i),
          sampleSize: nExponent == ObservationColumns.missing
            ? nil : DecimalNumber(significand: columns.n[i], exponent: Int32(nExponent)),
          unit: keys.units[Int(columns.unit[i])], direction: Direction(code: columns.direction[i]))
        let id = FigureID(
          indicator: indicator, agency: agency, year: columns.year[i], quarter: Int8(columns.quarter[i]),
          month: Int8(columns.month[i]))
        if let existing = current[id] {
          if (existing >= 0 ? stored[existing].figures : written[-existing - 1]) == figures {
            unchanged += 1
            continue
          }
          revised += 1
        } else {
          added += 1
        }
        written.append(figures)
        current[id] = -written.count
        try inserter.insert(
          FigureInserter.Row(
            submission: submission, line: line, indicator: indicators.names[Int(indicator)],
            agency: agencies.names[Int(agency)], year: Int(columns.year[i]), quarter: Int(columns.quarter[i]),
            month: Int(columns.month[i]), value: figures.value, target: figures.target, n: figures.sampleSize,
            unit: figures.unit, direction: figures.direction?.rawValue,
            revised: columns.flags[i] & ObservationRow.revisedFlag != 0 || side?.revised == true,
            reason: side?.reason))
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
struct CurrentFigure: Sendable, Equatable {
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
}

/// The digest computed on another thread (written once before `wait()` returns).
private final class DigestBox: @unchecked Sendable {
  var value = ""
}
