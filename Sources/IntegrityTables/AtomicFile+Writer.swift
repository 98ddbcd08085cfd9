import Glibc
#if os(Linux)
import CFileSync
#endif

extension AtomicFile {
  /// Streaming output: a regular file is written piece by piece and appears at its
  /// destination whole, or not at all; a device, FIFO or socket is written in place.
  ///
  /// What `init(path:)` opens depends on what the path names (`AtomicFile.Destination`):
  /// - a regular file, a new path, or a symbolic link that leads to either: a temporary
  ///   file in the destination's directory (so on the same file system). It is
  ///   anonymous (`O_TMPFILE`) where the file system can make one, so that not even
  ///   `SIGKILL` leaves anything behind; otherwise it is `.NAME.XXXXXX`, registered with
  ///   `AtomicFile.TemporaryFiles` so that `SIGINT`, `SIGTERM` and `SIGHUP` remove it
  ///   before the process exits with 128 + the signal's number. A new file gets mode
  ///   0666 less the umask; a replaced file keeps its mode, and its owner and group
  ///   where we may set them (as root). `commit()` waits until the file's bytes are
  ///   written out (`writeOut`) and links it in: a new path directly (`linkat`), an
  ///   existing file by `rename(2)` over it, which is atomic. Through a symbolic link,
  ///   the link's final target is replaced and the link stays a link.
  /// - a character or block device, a FIFO, a socket, `/dev/stdout`, `/dev/stderr`,
  ///   `/dev/fd/N`, `/proc/self/fd/N` (or a link to any of them): opened and written in
  ///   place (`O_WRONLY | O_TRUNC`, `connect(2)` for a socket, a duplicate of our own
  ///   descriptor), never renamed over. `init` blocks on a FIFO until it has a reader,
  ///   as a shell's `>` does.
  /// - a `nil` or `-` path: standard output, as the bytes are written (errors name
  ///   `<stdout>`).
  ///
  /// On any failure, and when the writer is dropped without `commit()`, the temporary
  /// file is removed and an existing destination is left untouched; failures are
  /// `OutputError`s (exit 73).
  ///
  /// Large files bypass the page cache. Once a file being replaced passes 128 MiB, the
  /// writer turns on `O_DIRECT` (`fcntl(F_SETFL)`, Linux) and writes 8 MiB blocks,
  /// aligned to 4096 bytes in memory, offset and length, straight to the device; the
  /// last partial block goes through the cache again. Going through the cache costs a
  /// copy into freshly allocated page-cache pages plus their writeback before the
  /// link: on this machine 830 MB took 0.4–2.2 s of system time that way (the
  /// spread is the hypervisor backing new guest pages), against 0.3 s and 0.07 s of
  /// system time directly (`Benchmarks/indicators/README.md`). A direct write waits for
  /// the device, though, and the threads formatting the rows wait for it: below 128 MiB
  /// the cache is faster (the 83 MB output of `quarterly` on 10⁶ rows: 642 → 507 ms
  /// median through the cache once `commit()` no longer called `fsync`; at 177 MB and
  /// 830 MB the direct path was as fast or faster, with less system time). The file's
  /// bytes are the same either way; a file system that refuses `O_DIRECT` (tmpfs, some
  /// FUSE) is written through the cache, as is everything below 128 MiB.
  ///
  ///     var out = try AtomicFile.Writer(path: "quarterly.csv")
  ///     var csv = CSVLineBuffer()
  ///     for row in rows { …; try csv.flush(to: &out, minimumCount: 4 << 20) }
  ///     try csv.flush(to: &out)
  ///     try out.commit()
  ///
  /// Noncopyable: one owner writes, and the compiler rejects a write after `commit()`.
  public struct Writer: ~Copyable {
    /// The destination as given, or `<stdout>`.
    public let path: String
    private let descriptor: Int32
    private let output: Output
    private var state = State.open
    /// Bytes written so far, and the first not yet handed to the disk's writeback.
    private var written = 0
    private var flushedUpTo = 0
    /// The direct path: its staging block, once turned on; `directRefused` once
    /// the file system said no.
    private var staging: AlignedBuffer? = nil
    private var directRefused = false

    /// Whether the bytes now go to the device directly (for tests).
    var writesDirectly: Bool { staging != nil && !directRefused }

    /// When the direct path starts, its block and alignment.
    static let directThreshold = 128 << 20
    /// Where this writer turns direct (`directThreshold`; tests set less).
    private let directFrom: Int
    static let directBlock = 8 << 20
    static let directAlignment = 4096

