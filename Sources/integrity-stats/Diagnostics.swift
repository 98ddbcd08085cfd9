import IntegrityStats

/// Messages on standard error, one line each.
///
/// Every message goes through `write`, which escapes control characters
/// (`MessageText.escaped`): messages quote cells, headers and file names, and a cell
/// holding ESC or BEL must not retitle or clear the user's terminal. A message is one
/// line; its final newline is added here.
///
/// `-q/--quiet` sets `quiet`: notes (the counts line among them) are dropped; errors,
/// warnings and rejected rows are not.
enum Diagnostics {
  /// Set once while the arguments are parsed, before any message is written.
  nonisolated(unsafe) static var quiet = false

  static func error(_ message: String) { write(message) }
  static func warning(_ message: String) { write("warning: \(message)") }
  static func note(_ message: String) { if !quiet { write(message) } }
  /// A rejected row (`--skip-bad-rows`): listed even under `--quiet`.
  static func rejected(_ reason: String) { write("rejected: \(reason)") }

  private static func write(_ message: String) {
    let line = message.hasSuffix("\n") ? String(message.dropLast()) : message
    AtomicFile.writeStandardError(MessageText.escaped(line) + "\n")
  }
}
