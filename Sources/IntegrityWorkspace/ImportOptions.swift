import IntegrityIndicators
import IntegrityAgencyData

/// How `Workspace.importFile` stores a submission.
public struct ImportOptions: Sendable {
  /// How the agency file is read (encoding, columns, `skipBadRows`, …).
  public var read: ObservationReadOptions
  /// The date the submission was received (default: the import date).
  public var received: CalendarDate
  /// Why the figures were (re)submitted, kept with every value this file gives (修正原因);
  /// a row's own 修正原因/備註 column takes precedence.
  public var reason: String?
  /// Fill figures without an agency / indicator (a file from one agency about one target).
  public var agency: String?
  public var indicator: String?
  /// Work out what would change, then roll back.
  public var dryRun: Bool
  /// Import time recorded (`YYYY-MM-DDTHH:MM:SSZ`); default now.
  public var importedAt: String?
  /// Called inside the transaction after the figures are written and before the commit
  /// (tests use it to kill an import mid-transaction).
  public var beforeCommit: (@Sendable () -> Void)?

  public init(
    read: ObservationReadOptions = ObservationReadOptions(), received: CalendarDate = .today(), reason: String? = nil,
    agency: String? = nil, indicator: String? = nil, dryRun: Bool = false, importedAt: String? = nil,
    beforeCommit: (@Sendable () -> Void)? = nil
  ) {
    self.read = read
    self.received = received
    self.reason = reason
    self.agency = agency
    self.indicator = indicator
    self.dryRun = dryRun
    self.importedAt = importedAt
    self.beforeCommit = beforeCommit
  }
}

/// What one import did: the reader's account of the rows, and what happened to the figures.
public struct ImportResult: Sendable {
  public var file: String
  public var sha256: String
  /// Set when the same bytes were imported before (nothing was written): that file's name
  /// and import time.
  public var alreadyImported: (file: String, importedAt: String)?
  /// The reader's account (rows read, rejected, warnings, notes); observations emptied.
  public var read: ObservationSet
  /// Figures new to the workspace, changed, and the same as the current value.
  public var added: Int
  public var revised: Int
  public var unchanged: Int
  public var dryRun: Bool

  /// `FILE: added A, revised V, unchanged U, rejected R` (or the already-imported note).
  public var summary: String {
    if let previous = alreadyImported {
      return "\(file): already imported (same SHA-256 as \(previous.file), imported \(previous.importedAt)); nothing changed"
    }
    let prefix = dryRun ? "\(file) (dry run, nothing written)" : file
    return "\(prefix): added \(added), revised \(revised), unchanged \(unchanged), rejected \(read.rejected.count)"
  }
}