    private enum State { case open, committed, failed }

    /// What the descriptor writes to.
    enum Output: Equatable {
      /// Descriptor 1, as it is (never closed here).
      case standardOutput
      /// A device, FIFO, socket or duplicated descriptor, written where it is.
      case inPlace
      /// A temporary file that `commit()` links in at `destination` (the path after
      /// following symbolic links); `replaces`: an existing file is there.
      case replacing(destination: String, temporary: Temporary, replaces: Bool)
    }

    /// The temporary file of a replacing writer.
    enum Temporary: Equatable {
      /// `O_TMPFILE`: no name until `commit()` links it in.
      case anonymous
      /// `.NAME.XXXXXX`, and its slot in `TemporaryFiles` (nil: not registered).
      case named(path: String, slot: Int?)
    }

    /// How the temporary file is made (for tests).
    var temporary: Temporary? {
      if case .replacing(_, let temporary, _) = output { return temporary }
      return nil
    }

    /// Whether the output is a temporary file to be committed.
    private var isReplacing: Bool {
      if case .replacing = output { return true }
      return false
    }

    /// Opens the output: a temporary file beside what `path` names, the device, FIFO
    /// or socket itself, or standard output when `path` is `nil` or `-`.
    public init(path: String?) throws(OutputError) {
      try self.init(path: path, directFrom: Self.directThreshold)
    }

    /// The same, going direct once `directFrom` bytes are written.
    init(path: String?, directFrom: Int) throws(OutputError) {
      self.directFrom = directFrom
      guard let path, path != "-" else {
        self.path = "<stdout>"
        self.descriptor = 1
        self.output = .standardOutput
        return
      }
      self.path = path
      switch try AtomicFile.destination(of: path) {
      case .descriptor(let fd):
        let copy = fcntl(fd, F_DUPFD_CLOEXEC, 3)
        guard copy >= 0 else { throw OutputError(path: path, reason: AtomicFile.errnoText()) }
        self.descriptor = copy
        self.output = .inPlace
      case .special(let resolved, let type):
        self.descriptor = try Self.openInPlace(resolved, type: type, named: path)
        self.output = .inPlace
      case .regular(let resolved, let existing):
        let (fd, temporary) = try Self.openTemporary(for: resolved, named: path)
        if let existing {
          // Before any byte is written, so the data is never more readable than the
          // file it replaces. The owner first: chown clears set-user-ID bits.
          if existing.owner != geteuid() || existing.group != getegid() {
            _ = fchown(fd, existing.owner, existing.group)
          }
          _ = fchmod(fd, existing.mode)
        }
        self.descriptor = fd
        self.output = .replacing(destination: resolved, temporary: temporary, replaces: existing != nil)
      }
    }

    /// Opens a device, FIFO or socket (`type` from `stat`, 0 when unknown) for writing
    /// where it is.
    private static func openInPlace(_ resolved: String, type: mode_t, named path: String) throws(OutputError) -> Int32 {
      if type == S_IFSOCK { return try connect(toSocket: resolved, named: path) }
      while true {
        let fd = open(resolved, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY)
        if fd >= 0 { return fd }
        if errno != EINTR { throw OutputError(path: path, reason: AtomicFile.errnoText()) }
      }
    }

