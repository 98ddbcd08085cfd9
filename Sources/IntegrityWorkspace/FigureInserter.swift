internal import GRDB
internal import GRDBSQLite
import IntegrityTables
import IntegrityDecimal

/// The import's one hot statement, `INSERT INTO figure …`, bound through SQLite's C API.
///
/// GRDB's `Statement.execute(arguments:)` boxes every argument as a `DatabaseValue` in an
/// array; for a million figures that was half the import's time (perf, Benchmarks/workspace).
/// Here each row binds its 14 parameters directly (`sqlite3_bind_*`, text copied by SQLite:
/// `SQLITE_TRANSIENT`), steps and resets the prepared statement. The statement belongs to
/// GRDB's connection and transaction; errors become GRDB `DatabaseError`s.
struct FigureInserter {
  private let statement: Statement
  private let db: Database
  /// SQLite's `SQLITE_TRANSIENT` destructor (-1): SQLite copies the text before returning.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ db: Database) throws {
    self.db = db
    statement = try db.makeStatement(
      sql: """
        INSERT INTO figure (submission_id, line, indicator, agency, year, quarter, month, value, target, n,
          unit, direction, revised_flag, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
  }

  /// One row, in the column order of the statement.
  struct Row {
    var submission: Int64
    var line: Int
    var indicator: String
    var agency: String
    var year: Int
    var quarter: Int
    var month: Int
    var value: DecimalNumber?
    var target: DecimalNumber?
    var n: DecimalNumber?
    var unit: String?
    var direction: String?
    var revised: Bool
    var reason: String?
  }

  func insert(_ row: Row) throws {
    let s = statement.sqliteStatement
    sqlite3_bind_int64(s, 1, row.submission)
    sqlite3_bind_int64(s, 2, Int64(row.line))
    bind(s, 3, row.indicator)
    bind(s, 4, row.agency)
    sqlite3_bind_int64(s, 5, Int64(row.year))
    sqlite3_bind_int64(s, 6, Int64(row.quarter))
    sqlite3_bind_int64(s, 7, Int64(row.month))
    bind(s, 8, row.value)
    bind(s, 9, row.target)
    bind(s, 10, row.n)
    bind(s, 11, row.unit)
    bind(s, 12, row.direction)
    sqlite3_bind_int64(s, 13, row.revised ? 1 : 0)
    bind(s, 14, row.reason)
    let code = sqlite3_step(s)
    sqlite3_reset(s)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
  }

  /// An exact decimal as `DecimalText` writes it; a whole number is bound as an integer,
  /// which the column's TEXT affinity stores as the same digits.
  private func bind(_ s: OpaquePointer?, _ index: Int32, _ value: DecimalNumber?) {
    guard let value else {
      sqlite3_bind_null(s, index)
      return
    }
    if value.exponent == 0 {
      sqlite3_bind_int64(s, index, value.significand)
    } else {
      bind(s, index, DecimalText.text(value))
    }
  }

  private func bind(_ s: OpaquePointer?, _ index: Int32, _ text: String?) {
    guard let text else {
      sqlite3_bind_null(s, index)
      return
    }
    sqlite3_bind_text(s, index, text, -1, FigureInserter.transient)
  }
}
