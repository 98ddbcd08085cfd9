import Glibc

/// Bytes of a stream (a pipe, a FIFO, a device) kept so that they can be read
/// positionally and more than once: in memory, or in a temporary file that has no name.
///
/// `BlockInput` spools a stream's first bytes into memory, up to a limit. When the
/// stream goes on past the limit, the bytes are copied to a file created in a spill
/// directory (`TMPDIR`, like sort(1)) and unlinked at once — the system removes it when
/// the spool is released, or when the process ends however it ends — and the rest of
/// the stream is copied after them. A stream spooled to its end is read like a regular
/// file of its size: cut in parts, each read on a core of its own, and read again.
///
/// A spool is immutable once made and safe to read from several threads (`pread` does
/// not move a shared offset).
public final class StreamSpool: Sendable {
  private enum Storage {
    case memory([UInt8])
    /// An unlinked temporary file, closed when the spool is released.
    case file(descriptor: Int32)
  }

  private let storage: Storage
  /// The number of bytes held.
  public let count: Int
  /// Whether the bytes are held in a temporary file rather than in memory.
  public var isFile: Bool {
    if case .file = storage { return true }
    return false
  }

  init(_ bytes: [UInt8]) {
    storage = .memory(bytes)
    count = bytes.count
  }

  private init(descriptor: Int32, count: Int) {
    storage = .file(descriptor: descriptor)
    self.count = count
  }

  deinit {
    if case .file(let fd) = storage { close(fd) }
  }

  /// Copies up to `wanted` bytes from byte `position` into `block` at `offset` (which has
  /// room for them); returns how many (0 at the end).
  func read(into block: inout [UInt8], at offset: Int, from position: Int, count wanted: Int, path: String)
    throws(InputError) -> Int
  {
    let n = min(wanted, count - position)
    guard n > 0 else { return 0 }
    switch storage {
    case .memory(let bytes):
      block[offset..<(offset + n)] = bytes[position..<(position + n)]
      return n
    case .file(let fd):
      var got = 0
      while got < n {
        let k = try BlockInput.read(fd, path: path, into: &block, at: offset + got, count: n - got, position: position + got)
        guard k > 0 else { throw InputError(path: path, reason: "its spool file ended early") }
        got += k
      }
      return n
    }
  }

  /// The offset just after the first line feed at or after `offset`; nil when there is
  /// none within 1 MiB.
  func lineStart(atOrAfter offset: Int, path: String) -> Int? {
    guard offset < count else { return nil }
    var window = [UInt8](repeating: 0, count: min(1 << 20, count - offset))
    guard let n = try? read(into: &window, at: 0, from: offset, count: window.count, path: path),
      let k = window[..<n].firstIndex(of: 0x0A)
    else { return nil }
    return offset + k + 1
  }

  /// Reads the stream `fd` until it ends or `memoryLimit` bytes are read; if it goes on
  /// and a file can be made in `spillDirectory`, copies what was read and the rest of
  /// the stream there.
  ///
  /// Returns the pieces to read, in order, before whatever the stream still holds, and
  /// whether the stream `ended` in them (then there is a single piece, unless the spill
  /// stopped at the very end). A spill file
  /// that cannot be created leaves the memory piece alone; one that cannot take
  /// more (a full disk, a file-size limit) ends the copy: the pieces are the file's
  /// bytes and those read but not written, and the stream is read on as it comes.
  /// Failures to read the stream are `InputError`. (`spillCapacity` stands for a disk
  /// that fills after so many bytes, for tests.)
  static func spool(
    _ fd: Int32, path: String, memoryLimit: Int, spillDirectory: String?, spillCapacity: Int = .max
  ) throws(InputError) -> (pieces: [StreamSpool], ended: Bool) {
    // A pipe of 1 MiB instead of 64 KiB lets the writer run ahead: fewer wake-ups on
    // both sides, the copy of 352 MB 0.26–0.49 s → 0.12–0.14 s (a C loop, this machine).
    // Not a pipe (a device), or a size the system refuses (fs.pipe-max-size): left as it is.
    _ = fcntl(fd, pipeSizeCommand, Int32(1 << 20))
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var bytes: [UInt8] = []
    // Room reserved up to 64 MiB (address space only until filled); past that it grows.
    bytes.reserveCapacity(min(memoryLimit, 64 << 20) + chunk.count)
    while bytes.count < memoryLimit {
      let n = try BlockInput.read(fd, path: path, into: &chunk, at: 0, count: chunk.count, position: nil)
      if n == 0 { return ([StreamSpool(bytes)], true) }
      bytes += chunk[..<n]
    }
    guard let spillDirectory, let file = unnamedFile(in: spillDirectory) else { return ([StreamSpool(bytes)], false) }
    let written = write(file, bytes, count: min(bytes.count, spillCapacity))
    if written < bytes.count {
      return (pieces(file: file, count: written, unwritten: Array(bytes[written...])), false)
    }
    var total = written
    bytes = []
    // A pipe hands over at most its buffer per read; the writes are gathered to 1 MiB.
    var ended = false
    while !ended {
      var filled = 0
      while filled < chunk.count {
        let n = try BlockInput.read(fd, path: path, into: &chunk, at: filled, count: chunk.count - filled, position: nil)
        if n == 0 {
          ended = true
          break
        }
        filled += n
      }
      let k = write(file, chunk, count: min(filled, spillCapacity - total))
      total += k
      if k < filled { return (pieces(file: file, count: total, unwritten: Array(chunk[k..<filled])), ended) }
    }
    return ([StreamSpool(descriptor: file, count: total)], true)
  }

  /// The pieces of a spill that stopped: the file's `count` bytes, then `unwritten`.
  private static func pieces(file: Int32, count: Int, unwritten: [UInt8]) -> [StreamSpool] {
    guard count > 0 else {
      close(file)
      return [StreamSpool(unwritten)]
    }
    return [StreamSpool(descriptor: file, count: count), StreamSpool(unwritten)]
  }

  /// A new file in `directory`, open for reading and writing, already unlinked (nothing
  /// is left behind, even after a kill); nil when none can be made there (`errno` says
  /// why). Also the CLI's standard input for the workspace's figures.
  package static func unnamedFile(in directory: String) -> Int32? {
    var template = Array(((directory.hasSuffix("/") ? directory : directory + "/") + "integrity-stats-spool-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { return nil }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    return fd
  }

  /// Writes the first `count` bytes of `bytes` to `fd`; returns how many were written
  /// (fewer after a failure: no space left, a file-size limit).
  private static func write(_ fd: Int32, _ bytes: [UInt8], count: Int) -> Int {
    var written = 0
    bytes.withUnsafeBufferPointer { buffer in
      // Safe: every write stays within the first `count` bytes of the buffer.
      precondition(count <= buffer.count)
      while written < count {
        let n = Glibc.write(fd, buffer.baseAddress! + written, count - written)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        written += n
      }
    }
    return written
  }

  /// Linux's `F_SETPIPE_SZ` (fcntl.h, `_GNU_SOURCE`; not in Swift's Glibc module).
  private static let pipeSizeCommand: Int32 = 1031

  /// The directory a stream is spilled to: `TMPDIR`, or /tmp.
  public static var defaultSpillDirectory: String {
    if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
    return "/tmp"
  }
}
