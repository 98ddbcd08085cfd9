import Glibc

extension AtomicFile {
  /// Streaming atomic output: the file is written piece by piece and appears at its
  /// destination whole, or not at all.
  ///
  /// `init(path:)` creates the temporary file `.NAME.XXXXXX` beside the destination
  /// (`mkstemp`, so it is on the same file system and private until committed); each
  /// `write(_:)` appends to it (hand over a few megabytes at a time); `commit()` sets mode
  /// 0644, `fsync`s, closes, and `rename(2)`s it over the destination, which is atomic.
  /// On any failure, and when the writer is dropped without `commit()`, the temporary
  /// file is closed and removed and an existing destination is left untouched; failures
  /// are `OutputError`s (exit 73).
  ///
  /// With a `nil` or `-` path the bytes go to standard output as they are written
  /// (nothing to commit; errors name `<stdout>`).
  ///
  /// Large files bypass the page cache. Once a file passes 16 MiB, the writer turns on
  /// `O_DIRECT` (`fcntl(F_SETFL)`, Linux) and writes 8 MiB blocks, aligned to 4096 bytes
  /// in memory, offset and length, straight to the device; the last partial block goes
  /// through the cache again. Going through the cache costs a copy into freshly
  /// allocated page-cache pages plus their writeback before the `fsync`: on this
  /// machine 830 MB took 0.4–2.2 s of system time that way (the spread is the
  /// hypervisor backing new guest pages), against 0.3 s and 0.07 s of system time
  /// directly (`Benchmarks/indicators/README.md`). The file's bytes are the same either
  /// way; a file system that refuses `O_DIRECT` (tmpfs, some FUSE) is written through
  /// the cache, as is everything below 16 MiB.
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
    /// The temporary file; `nil` for standard output.
    private let temporaryPath: String?
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
    static let directThreshold = 16 << 20
    static let directBlock = 8 << 20
    static let directAlignment = 4096

    private enum State { case open, committed, failed }

    /// Opens the output: a temporary file beside `path`, or standard output when `path`
    /// is `nil` or `-`.
    public init(path: String?) throws(OutputError) {
      guard let path, path != "-" else {
        self.path = "<stdout>"
        self.descriptor = 1
        self.temporaryPath = nil
        return
      }
      let (directory, name) = AtomicFile.split(path)
      var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
      // Safe: mkstemp writes the six X's in place, within the array's NUL-terminated
      // storage that the closure lends.
      let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard fd >= 0 else { throw OutputError(path: path, reason: AtomicFile.errnoText()) }
      self.path = path
      self.descriptor = fd
      self.temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Appends `bytes` to the output.
    public mutating func write(_ bytes: [UInt8]) throws(OutputError) {
      guard state == .open else { throw OutputError(path: path, reason: "an earlier write failed") }
      do throws(OutputError) {
        if staging == nil && !directRefused && temporaryPath != nil && written + bytes.count >= Self.directThreshold {
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
      // Start the disk writing the file while it is still being produced (every 16 MiB,
      // without waiting), so the `fsync` in `commit()` finds little left to write:
      // on Linux, POSIX_FADV_DONTNEED starts writeback of the range's dirty pages
      // (mm/fadvise.c) and lets the cache drop them once written. Only a hint: its
      // failure changes nothing.
      if temporaryPath != nil && written - flushedUpTo >= 16 << 20 {
        _ = posix_fadvise(descriptor, off_t(flushedUpTo), off_t(written - flushedUpTo), POSIX_FADV_DONTNEED)
        flushedUpTo = written
      }
    }

    /// Makes the output visible: fsync, close, rename over the destination.
    public consuming func commit() throws(OutputError) {
      guard state == .open else { throw OutputError(path: path, reason: "an earlier write failed") }
      guard let temporaryPath else {
        state = .committed
        return
      }
      do throws(OutputError) {
        try finishDirect()
      } catch {
        abandon()
        throw error
      }
      _ = fchmod(descriptor, 0o644)
      guard fsync(descriptor) == 0 else { throw failure() }
      let closed = close(descriptor)
      state = .committed  // the descriptor is closed, whatever happens next
      guard closed == 0 else {
        let reason = AtomicFile.errnoText()
        unlink(temporaryPath)
        throw OutputError(path: path, reason: reason)
      }
      guard rename(temporaryPath, path) == 0 else {
        let reason = AtomicFile.errnoText()
        unlink(temporaryPath)
        throw OutputError(path: path, reason: reason)
      }
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

    private func abandonFile() {
      guard let temporaryPath else { return }
      close(descriptor)
      unlink(temporaryPath)
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
