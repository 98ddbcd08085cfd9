import Glibc
import Synchronization

extension AtomicFile {
  /// The temporary files a signal must not leave behind, and the handlers that remove them.
  ///
  /// `AtomicFile.Writer` prefers an anonymous temporary file (`O_TMPFILE`), which has no
  /// name until the finished file is linked in, so nothing is left even after `SIGKILL`.
  /// Where the file system cannot make one, the temporary file has a name
  /// (`.NAME.XXXXXX`), and that name is registered here while it exists. On `SIGINT`,
  /// `SIGTERM` or `SIGHUP` the handler unlinks every registered name and ends the process
  /// with status 128 + the signal's number, as a shell reports a process a signal killed.
  ///
  /// The handler only does what is async-signal-safe: it reads a bit mask (an atomic
  /// load), `unlink(2)`s NUL-terminated paths from storage allocated before any handler
  /// was installed, and calls `_exit(2)`. A slot's bytes are written before its bit is
  /// set (release ordering) and its bit is cleared before the slot is reused, so the
  /// handler never reads a half-written path. Signals that were ignored when the first
  /// writer opened (`nohup` ignores `SIGHUP`) stay ignored, and a handler someone else
  /// installed is left alone.
  enum TemporaryFiles {
    /// At most 64 temporary files at once (one per open writer).
    static let slotCount = 64
    /// The longest path a slot holds, NUL included (`PATH_MAX`).
    static let slotSize = Int(PATH_MAX)

    /// Registers `path` for removal by the signal handlers; returns its slot, or nil when
    /// the path is too long or every slot is taken (the file is then removed on every
    /// ordinary exit path, but not on a signal).
    static func register(_ path: String) -> Int? {
      installHandlers()
      let bytes = Array(path.utf8)
      guard bytes.count < slotSize, !bytes.contains(0) else { return nil }
      var reserved = temporaryFileReservedSlots.load(ordering: .relaxed)
      while reserved != .max {
        let slot = (~reserved).trailingZeroBitCount
        let (done, now) = temporaryFileReservedSlots.compareExchange(
          expected: reserved, desired: reserved | (1 << slot), ordering: .acquiringAndReleasing)
        guard done else {
          reserved = now
          continue
        }
        // Safe: the slot is ours (its reserved bit was set by the exchange above), it
        // spans slotSize bytes inside the storage, and bytes.count < slotSize leaves
        // room for the NUL.
        let start = temporaryFileSlotStorage + slot * slotSize
        bytes.withUnsafeBufferPointer { source in
          source.withMemoryRebound(to: CChar.self) { start.update(from: $0.baseAddress!, count: $0.count) }
        }
        start[bytes.count] = 0
        temporaryFileActiveSlots.bitwiseOr(1 << slot, ordering: .releasing)
        return slot
      }
      return nil
    }

    /// The file of `slot` is gone (renamed into place or removed): forget it.
    static func unregister(_ slot: Int) {
      temporaryFileActiveSlots.bitwiseAnd(~(1 << slot), ordering: .releasing)
      temporaryFileReservedSlots.bitwiseAnd(~(1 << slot), ordering: .releasing)
    }

    /// The registered paths (for tests).
    static var registered: [String] {
      var mask = temporaryFileActiveSlots.load(ordering: .acquiring)
      var paths: [String] = []
      while mask != 0 {
        paths.append(String(cString: temporaryFileSlotStorage + mask.trailingZeroBitCount * slotSize))
        mask &= mask - 1
      }
      return paths
    }

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP, once per process, where
    /// the signal still has its default action.
    static func installHandlers() {
      guard !temporaryFileHandlersInstalled.exchange(true, ordering: .acquiringAndReleasing) else { return }
      // Touch the globals the handler reads, so their one-time initialisation is done
      // before a handler can run.
      _ = temporaryFileActiveSlots.load(ordering: .relaxed)
      _ = temporaryFileSlotStorage
      _ = slotSize
      var action = sigaction()
      action.__sigaction_handler.sa_handler = removeTemporaryFilesAndExit
      sigemptyset(&action.sa_mask)
      for signal in handledSignals { sigaddset(&action.sa_mask, signal) }
      action.sa_flags = 0
      for signal in handledSignals {
        var old = sigaction()
        guard sigaction(signal, nil, &old) == 0, isDefault(old) else { continue }
        _ = sigaction(signal, &action, nil)
      }
    }

    static let handledSignals = [SIGINT, SIGTERM, SIGHUP]

    /// Whether `action` is `SIG_DFL` (the null handler).
    private static func isDefault(_ action: sigaction) -> Bool {
      guard let handler = action.__sigaction_handler.sa_handler else { return true }
      return unsafeBitCast(handler, to: Int.self) == 0
    }
  }
}

/// Slots with a path being written (bit k: slot k holds one); the handler reads this.
private let temporaryFileActiveSlots = Atomic<UInt64>(0)
/// Slots taken (set before the path is copied in, cleared after the active bit).
private let temporaryFileReservedSlots = Atomic<UInt64>(0)
private let temporaryFileHandlersInstalled = Atomic<Bool>(false)
/// The slots' NUL-terminated paths, `slotCount × slotSize` bytes, never freed.
nonisolated(unsafe) private let temporaryFileSlotStorage: UnsafeMutablePointer<CChar> = {
  let storage = UnsafeMutablePointer<CChar>.allocate(
    capacity: AtomicFile.TemporaryFiles.slotCount * AtomicFile.TemporaryFiles.slotSize)
  storage.initialize(repeating: 0, count: AtomicFile.TemporaryFiles.slotCount * AtomicFile.TemporaryFiles.slotSize)
  return storage
}()

/// The signal handler: unlink every registered temporary file, then `_exit(128 + n)`.
/// Async-signal-safe: an atomic load, `unlink` and `_exit` only.
private func removeTemporaryFilesAndExit(_ signal: Int32) {
  var mask = temporaryFileActiveSlots.load(ordering: .acquiring)
  while mask != 0 {
    unlink(temporaryFileSlotStorage + mask.trailingZeroBitCount * AtomicFile.TemporaryFiles.slotSize)
    mask &= mask - 1
  }
  _exit(128 + signal)
}
