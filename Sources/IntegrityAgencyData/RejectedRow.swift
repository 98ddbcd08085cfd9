import IntegrityTables

/// A data row set aside under `--skip-bad-rows`.
public struct RejectedRow: Sendable, Equatable {
  /// The 1-based line the row starts on.
  public var line: Int
  /// The row as written in the file (decoded to UTF-8, without its line end).
  public var text: String
  /// Why: the error that rejected it (`FILE:LINE:COLUMN: …`).
  public var error: DataError

  public init(line: Int, text: String, error: DataError) {
    self.line = line
    self.text = text
    self.error = error
  }

  /// The reason as printed.
  public var reason: String { error.description }
}
