import IntegrityStats

#if canImport(Glibc)
import Glibc
#endif

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
  /// Set while the arguments are parsed when the command will read a workspace's figures
  /// (`--db`, `--as-of`) instead of standard input: no "reading standard input" prompt.
  nonisolated(unsafe) static var inputFromWorkspace = false
  /// The account of the read once it is complete (set by `ReaderOptions.report`): a data
  /// error found afterwards, while computing (a series that cannot be fitted), still ends
  /// standard error with the counts line.
  nonisolated(unsafe) static var readAccount: RowAccount?

  static func error(_ message: String) { write(message) }
  static func warning(_ message: String) { write("warning: \(message)") }
  static func note(_ message: String) { if !quiet { write(message) } }
  /// A rejected row (`--skip-bad-rows`): listed even under `--quiet`.
  static func rejected(_ reason: String) { write("rejected: \(reason)") }
  /// The counts line (`read N rows: …`), a note: the progress line is erased for good first.
  static func summary(_ message: String) {
    ProgressLine.shared?.stop()
    note(message)
  }

  /// Says that standard input is being read when it is a terminal and no INPUT was given
  /// (a user who forgot the file name would otherwise see nothing happen).
  static func promptIfReadingTerminal(inputPath: String?) {
    if inputPath == nil, isatty(0) == 1, !inputFromWorkspace { write("reading standard input (Ctrl-D to end)…") }
  }

  private static func write(_ message: String) {
    let line = message.hasSuffix("\n") ? String(message.dropLast()) : message
    let text = MessageText.escaped(line) + "\n"
    if let progress = ProgressLine.shared {
      progress.erased { AtomicFile.writeStandardError(text) }
    } else {
      AtomicFile.writeStandardError(text)
    }
  }
}
