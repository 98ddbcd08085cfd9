import Glibc

/// Whole-file output that is never seen half-written, and never replaces what is not a file.
///
/// For a regular file or a new path (also behind symbolic links, whose final target is
/// written), the bytes go to a temporary file in the destination's directory (anonymous,
/// `O_TMPFILE`, where the file system allows; else `.NAME.XXXXXX`, removed on SIGINT,
/// SIGTERM and SIGHUP), are written out to the device (so that a crash leaves the old
/// file or the whole new one: `AtomicFile.Writer`), and the file is then linked in, over
/// an existing file by `rename(2)`, which is atomic within one file system. A new file
/// gets 0666 less the umask; a replaced one keeps its mode (and owner, as root). A
/// device, FIFO, socket or `/dev/stdout` is written in place. On any failure the
/// temporary file is removed and an existing destination is left untouched; the error is
/// an `OutputError` (exit 73). `AtomicFile.Writer` does the work, and also takes the
/// bytes piece by piece for outputs too large to hold whole.
public enum AtomicFile {
  /// Writes `bytes` to `path`, or to standard output when `path` is `nil` or `-`.
  public static func write(_ bytes: [UInt8], to path: String?) throws(OutputError) {
    var writer = try Writer(path: path)
    try writer.write(bytes)
    try writer.commit()
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

  /// Ensures a directory exists (creating parents, mode 0777 less the umask), for
  /// commands that write many files.
  public static func makeDirectory(_ path: String) throws(OutputError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
        throw OutputError(path: path, reason: errnoText())
      }
      prefix += "/"
    }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
      throw OutputError(path: path, reason: "not a directory")
    }
  }

  /// Writes all of `bytes` to `fd`, retrying on `EINTR` and after short writes.
  static func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws(OutputError) {
    var offset = 0
    while offset < bytes.count {
      // Safe: offset < bytes.count, so the pointer and length stay inside the buffer
      // that the closure lends; write(2) only reads it.
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

  /// `path`'s directory and file name: `("out", "report.html")` for `out/report.html`,
  /// `(".", "report.html")` without a slash, `("/", "x")` for `/x`.
  public static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
