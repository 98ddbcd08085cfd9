import IntegrityStats

/// Messages on standard error, one line each.
///
/// Every message goes through `write`, which escapes control characters
/// (`MessageText.escaped`): messages quote cells, headers and file names, and a cell
/// holding ESC or BEL must not retitle or clear the user's terminal. A message is one
/// line; its final newline is added here.
enum Diagnostics {
  static func error(_ message: String) { write(message) }
  static func warning(_ message: String) { write("warning: \(message)") }
  static func note(_ message: String) { write(message) }

  private static func write(_ message: String) {
    let line = message.hasSuffix("\n") ? String(message.dropLast()) : message
    AtomicFile.writeStandardError(MessageText.escaped(line) + "\n")
  }
}
