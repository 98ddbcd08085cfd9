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
/// Failures to open or read are `InputError` (exit 66).
public struct BlockInput: ~Copyable {
  private let fd: Int32
  private let path: String
  /// False for standard input, which is not closed.
  private let ownsDescriptor: Bool
  /// Bytes read past the last line feed of the previous block.
  private var pending: [UInt8] = []
  private var atEnd = false
  /// The size of each `read(2)`.
  public var blockSize: Int
  /// The file's size in bytes (from `fstat`).
  public let fileSize: Int
  /// The byte offset where reading stops (the file's end unless `limit` was given).
  public var limit: Int
  /// The offset of the next byte to read.
  public private(set) var position: Int

  /// Opens `path` (a regular file, or a FIFO or device read as it comes: `fileSize` 0,
  /// no limit) and positions it at byte `offset`; with `limit`,
  /// reading stops at that byte offset (the caller chose it just after a line feed).
  public init(path: String, offset: Int = 0, limit: Int? = nil, blockSize: Int = 4 << 20) throws(InputError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError(path: path, reason: InputBytes.errnoText()) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let reason = InputBytes.errnoText()
      close(fd)
      throw InputError(path: path, reason: reason)
    }
    let type = info.st_mode & S_IFMT
    guard type != S_IFDIR else {
      close(fd)
      throw InputError(path: path, reason: "is a directory")
    }
    // A FIFO, a device or a socket is read as it comes, like standard input.
    let isRegular = type == S_IFREG
    if !isRegular { info.st_size = 0 }
    if offset > 0 && lseek(fd, off_t(offset), SEEK_SET) < 0 {
      close(fd)
      throw InputError(path: path, reason: InputBytes.errnoText())
    }
    self.fd = fd
    self.path = path
    self.ownsDescriptor = true
    self.blockSize = max(blockSize, 16)
    self.fileSize = Int(info.st_size)
    self.limit = isRegular ? min(limit ?? Int(info.st_size), Int(info.st_size)) : Int.max
    self.position = offset
  }

  /// Standard input (a pipe, a terminal or a redirected file), read as it comes;
  /// `fileSize` is 0 and there is no limit.
  public init(standardInputBlockSize blockSize: Int = 4 << 20) {
    self.fd = 0
    self.path = "<stdin>"
    self.ownsDescriptor = false
    self.blockSize = max(blockSize, 16)
    self.fileSize = 0
    self.limit = Int.max
    self.position = 0
  }

  /// The offset just after the first line feed at or after `offset` (and below the end
  /// of the file), read with `pread` without moving this input; nil when there is none
  /// within 1 MiB.
  public func lineStart(atOrAfter offset: Int) -> Int? {
    var window = [UInt8](repeating: 0, count: 1 << 20)
    let n = window.withUnsafeMutableBytes { buffer in
      // Safe: pread writes at most buffer.count bytes into the buffer it is lent.
      pread(fd, buffer.baseAddress!, buffer.count, off_t(offset))
    }
    guard n > 0, let k = window[0..<n].firstIndex(of: 0x0A) else { return nil }
    return offset + k + 1
  }

  /// Whether `path` names a regular file (not standard input, a pipe or a directory).
  public static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
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
    var failure: Int32 = 0
    var got = 0
    let wanted = limit == Int.max ? blockSize : min(blockSize, limit - position)
    guard wanted > 0 else { return 0 }
    if block.count < offset + wanted { block.append(contentsOf: repeatElement(0, count: offset + wanted - block.count)) }
    block.withUnsafeMutableBufferPointer { buffer in
      // Safe: the buffer has at least `wanted` bytes after `offset`.
      while true {
        let n = Glibc.read(fd, buffer.baseAddress! + offset, wanted)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failure = errno } else { got = n }
        return
      }
    }
    position += got
    if failure != 0 { throw InputError(path: path, reason: String(cString: strerror(failure))) }
    return got
  }
}
