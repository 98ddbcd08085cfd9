#if canImport(Glibc)
import Glibc
#endif

/// Messages on standard error.
enum Diagnostics {
  static func error(_ message: String) { write(message) }
  static func warning(_ message: String) { write("warning: \(message)") }
  static func note(_ message: String) { write(message) }

  private static func write(_ message: String) {
    let line = message.hasSuffix("\n") ? message : message + "\n"
    var bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
      if n <= 0 { break }
      offset += n
    }
  }
}
