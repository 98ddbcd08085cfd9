internal import GRDB

extension Workspace {
  /// The schema, one registered migration per version (never edit a shipped one: add the
  /// next). Version 1:
  ///
  /// - `submission`: one imported file — its name, SHA-256 (unique: the same bytes are
  ///   imported once), format, encoding, received date, import time, reason and counts.
  /// - `figure`: every value a figure (indicator, agency, period) has had. A row is written
  ///   when a submission adds a figure or changes it; an identical resubmission writes
  ///   none. The current value as of a date D is, per key, the row with the greatest
  ///   (received, id) among rows received on or before D (received: the submission's). Figures are exact decimal text;
  ///   NULL is "not available" (`…`, NA), "0" is none (a dash, `－`, as the reader reads it);
  ///   `revised_flag` is the trailing `r` of the source. `indicator`/`agency` are '' and
  ///   `quarter`/`month` 0 when the file had none (so the key can be UNIQUE-free and fast).
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE submission (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            file TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT,
            received TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            reason TEXT,
            rows_read INTEGER NOT NULL,
            rows_rejected INTEGER NOT NULL,
            added INTEGER NOT NULL,
            revised INTEGER NOT NULL,
            unchanged INTEGER NOT NULL
          );
          CREATE TABLE figure (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submission(id),
            line INTEGER NOT NULL,
            indicator TEXT NOT NULL,
            agency TEXT NOT NULL,
            year INTEGER NOT NULL,
            quarter INTEGER NOT NULL,
            month INTEGER NOT NULL,
            value TEXT,
            target TEXT,
            n TEXT,
            unit TEXT,
            direction TEXT,
            revised_flag INTEGER NOT NULL,
            reason TEXT
          );
          PRAGMA user_version = 1;
          PRAGMA application_id = \(Workspace.applicationID);
          """)
    }
    return migrator
  }
}
