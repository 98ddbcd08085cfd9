import Glibc
import Testing
import TestSupport

@testable import IntegrityTables

/// `AtomicFile.Writer`: pieces make the whole file, failures and aborts leave an existing
/// destination as it was, and no temporary `.NAME.XXXXXX` file is ever left behind.
@Suite struct AtomicFileWriterTests {
  /// A fresh empty directory under /tmp for one test.
  static func makeDirectory(_ label: String) throws -> String {
    let path = "/tmp/atomic-writer-tests-\(getpid())-\(label)-\(UInt32.random(in: 0...UInt32.max))"
    try AtomicFile.makeDirectory(path)
    return path
  }

  /// The names in `directory` (without `.` and `..`).
  static func listing(_ directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  static func removeTree(_ directory: String) {
    for name in listing(directory) {
      let path = "\(directory)/\(name)"
      if unlink(path) != 0 { removeTree(path) }
    }
    rmdir(directory)
  }

  @Test func piecesMakeTheWholeFile() throws {
    let dir = try Self.makeDirectory("pieces")
    defer { Self.removeTree(dir) }
    let path = "\(dir)/out.csv"
    let whole = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
    var writer = try AtomicFile.Writer(path: path)
    var start = 0
    for size in [0, 1, 7, 65_536, 300_001, 0, 2] {
      try writer.write(Array(whole[start..<start + size]))
      start += size
      #expect(Self.listing(dir) == Self.visibleTemporary(writer, in: dir))
    }
    try writer.write(Array(whole[start...]))
    #expect(Self.listing(dir) == Self.visibleTemporary(writer, in: dir))  // still only the temporary file
    try writer.commit()
    #expect(try InputBytes.read(path: path) == whole)
    #expect(Self.listing(dir) == ["out.csv"])
    var info = stat()
    #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o644)
  }

  @Test func overwritesAnExistingFile() throws {
    let dir = try Self.makeDirectory("overwrite")
    defer { Self.removeTree(dir) }
    let path = "\(dir)/out.csv"
    try AtomicFile.write("old contents, longer than the new\n", to: path)
    try AtomicFile.write("new\n", to: path)
    #expect(try InputBytes.read(path: path) == Array("new\n".utf8))
    #expect(Self.listing(dir) == ["out.csv"])
  }

  @Test func droppedWithoutCommitLeavesTheDestination() throws {
    let dir = try Self.makeDirectory("drop")
    defer { Self.removeTree(dir) }
    let path = "\(dir)/out.csv"
    try AtomicFile.write("keep me\n", to: path)
    do {
      var writer = try AtomicFile.Writer(path: path)
      try writer.write(Array("half-written".utf8))
      #expect(Self.listing(dir) == (Self.visibleTemporary(writer, in: dir) + ["out.csv"]).sorted())
    }  // dropped here
    #expect(try InputBytes.read(path: path) == Array("keep me\n".utf8))
    #expect(Self.listing(dir) == ["out.csv"])
  }

  @Test func missingDirectoryIsAnOutputError() throws {
    let dir = try Self.makeDirectory("missing")
    defer { Self.removeTree(dir) }
    #expect(throws: OutputError.self) { try AtomicFile.Writer(path: "\(dir)/no/such/dir/out.csv") }
    #expect(throws: OutputError.self) { try AtomicFile.write([1, 2, 3], to: "\(dir)/no/out.csv") }
    #expect(Self.listing(dir).isEmpty)
  }

  /// An unwritable directory: refused at `init`, the existing file untouched. (As root,
  /// permission bits do not stop `mkstemp`; the rename test below covers a failure there.)
  @Test(.enabled(if: geteuid() != 0, "root bypasses directory permissions"))
  func unwritableDirectoryIsAnOutputError() throws {
    let dir = try Self.makeDirectory("readonly")
    defer {
      chmod(dir, 0o755)
      Self.removeTree(dir)
    }
    let path = "\(dir)/out.csv"
    try AtomicFile.write("keep me\n", to: path)
    chmod(dir, 0o555)
    #expect(throws: OutputError.self) { try AtomicFile.write("new\n", to: path) }
    #expect(try InputBytes.read(path: path) == Array("keep me\n".utf8))
    #expect(Self.listing(dir) == ["out.csv"])
  }

  /// A non-empty directory appears where the new file was to go: linking and renaming
  /// at commit fail, the error is an `OutputError` naming the path, the directory is
  /// untouched and no temporary file is left. (A directory that is there at the start
  /// is refused at once.)
  @Test func failedCommitLeavesTheDestination() throws {
    let dir = try Self.makeDirectory("rename")
    defer { Self.removeTree(dir) }
    let path = "\(dir)/out"
    var writer = try AtomicFile.Writer(path: path)
    try writer.write(Array("new".utf8))
    #expect(Self.listing(dir) == Self.visibleTemporary(writer, in: dir))
    try AtomicFile.makeDirectory(path)
    try AtomicFile.write("inside\n", to: "\(path)/file")
    do {
      try writer.commit()
      Issue.record("commit over a non-empty directory succeeded")
    } catch {
      #expect(error.path == path)
    }
    #expect(Self.listing(dir) == ["out"])
    #expect(Self.listing(path) == ["file"])
    #expect(try InputBytes.read(path: "\(path)/file") == Array("inside\n".utf8))
    #expect(throws: OutputError(path: path, reason: "is a directory")) { try AtomicFile.Writer(path: path) }
    #expect(AtomicFile.TemporaryFiles.registered.allSatisfy { !$0.hasPrefix(dir) })
  }

  /// The temporary file's name as a listing of `directory` shows it: none for an
  /// anonymous (`O_TMPFILE`) one.
  static func visibleTemporary(_ writer: borrowing AtomicFile.Writer, in directory: String) -> [String] {
    switch writer.temporary {
    case .named(let path, _)?: [AtomicFile.split(path).name]
    default: []
    }
  }

  /// Past its threshold (128 MiB; 16 MiB here) the writer goes direct (O_DIRECT, 8 MiB
  /// aligned blocks, the tail through the cache): pieces of odd sizes, crossing the
  /// threshold at an unaligned offset and the block boundaries anywhere, still make
  /// exactly the whole file — here and on /dev/shm (tmpfs, which may refuse O_DIRECT:
  /// then it is written through the cache).
  @Test(arguments: ["/tmp", "/dev/shm"])
  func largeFilesWrittenDirectlyAreWhole(base: String) throws {
    guard access(base, W_OK) == 0 else { return }
    let dir = "\(base)/atomic-writer-direct-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try AtomicFile.makeDirectory(dir)
    defer { Self.removeTree(dir) }
    let path = "\(dir)/big.csv"
    var random = SplitMix64(seed: 17)
    let total = 41 << 20 + 1_234
    let whole = (0..<total).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    var writer = try AtomicFile.Writer(path: path, directFrom: 16 << 20)
    var start = 0
    var sizes = [1, 4_095, 3 << 20 + 7, 0, 5 << 20 + 4_093, 9 << 20 + 1]
    while start < total {
      let size = min(sizes.isEmpty ? 6 << 20 + 11 : sizes.removeFirst(), total - start)
      try writer.write(Array(whole[start..<start + size]))
      start += size
    }
    // Where the file system takes O_DIRECT (ext4, XFS, …), the direct path was taken.
    let direct = writer.writesDirectly
    #expect(direct == Self.takesDirectWrites(dir))
    try writer.commit()
    #expect(try InputBytes.read(path: path) == whole)
    #expect(Self.listing(dir) == ["big.csv"])
  }

  /// Whether files in `directory` accept `O_DIRECT`.
  static func takesDirectWrites(_ directory: String) -> Bool {
    guard let flag = AtomicFile.Writer.directFlag else { return false }
    let probe = "\(directory)/probe"
    let fd = open(probe, O_WRONLY | O_CREAT, 0o600)
    defer {
      close(fd)
      unlink(probe)
    }
    return fd >= 0 && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | flag) == 0
  }

  @Test func lineBufferFlushesInPieces() throws {
    let dir = try Self.makeDirectory("flush")
    defer { Self.removeTree(dir) }
    let path = "\(dir)/out.csv"
    var whole = CSVLineBuffer()
    var csv = CSVLineBuffer()
    var writer = try AtomicFile.Writer(path: path)
    for i in 0..<5_000 {
      for buffer in [0, 1] {
        func row(_ b: inout CSVLineBuffer) {
          b.text("agency \(i % 7)")
          b.integer(i)
          b.number(Double(i) / 7)
          b.endLine()
        }
        if buffer == 0 { row(&whole) } else { row(&csv) }
      }
      try csv.flush(to: &writer, minimumCount: 1_000)
      #expect(csv.count < 1_100)
    }
    try csv.flush(to: &writer)
    try writer.commit()
    #expect(try InputBytes.read(path: path) == whole.bytes)
  }
}
