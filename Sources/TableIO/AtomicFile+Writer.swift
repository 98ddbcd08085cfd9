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