    /// A stream connection to the Unix-domain socket at `resolved`.
    private static func connect(toSocket resolved: String, named path: String) throws(OutputError) -> Int32 {
      var address = sockaddr_un()
      address.sun_family = sa_family_t(AF_UNIX)
      let bytes = Array(resolved.utf8)
      let capacity = MemoryLayout.size(ofValue: address.sun_path)
      guard bytes.count < capacity else {
        throw OutputError(path: path, reason: String(cString: strerror(ENAMETOOLONG)))
      }
      // Safe: bytes.count < the size of sun_path, so the copy stays inside it and the
      // zeroed rest terminates the path.
      withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
      let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard fd >= 0 else { throw OutputError(path: path, reason: AtomicFile.errnoText()) }
      // Safe: the pointer is to our local sockaddr_un, of the length passed.
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
        }
      }
      guard connected == 0 else {
        let error = OutputError(path: path, reason: AtomicFile.errnoText())
        close(fd)
        throw error
      }
      return fd
    }

    /// The temporary file for replacing `resolved`: anonymous where the file system
    /// allows (and `INTEGRITY_STATS_NAMED_TEMPORARY` is not set, which tests use to try
    /// the other way), else named and registered for removal on a signal. Mode 0666,
    /// less the umask.
    private static func openTemporary(for resolved: String, named path: String) throws(OutputError) -> (Int32, Temporary) {
      let (directory, name) = AtomicFile.split(resolved)
      TemporaryFiles.installHandlers()
      if let flag = anonymousFlag, getenv("INTEGRITY_STATS_NAMED_TEMPORARY") == nil {
        let fd = open(directory, flag | O_WRONLY | O_CLOEXEC, 0o666)
        if fd >= 0 { return (fd, .anonymous) }
      }
      for _ in 0..<100 {
        let candidate = temporaryName(directory: directory, name: name)
        // Registered before it exists: a signal between the two finds nothing to remove.
        let slot = TemporaryFiles.register(candidate)
        let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd >= 0 { return (fd, .named(path: candidate, slot: slot)) }
        let code = errno
        if let slot { TemporaryFiles.unregister(slot) }
        if code != EEXIST { throw OutputError(path: path, reason: String(cString: strerror(code))) }
      }
      throw OutputError(path: path, reason: "no free temporary file name in \(directory)")
    }

    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`; glibc declares it only with
    /// `_GNU_SOURCE`, so Swift does not see it), or nil where its value is not known here.
    static var anonymousFlag: Int32? {
      #if os(Linux)
        0o20000000 | O_DIRECTORY
      #else
        nil
      #endif
    }

    /// `DIRECTORY/.NAME.XXXXXX`, the X's random letters and digits.
    static func temporaryName(directory: String, name: String) -> String {
      let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
      let suffix = String((0..<6).map { _ in alphabet.randomElement()! })
      return "\(directory)/.\(name).\(suffix)"
    }

    /// Appends `bytes` to the output.
    public mutating func write(_ bytes: [UInt8]) throws(OutputError) {
      guard state == .open else { throw OutputError(path: path, reason: "an earlier write failed") }
      do throws(OutputError) {
        if staging == nil && !directRefused && isReplacing && written + bytes.count >= directFrom {
          try startDirect(bytes)
          return
        }
        if staging != nil {
          try stage(bytes, from: 0)
          written += bytes.count
          return
        }
        try AtomicFile.writeAll(fd: descriptor, bytes, path: path)
      } catch {
        abandon()
        throw error
      }
      written += bytes.count
      // Start the disk writing the file while it is still being produced (after every
      // write once 1 MiB is pending, without waiting), so that `commit()` finds little
      // left to write out: on Linux, POSIX_FADV_DONTNEED starts writeback of the
      // range's dirty pages (mm/fadvise.c) and drops only pages whose writeback has
      // finished, so most of the range just written stays cached. Only a hint: its
      // failure changes nothing. (Measured when `commit()` still called `fsync`: with the
      // hint every 16 MiB, the 17.7 MB output of `achievement` on 10⁶ rows waited 9.4 ms
      // there; every 1 MiB, 0.4 ms.)
      if isReplacing && written - flushedUpTo >= 1 << 20 {
        _ = posix_fadvise(descriptor, off_t(flushedUpTo), off_t(written - flushedUpTo), POSIX_FADV_DONTNEED)
        flushedUpTo = written
      }
    }

    /// Makes the output visible. A temporary file is written out (`writeOut`) and
    /// linked in (over an existing file by `rename(2)`); an in-place output is closed;
    /// standard output is left open.
    public consuming func commit() throws(OutputError) {
      guard state == .open else { throw OutputError(path: path, reason: "an earlier write failed") }
      switch output {
      case .standardOutput:
        state = .committed
      case .inPlace:
        state = .committed  // the descriptor is closed, whatever happens next
        guard close(descriptor) == 0 || errno == EINTR else {
          throw OutputError(path: path, reason: AtomicFile.errnoText())
        }
      case .replacing(let destination, let temporary, let replaces):
        do throws(OutputError) {
          try finishDirect()
        } catch {
          abandon()
          throw error
        }
        guard Self.writeOut(descriptor) else { throw failure() }
        // From here the temporary file is linkIn's: it removes a named one on failure.
        state = .committed
        defer { close(descriptor) }
        try linkIn(temporary, at: destination, replaces: replaces)
      }
    }

    /// Waits until the file's bytes are on the device: every dirty page written and its
    /// writeback finished (`sync_file_range(2)` with WAIT_BEFORE, WRITE and WAIT_AFTER on
    /// Linux), so that a write error, a full disk included, fails the output before it
    /// is linked in.
    ///
    /// Not `fsync`: that also waits for the device to empty its volatile cache and for
    /// the journal to commit. On this project's 2-core VM the `fsync` of a 17 MB output
    /// took 22 ms, of 83 MB 125–183 ms, of 177 MB 267 ms, and of a 2-row output 5.6 ms;
    /// the write-out, after the early writeback above, 0.2–2 ms for 17 MB and 2–8 ms for
    /// 83 MB through the cache (`strace -T`). The
    /// order that keeps a crash from leaving a torn file is kept without it: the bytes
    /// reach the device before the rename exists, and a journaling file system (ext4 in
    /// its default `data=ordered`, XFS) flushes the device's cache before it writes the
    /// commit that records the rename, so after a power cut the destination holds the
    /// old file or the whole new one. What is not promised is that the new file has
    /// reached stable storage when the command exits: it does with the file system's
    /// next commit (at most 5 s later on ext4's defaults), as with the outputs of the
    /// other data tools users run (pandas, polars, DuckDB, `sort -o`), which do not wait
    /// at all. Elsewhere than Linux, `fsync`.
    private static func writeOut(_ descriptor: Int32) -> Bool {
      #if os(Linux)
      return sync_file_range(descriptor, 0, 0, CFileSyncWriteAndWait) == 0
      #else
      return fsync(descriptor) == 0
      #endif
    }

    /// Puts the finished temporary file at `destination`. A new path gets an anonymous
    /// file by `linkat` directly (atomic, and fails if the name appeared meanwhile); else
    /// the file gets a temporary name (registered for removal on a signal) and is
    /// renamed over the destination.
    private func linkIn(_ temporary: Temporary, at destination: String, replaces: Bool) throws(OutputError) {
      let (directory, name) = AtomicFile.split(destination)
      let named: String
      let slot: Int?
      switch temporary {
      case .named(let path, let registered):
        named = path
        slot = registered
      case .anonymous:
        if !replaces {
          if link(to: destination) == 0 { return }
          guard errno == EEXIST else { throw OutputError(path: path, reason: AtomicFile.errnoText()) }
        }
        var candidate = ""
        var registered: Int? = nil
        while true {
          candidate = Self.temporaryName(directory: directory, name: name)
          registered = TemporaryFiles.register(candidate)
          if link(to: candidate) == 0 { break }
          let code = errno
          if let registered { TemporaryFiles.unregister(registered) }
          if code != EEXIST { throw OutputError(path: path, reason: String(cString: strerror(code))) }
        }
        named = candidate
        slot = registered
      }
      defer { if let slot { TemporaryFiles.unregister(slot) } }
      guard rename(named, destination) == 0 else {
        let reason = AtomicFile.errnoText()
        unlink(named)
        throw OutputError(path: path, reason: reason)
      }
    }

    /// Gives the anonymous temporary file the name `target`: through `/proc/self/fd/N`
    /// (`AT_SYMLINK_FOLLOW`, which needs no privilege), or, without `/proc`, by
    /// `AT_EMPTY_PATH` (which needs `CAP_DAC_READ_SEARCH`). Returns 0 or -1 with `errno`.
    private func link(to target: String) -> Int32 {
      if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 { return 0 }
      guard errno == ENOENT, access("/proc/self/fd", F_OK) != 0 else { return -1 }
      let atEmptyPath: Int32 = 0x1000  // AT_EMPTY_PATH (fcntl.h, _GNU_SOURCE only)
      return linkat(descriptor, "", AT_FDCWD, target, atEmptyPath)
    }

    deinit {
      if state == .open { abandonFile() }
    }

    // MARK: The direct path

    /// `O_DIRECT` (fcntl.h; glibc declares it only with `_GNU_SOURCE`, so Swift does not
    /// see it), or nil where its value is not known here.
    static var directFlag: Int32? {
      #if os(Linux) && (arch(x86_64) || arch(i386))
        0o40000
      #elseif os(Linux) && (arch(arm64) || arch(arm))
        0o200000
      #else
        nil
      #endif
    }

    /// Writes `bytes` (which take the file past the threshold) and turns the direct path
    /// on: the bytes that bring the file offset to a multiple of the alignment go
    /// through the cache, the rest is staged. Stays on the cached path when the file
    /// system refuses `O_DIRECT` or the staging memory cannot be had.
    private mutating func startDirect(_ bytes: [UInt8]) throws(OutputError) {
      let pad = min(bytes.count, (Self.directAlignment - written % Self.directAlignment) % Self.directAlignment)
      let flags = fcntl(descriptor, F_GETFL)
      guard let flag = Self.directFlag, flags >= 0,
        let block = AlignedBuffer(capacity: Self.directBlock, alignment: Self.directAlignment)
      else {
        directRefused = true
        try AtomicFile.writeAll(fd: descriptor, bytes, path: path)
        written += bytes.count
        return
      }
      try AtomicFile.writeAll(fd: descriptor, Array(bytes[..<pad]), path: path)
      written += pad
      guard fcntl(descriptor, F_SETFL, flags | flag) == 0 else {
        directRefused = true
        try AtomicFile.writeAll(fd: descriptor, Array(bytes[pad...]), path: path)
        written += bytes.count - pad
        return
      }
      staging = block
      try stage(bytes, from: pad)
      written += bytes.count - pad
    }

    /// Copies `bytes[offset...]` into the staging block, writing each full block.
    private mutating func stage(_ bytes: [UInt8], from offset: Int) throws(OutputError) {
      var offset = offset
      while offset < bytes.count {
        offset += staging!.append(bytes, from: offset)
        if staging!.freeCapacity == 0 { try writeStaged(upTo: staging!.capacity) }
      }
    }

    /// Writes the first `length` staged bytes (a multiple of the alignment) directly.
    /// A device that refuses them (`EINVAL`: a larger alignment than 4096, or a short
    /// write that left the offset unaligned) gets the rest, and everything after,
    /// through the cache.
    private mutating func writeStaged(upTo length: Int) throws(OutputError) {
      var done = 0
      while done < length {
        let n = staging!.withBytes(prefix: length) { block in
          Glibc.write(descriptor, block.baseAddress! + done, length - done)
        }
        if n < 0 {
          if errno == EINTR { continue }
          if errno == EINVAL {
            try leaveDirect()
            try AtomicFile.writeAll(fd: descriptor, stagedBytes(done..<length), path: path)
            staging!.removeFirst(length)
            return
          }
          throw OutputError(path: path, reason: AtomicFile.errnoText())
        }
        done += n
      }
      staging!.removeFirst(length)
    }

    /// At commit: the staged whole blocks directly, the rest through the cache.
    private mutating func finishDirect() throws(OutputError) {
      guard staging != nil else { return }
      let aligned = staging!.count - staging!.count % Self.directAlignment
      if aligned > 0 { try writeStaged(upTo: aligned) }
      guard staging != nil else { return }
      try leaveDirect()
      let rest = stagedBytes(0..<staging!.count)
      staging = nil
      try AtomicFile.writeAll(fd: descriptor, rest, path: path)
    }

    /// Clears `O_DIRECT`, for a tail that is not a whole block.
    private mutating func leaveDirect() throws(OutputError) {
      let flags = fcntl(descriptor, F_GETFL)
      guard flags >= 0, let flag = Self.directFlag, fcntl(descriptor, F_SETFL, flags & ~flag) == 0 else {
        throw OutputError(path: path, reason: AtomicFile.errnoText())
      }
      directRefused = true
    }

    /// A copy of the staged bytes in `range`.
    private func stagedBytes(_ range: Range<Int>) -> [UInt8] {
      staging!.withBytes(prefix: range.upperBound) { Array($0[range]) }
    }

    /// The current `errno` as an `OutputError`, after removing the temporary file.
    private mutating func failure() -> OutputError {
      let error = OutputError(path: path, reason: AtomicFile.errnoText())
      abandon()
      return error
    }

    /// Closes and removes the temporary file; the writer takes no more bytes.
    private mutating func abandon() {
      if state == .open { abandonFile() }
      state = .failed
    }

    /// Closes our descriptor (not standard output) and removes a named temporary file
    /// (an anonymous one goes with its last descriptor).
    private func abandonFile() {
      switch output {
      case .standardOutput:
        return
      case .inPlace:
        close(descriptor)
      case .replacing(_, let temporary, _):
        close(descriptor)
        if case .named(let path, let slot) = temporary {
          unlink(path)
          if let slot { TemporaryFiles.unregister(slot) }
        }
      }
    }
  }
}

extension CSVLineBuffer {
  /// Writes the buffer's bytes to `writer` and empties the buffer (keeping its
  /// capacity), when it holds at least `minimumCount` bytes.
  public mutating func flush(to writer: inout AtomicFile.Writer, minimumCount: Int = 0) throws(OutputError) {
    guard bytes.count >= minimumCount, !bytes.isEmpty else { return }
    try writer.write(bytes)
    removeAll()
  }
}
