import Glibc

/// A regular file read front to back in large blocks that end after a line feed, for
/// readers that stream instead of holding the whole file.
///
/// Each block holds the bytes up to and including the last `LF` read (what follows it
/// starts the next block); the final block ends wherever the file ends. Cutting after
/// `LF` is safe
/// for every byte-oriented encoding we read: `0x0A` is never part of a UTF-8
/// multi-byte sequence nor a CP950 trail byte (0x40–0x7E, 0xA1–0xFE), so a block can
/// be decoded on its own. A block may still end inside a quoted field holding a line
/// break; the caller carries such a record over (after decoding it).
///
/// A stream (a pipe, a FIFO, a device) can be spooled (``StreamSpool``): its first
/// bytes, up to a limit, are read into memory at once, and the rest copied to an
/// unnamed temporary file in a spill directory; a stream spooled to its end is read
/// like a regular file of that size — positionally, so that a caller can cut it in
/// parts (`init(spooled:source:offset:blockSize:)`) and read a part again. Without a
/// spill directory (or when no file can be made there) a stream longer than the limit
/// is read as it comes, its spooled bytes first.
///
/// Failures to open or read are `InputError` (exit 66).
public struct BlockInput: ~Copyable {
  private let fd: Int32
  /// The whole input of a stream spooled to its end, read positionally from here
  /// instead of `fd`.
  public let spooled: StreamSpool?
  /// The first bytes of a stream spooled but not to its end, read before the stream;
  /// `prefixRead` bytes of the first piece are read (a piece is released when all are).
  private var prefixes: [StreamSpool] = []
  private var prefixRead = 0
  /// Whether the stream ended within the prefixes (nothing is read from `fd` after them).
  private var streamEnded = false
  private let path: String
  /// False for standard input, which is not closed.
  private let ownsDescriptor: Bool
  /// Whether the input is a regular file of known size, read with `pread` at
  /// `position` (so two inputs on one open file, or on a duplicate of standard input,
  /// never move each other's offset).
  private let isPositional: Bool
  /// Bytes read past the last line feed of the previous block.
  private var pending: [UInt8] = []
  private var atEnd = false
  /// The size of each `read(2)`.
  public var blockSize: Int
  /// The file's size in bytes (from `fstat`; 0 for a pipe, a device or a file whose
  /// size the kernel does not report, such as those under /proc).
  public let fileSize: Int
  /// The byte offset where reading started (standard input redirected from a file may
  /// already be positioned past its start).
  public let startOffset: Int
  /// The byte offset where reading stops (the file's end unless `limit` was given).
  public var limit: Int
  /// The offset of the next byte to read.
  public private(set) var position: Int

