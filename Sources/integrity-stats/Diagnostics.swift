import IntegrityStats

/// Messages on standard error.
enum Diagnostics {
  static func error(_ message: String) { write(message) }
  static func warning(_ message: String) { write("warning: \(message)") }
  static func note(_ message: String) { write(message) }

  private static func write(_ message: String) {
    AtomicFile.writeStandardError(message.hasSuffix("\n") ? message : message + "\n")
  }
}
