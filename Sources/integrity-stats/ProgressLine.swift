import Dispatch
import IntegrityStats
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error for long runs at a terminal: rows read, MB/s and
/// the phase, redrawn in place (`\r`) four times a second once a run has taken a second.
///
/// Only when standard error is a terminal (`isatty(2)`): piped or redirected, nothing is
/// written. `Diagnostics` erases the line before each message, and `stop()` erases it for
/// good before the last lines, so messages never share a line with it.
final class ProgressLine: Sendable {
  enum Phase: String, Sendable {
    case reading, computing, writing
  }

  /// The run's progress line; nil when standard error is not a terminal.
  static let shared: ProgressLine? = isatty(2) == 1 ? ProgressLine() : nil

  private struct State {
    var bytes = 0
    var rows = 0
    var phase = Phase.reading
    var shown = false
    var stopped = false
  }

  private let state = Mutex(State())
  private let start = DispatchTime.now().uptimeNanoseconds
  // Dispatch sources are thread-safe; the type is not marked Sendable.
  nonisolated(unsafe) private let timer: any DispatchSourceTimer

  private init() {
    timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "integrity-stats.progress"))
    timer.schedule(deadline: .now() + .seconds(1), repeating: .milliseconds(250))
    timer.setEventHandler { [weak self] in self?.draw() }
    timer.activate()
  }

  /// Counts a parsed block (the reader's `ObservationReadOptions.progress`).
  func add(bytes: Int, rows: Int) {
    state.withLock {
      $0.bytes += bytes
      $0.rows += rows
    }
  }

  /// The reader's callback, for `ObservationReadOptions.progress` (nil without a terminal).
  static var readerCallback: (@Sendable (Int, Int) -> Void)? {
    guard let shared else { return nil }
    return { bytes, rows in shared.add(bytes: bytes, rows: rows) }
  }

  /// Enters a phase (shown from the next redraw).
  func enter(_ phase: Phase) {
    state.withLock { $0.phase = phase }
  }

  /// Runs `body` with the line erased (a message is about to be written).
  func erased<T>(_ body: () -> T) -> T {
    state.withLock { state in
      if state.shown { Self.write("\r\u{1B}[K") }
      state.shown = false
      return body()
    }
  }

  /// Erases the line and draws no more (before the final lines).
  func stop() {
    state.withLock { state in
      if state.shown { Self.write("\r\u{1B}[K") }
      state.shown = false
      state.stopped = true
    }
    timer.cancel()
  }

  private func draw() {
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    state.withLock { state in
      guard !state.stopped else { return }
      let rate = Double(state.bytes) / 1e6 / seconds
      var text = "\(state.phase.rawValue): \(Self.grouped(state.rows)) rows read"
      if state.bytes > 0 { text += ", \(Self.oneDecimal(rate)) MB/s" }
      text += ", \(Int(seconds)) s"
      Self.write("\r\u{1B}[K" + text)
      state.shown = true
    }
  }

  private static func write(_ text: String) {
    AtomicFile.writeStandardError(text)
  }

  /// 12345678 → 12,345,678.
  static func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return out
  }

  static func oneDecimal(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}
