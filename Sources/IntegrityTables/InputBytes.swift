import Glibc

/// Reads a whole input (a file, or standard input) into memory with large reads.
///
/// Regular files are sized with `fstat` and read into one buffer in 8 MiB `read(2)`
/// calls (one copy out of the page cache, as an mmap-and-scan would touch each page
/// once too); pipes grow the buffer geometrically. Any failure is an `InputError`
/// (exit 66) naming the path and the system's reason.
public enum InputBytes {
  /// The bytes of `path`, or of standard input when `path` is `nil` or `-`.
  public static func read(path: String?) throws(InputError) -> [UInt8] {
    guard let path, path != "-" else { return try readAll(fd: 0, name: "<stdin>", sizeHint: 0) }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError(path: path, reason: errnoText()) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw InputError(path: path, reason: errnoText()) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, reason: "is a directory") }
    return try readAll(fd: fd, name: path, sizeHint: Int(info.st_size))
  }

  static func readAll(fd: Int32, name: String, sizeHint: Int) throws(InputError) -> [UInt8] {
    let chunk = 8 << 20
    var capacity = max(sizeHint + 1, 64 << 10)
    var result: [UInt8] = []
    var failure: InputError? = nil
    while true {
      // Read into uninitialised memory (no zero-filling pass over a large file).
      var done = false
      let previous = result
      result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        count = previous.count
        if count > 0 {
          previous.withUnsafeBufferPointer { old in
            buffer.baseAddress!.initialize(from: old.baseAddress!, count: old.count)
          }
        }
        while count < capacity {
          let n = Glibc.read(fd, buffer.baseAddress! + count, min(chunk, capacity - count))
          if n < 0 {
            if errno == EINTR { continue }
            failure = InputError(path: name, reason: errnoText())
            done = true
            return
          }
          if n == 0 {
            done = true
            return
          }
          count += n
        }
      }
      if let failure { throw failure }
      if done { return result }
      capacity *= 2
    }
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
