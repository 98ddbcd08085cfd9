import Glibc

/// Whole-file output that is never seen half-written.
///
/// The bytes go to a temporary file in the destination's directory
/// (`.NAME.XXXXXX`, from `mkstemp`), are flushed with `fsync`, and the file is then
/// renamed over the destination (`rename(2)` is atomic within one file system).
/// On any failure the temporary file is removed and an existing destination is left
/// untouched; the error is an `OutputError` (exit 73).
public enum AtomicFile {
  /// Writes `bytes` to `path`, or to standard output when `path` is `nil` or `-`.
  public static func write(_ bytes: [UInt8], to path: String?) throws(OutputError) {
    guard let path, path != "-" else {
      try writeAll(fd: 1, bytes, path: "<stdout>")
      return
    }
    let (directory, name) = split(path)
    var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw OutputError(path: path, reason: errnoText()) }
    let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do throws(OutputError) {
      try writeAll(fd: fd, bytes, path: path)
      _ = fchmod(fd, 0o644)
      guard fsync(fd) == 0 else { throw OutputError(path: path, reason: errnoText()) }
      guard close(fd) == 0 else {
        unlink(tempPath)
        throw OutputError(path: path, reason: errnoText())
      }
    } catch {
      close(fd)
      unlink(tempPath)
      throw error
    }
    guard rename(tempPath, path) == 0 else {
      let reason = errnoText()
      unlink(tempPath)
      throw OutputError(path: path, reason: reason)
    }
  }

  /// Writes UTF-8 `text` to `path` (or standard output).
  public static func write(_ text: String, to path: String?) throws(OutputError) {
    try write(Array(text.utf8), to: path)
  }

  /// Writes UTF-8 `text` to standard error, whole (diagnostics; failures are ignored,
  /// there is nowhere left to report them).
  public static func writeStandardError(_ text: String) {
    try? writeAll(fd: 2, Array(text.utf8), path: "<stderr>")
  }

  /// Ensures a directory exists (creating parents), for commands that write many files.
  public static func makeDirectory(_ path: String) throws(OutputError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw OutputError(path: path, reason: errnoText())
      }
      prefix += "/"
    }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
      throw OutputError(path: path, reason: "not a directory")
    }
  }

  private static func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws(OutputError) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { buffer in
        Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw OutputError(path: path, reason: errnoText())
      }
      offset += n
    }
  }

  private static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
