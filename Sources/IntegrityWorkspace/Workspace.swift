import Foundation
internal import GRDB
import IntegrityTables

/// The consolidation workspace: one SQLite file holding every agency submission imported,
/// every value each figure has had, and where it came from (file, SHA-256, line, received
/// date, import time, reason).
///
/// Storage: SQLite through GRDB.swift, in WAL mode (readers never block the one writer),
/// with a busy timeout so that concurrent imports wait for each other instead of failing;
/// each import is one `BEGIN IMMEDIATE` transaction, so a crash or kill leaves the file as
/// it was (SQLite's atomic commit). The schema is versioned by GRDB's `DatabaseMigrator` and
/// by `PRAGMA user_version`; a file written by a newer schema than ``schemaVersion`` is
/// refused (`InputError`), never altered. `PRAGMA application_id` marks our files, so
/// another program's SQLite database is refused too.
///
/// Errors: a file that cannot be opened or understood is an `InputError`; a failed write
/// (disk full, read-only folder, lock timeout) is an `OutputError` naming the database.
public struct Workspace: Sendable {
  /// The schema version this build writes and reads.
  public static let schemaVersion = 1
  /// `PRAGMA application_id` of our files: "ISWS" in ASCII.
  static let applicationID: Int32 = 0x4953_5753
  /// The default file name, in the current folder.
  public static let defaultFileName = "integrity.sqlite"

  /// The database's path as given.
  public let path: String
  let queue: DatabaseQueue

  /// Opens the workspace at `path`; creates it when `create` (else a missing file is an
  /// `InputError`). Migrates an older schema; refuses a newer one.
  public init(path: String, create: Bool) throws {
    self.path = path
    if !create && !FileManager.default.fileExists(atPath: path) {
      throw InputError(path: path, reason: "no workspace here (import agency files into it first)")
    }
    var config = Configuration()
    config.journalMode = .wal
    config.busyMode = .timeout(120)
    config.label = "IntegrityWorkspace"
    // Two processes creating the same fresh file race: switching a new file to WAL can
    // report "locked" at once, and GRDB's migrator reads the applied migrations before its
    // transaction, so the loser's migration fails (and rolls back). A retry finds the
    // schema in place. Only a newer or foreign database (an `InputError`) is final.
    var attempt = 0
    while true {
      do {
        let queue = try DatabaseQueue(path: path, configuration: config)
        try Workspace.prepareSchema(queue, path: path)
        self.queue = queue
        break
      } catch let error as InputError {
        throw error
      } catch {
        attempt += 1
        if attempt > 40 { throw InputError(path: path, reason: Workspace.describe(error)) }
        usleep(50_000)
      }
    }
  }

  /// Checks the file is ours and not newer, then migrates it to ``schemaVersion``.
  private static func prepareSchema(_ queue: DatabaseQueue, path: String) throws {
    let (version, application, tables) = try queue.read { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
        try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'") ?? 0
      )
    }
    if application != Workspace.applicationID && (application != 0 || tables > 0) {
      throw InputError(path: path, reason: "not an IntegrityStats workspace (another program's SQLite database)")
    }
    if version > Workspace.schemaVersion {
      throw InputError(
        path: path,
        reason: "the workspace has schema version \(version), newer than this integrity-stats understands (\(Workspace.schemaVersion)); use a newer integrity-stats (the file was left unchanged)")
    }
    let migrator = Workspace.migrator
    let superseded = try queue.read { db in try migrator.hasBeenSuperseded(db) }
    if superseded {
      throw InputError(path: path, reason: "the workspace has migrations this integrity-stats does not know; use a newer integrity-stats (the file was left unchanged)")
    }
    try migrator.migrate(queue)
  }

  /// Runs `body` in a read transaction, mapping database errors to `InputError`.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try queue.read(body)
    } catch let error as DatabaseError {
      throw InputError(path: path, reason: Workspace.describe(error))
    }
  }

  /// Runs `body` in one `BEGIN IMMEDIATE` transaction (the write lock is taken at once, so
  /// a concurrent writer waits on the busy timeout instead of failing on upgrade);
  /// `commit: false` rolls back (dry runs). Database errors become `OutputError`.
  func write<T>(commit: Bool = true, _ body: (Database) throws -> T) throws -> T {
    do {
      return try queue.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return commit ? .commit : .rollback
        }
        return result!
      }
    } catch let error as DatabaseError {
      throw OutputError(path: path, reason: Workspace.describe(error))
    }
  }

  /// `PRAGMA integrity_check`: "ok" for a sound file.
  public func integrityCheck() throws -> String {
    try read { db in
      try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
    }
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }
    return "\(error)"
  }
}

extension Workspace {
  /// Runs `sql` on the SQLite file at `path` with no checks (tests: simulate another
  /// program's database or a newer schema).
  static func rawExecute(path: String, sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
  }
}