  /// Opens `path` (a regular file, or a FIFO or device read as it comes: `fileSize` 0,
  /// no limit) and positions it at byte `offset`; with `limit`,
  /// reading stops at that byte offset (the caller chose it just after a line feed).
  /// A stream is spooled up to `spooling` bytes in memory, the rest in
  /// `spillDirectory` (see the type's discussion).
  public init(
    path: String, offset: Int = 0, limit: Int? = nil, blockSize: Int = 4 << 20, spooling: Int = 0,
    spillDirectory: String? = nil
  ) throws(InputError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError(path: path, reason: InputBytes.errnoText()) }
    let kind: Kind
    do {
      kind = try Self.kind(of: fd, path: path, offset: offset, limit: limit)
    } catch {
      close(fd)
      throw error
    }
    var spool: (pieces: [StreamSpool], ended: Bool)? = nil
    if kind == .stream && spooling > 0 {
      do {
        spool = try StreamSpool.spool(fd, path: path, memoryLimit: spooling, spillDirectory: spillDirectory)
      } catch {
        close(fd)
        throw error
      }
    }
    self.init(descriptor: fd, owned: true, path: path, offset: offset, blockSize: blockSize, kind: kind, spool: spool)
  }

  /// Standard input (a pipe, a terminal or a redirected file). Redirected from a
  /// regular file (`< FILE`), it is read like that file from its current offset, and
  /// `fileSize` tells its size, so a caller can cut it in parts
  /// (`init(standardInputAt:blockSize:)`); otherwise it is read as it comes, with
  /// `fileSize` 0 and no limit, unless it is spooled up to `spooling` bytes in memory
  /// and the rest in `spillDirectory` (see the type's discussion).
  public init(
    standardInputBlockSize blockSize: Int = 4 << 20, spooling: Int = 0, spillDirectory: String? = nil
  ) throws(InputError) {
    // A descriptor that cannot seek (a pipe, a terminal) is read as it comes.
    let here = Int(lseek(0, 0, SEEK_CUR))
    let kind = here >= 0 ? (try? Self.kind(of: 0, path: "<stdin>", offset: here, limit: nil)) : nil
    let spool =
      kind == nil && spooling > 0
      ? try StreamSpool.spool(0, path: "<stdin>", memoryLimit: spooling, spillDirectory: spillDirectory) : nil
    self.init(
      descriptor: 0, owned: false, path: "<stdin>", offset: kind == nil ? 0 : here, blockSize: blockSize,
      kind: kind ?? .stream, spool: spool)
  }

  /// A stream spooled to its end (`spooled`) read again from byte `offset` (just after
  /// a line feed), for a part of it; `source` names it in errors.
  public init(spooled: StreamSpool, source: String, offset: Int = 0, blockSize: Int = 4 << 20) {
    self.init(
      descriptor: -1, owned: false, path: source, offset: offset, blockSize: blockSize, kind: .stream,
      spool: ([spooled], true))
  }

  /// Standard input redirected from a regular file, read from byte `offset` through a
  /// descriptor of its own (`dup`), for the second part of a file cut in two.
  public init(standardInputAt offset: Int, blockSize: Int = 4 << 20) throws(InputError) {
    let fd = dup(0)
    guard fd >= 0 else { throw InputError(path: "<stdin>", reason: InputBytes.errnoText()) }
    let kind: Kind
    do {
      kind = try Self.kind(of: fd, path: "<stdin>", offset: offset, limit: nil)
    } catch {
      close(fd)
      throw error
    }
    guard case .positional = kind else {
      close(fd)
      throw InputError(path: "<stdin>", reason: "is not a regular file")
    }
    self.init(descriptor: fd, owned: true, path: "<stdin>", offset: offset, blockSize: blockSize, kind: kind)
  }

  /// How a descriptor is read.
  private enum Kind: Equatable {
    /// A regular file of `size` bytes, read with `pread` up to `limit`.
    case positional(size: Int, limit: Int)
    /// A FIFO, a device, a socket or a regular file of unreported size (/proc): read
    /// as it comes, like a pipe.
    case stream
  }

  /// Inspects `fd` with `fstat`; a stream is moved to `offset`.
  private static func kind(of fd: Int32, path: String, offset: Int, limit: Int?) throws(InputError) -> Kind {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw InputError(path: path, reason: InputBytes.errnoText()) }
    let type = info.st_mode & S_IFMT
    guard type != S_IFDIR else { throw InputError(path: path, reason: "is a directory") }
    if type == S_IFREG && info.st_size > 0 {
      let size = Int(info.st_size)
      return .positional(size: size, limit: min(limit ?? size, size))
    }
    if offset > 0 && lseek(fd, off_t(offset), SEEK_SET) < 0 {
      throw InputError(path: path, reason: InputBytes.errnoText())
    }
    return .stream
  }

  /// With `spool`, a stream's first bytes: the whole input when it `ended` in one piece
  /// (read positionally from `offset`), else pieces served before the rest (if any).
  private init(
    descriptor fd: Int32, owned: Bool, path: String, offset: Int, blockSize: Int, kind: Kind,
    spool: (pieces: [StreamSpool], ended: Bool)? = nil
  ) {
    self.fd = fd
    self.path = path
    self.ownsDescriptor = owned
    self.blockSize = max(blockSize, 16)
    self.startOffset = offset
    self.position = offset
    if let spool, spool.ended, spool.pieces.count == 1, let whole = spool.pieces.first {
      spooled = whole
      (isPositional, fileSize, limit) = (true, whole.count, whole.count)
      return
    }
    spooled = nil
    prefixes = (spool?.pieces ?? []).filter { $0.count > 0 }
    streamEnded = spool?.ended ?? false
    switch kind {
    case .positional(let size, let limit):
      (isPositional, fileSize, self.limit) = (true, size, limit)
    case .stream:
      (isPositional, fileSize, self.limit) = (false, 0, Int.max)
    }
  }

  /// The offset just after the first line feed at or after `offset` (and below the end
  /// of the file), read with `pread` without moving this input; nil when there is none
  /// within 1 MiB. (64 KiB are read first: lines are rarely longer.)
  public func lineStart(atOrAfter offset: Int) -> Int? {
    if let spooled { return spooled.lineStart(atOrAfter: offset, path: path) }
    var window = [UInt8](repeating: 0, count: 1 << 16)
    var read = 0
    while true {
      let n = window.withUnsafeMutableBytes { buffer in
        // Safe: pread writes at most the buffer's remaining bytes into the buffer it is lent.
        pread(fd, buffer.baseAddress! + read, buffer.count - read, off_t(offset + read))
      }
      guard n > 0 else { return nil }
      if let k = window[read..<(read + n)].firstIndex(of: 0x0A) { return offset + k + 1 }
      read += n
      guard read < 1 << 20 else { return nil }
      if read == window.count { window += repeatElement(0, count: window.count) }
    }
  }

  deinit {
    if ownsDescriptor { close(fd) }
  }

  /// The next block, through the last line feed read (or through the end of the file);
  /// `nil` when nothing is left. `isLast` tells whether the block reaches the end of
  /// the file. `storage`, a block the caller is done with, is filled again.
  public mutating func next(reusing storage: consuming [UInt8] = []) throws(InputError)
    -> (bytes: [UInt8], isLast: Bool)?
  {
    if atEnd && pending.isEmpty { return nil }
    // A buffer handed back by the caller keeps its pages (no fresh allocation to fault
    // in), and its old bytes are read over rather than zeroed first.
    var block = storage
    var count = pending.count
    if block.count < count { block.append(contentsOf: repeatElement(0, count: count - block.count)) }
    for k in pending.indices { block[k] = pending[k] }
    pending.removeAll(keepingCapacity: true)
    while !atEnd {
      let start = count
      let n = try readSome(into: &block, at: count)
      if n == 0 {
        atEnd = true
        break
      }
      count += n
      // Cut after the last line feed of what was just read, if any.
      var k = count - 1
      while k >= start && block[k] != 0x0A { k -= 1 }
      if k >= start {
        pending += block[(k + 1)..<count]
        block.removeSubrange((k + 1)...)
        return (block, false)
      }
    }
    block.removeSubrange(count...)
    return count == 0 ? nil : (block, true)
  }

  /// Reads up to `blockSize` bytes into `block` from `offset` (growing it if it is
  /// shorter); returns how many were read (0 at end of file). Bytes of `block` past
  /// what was read are left as they were.
  private mutating func readSome(into block: inout [UInt8], at offset: Int) throws(InputError) -> Int {
    // A pipe hands over at most its buffer (64 KiB) per read: asking for more would
    // only zero-fill room that stays empty.
    let wanted = isPositional ? min(blockSize, limit - position) : min(blockSize, 1 << 16)
    guard wanted > 0 else { return 0 }
    if block.count < offset + wanted { block.append(contentsOf: repeatElement(0, count: offset + wanted - block.count)) }
    if let spooled {
      let n = try spooled.read(into: &block, at: offset, from: position, count: wanted, path: path)
      position += n
      return n
    }
    if let piece = prefixes.first {
      let n = try piece.read(into: &block, at: offset, from: prefixRead, count: wanted, path: path)
      prefixRead += n
      if prefixRead == piece.count { (prefixRead, _) = (0, prefixes.removeFirst()) }
      position += n
      return n
    }
    if streamEnded { return 0 }
    let got = try Self.read(fd, path: path, into: &block, at: offset, count: wanted, position: isPositional ? position : nil)
    position += got
    return got
  }

  /// One `read(2)` (`pread(2)` at `position`) of up to `count` bytes into `block` at
  /// `offset`, which has room for them; 0 at the end.
  static func read(
    _ fd: Int32, path: String, into block: inout [UInt8], at offset: Int, count: Int, position: Int?
  ) throws(InputError) -> Int {
    var failure: Int32 = 0
    var got = 0
    block.withUnsafeMutableBufferPointer { buffer in
      // Safe: the caller made room for `count` bytes after `offset`.
      precondition(offset + count <= buffer.count)
      while true {
        let n =
          if let position {
            pread(fd, buffer.baseAddress! + offset, count, off_t(position))
          } else {
            Glibc.read(fd, buffer.baseAddress! + offset, count)
          }
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failure = errno } else { got = n }
        return
      }
    }
    if failure != 0 { throw InputError(path: path, reason: String(cString: strerror(failure))) }
    return got
  }
}
