import Dispatch
import IntegrityTables
import Synchronization

/// The parts of one input, read on `threads` threads and merged in file order into the
/// first part's consumer.
///
/// Each thread takes the next part no thread has taken yet, so a core that a neighbour
/// slows down reads fewer parts instead of holding up the end (with one fixed half per
/// core, the two halves of a 10⁶-row file ended up to 40 ms apart on this project's
/// 2-core machines). A thread that finishes a part merges the finished parts that
/// follow the merged ones, in file order, while the other threads go on reading: only
/// the last part's merge is left when the reading ends.
///
/// What the merge checks, part by part in file order (so the outcome does not depend on
/// which thread finished first): the first part's error ends the read (`failed`); a
/// later part that stopped on an error or rejected a row, a part before the last that
/// did not end exactly at its cut (a cut inside a quoted field), or a merge the
/// consumer declines (a period in two parts) means the input must be read again on one
/// core (`readAgain`), where every message names the lines as the file numbers them.
/// Once the outcome is known, no thread starts another part.
@usableFromInline
final class PartSchedule<Consumer: ColumnarConsumer>: @unchecked Sendable {
  // Unchecked: a part is run by one thread, then merged by one thread (the `merging`
  // flag); the mutex orders the hand-over. `lineOffset` is touched only by the merger.
  @usableFromInline let parts: [Part<Consumer>]
  private let state: Mutex<State>
  /// The lines of the parts merged so far.
  private var lineOffset = 0

  /// How a schedule ended.
  @usableFromInline enum Outcome: Sendable {
    /// Every part merged into the first.
    case merged
    /// The first part stopped on an error.
    case failed
    /// A later part's problem, or a cut inside a record: read the input again on one core.
    case readAgain
  }

  private struct State {
    var next = 0
    var done: [Bool]
    /// Parts merged (or, for the first, checked) so far.
    var merged = 0
    var merging = false
    var outcome: Outcome?
  }

  @usableFromInline init(_ parts: [Part<Consumer>]) {
    precondition(!parts.isEmpty)
    self.parts = parts
    self.state = Mutex(State(done: Array(repeating: false, count: parts.count)))
  }

  /// Reads every part on up to `threads` threads (this one among them) and merges them.
  /// Inlinable, as `work` is: the parts' reading loop (`Part.run`, `PartStream.next`,
  /// `ObservationBlockParser.parse`) is then compiled for the consumer's own type where
  /// the reader is called, and the parser calls the consumer's `add` directly.
  @inlinable func run(threads: Int) -> Outcome {
    let helpers = max(0, min(threads, parts.count) - 1)
    let group = DispatchGroup()
    for _ in 0..<helpers {
      DispatchQueue.global().async(group: group) { self.work() }
    }
    work()
    group.wait()
    return outcome
  }

  /// How the schedule ended (`merged` when no part changed it).
  @usableFromInline var outcome: Outcome { state.withLock { $0.outcome ?? .merged } }

  @inlinable func work() {
    while let k = claim() {
      parts[k].run()
      finished(k)
    }
  }

  /// The next part to read, or nil when there is none or the outcome is known.
  @usableFromInline func claim() -> Int? {
    state.withLock { state in
      guard state.outcome == nil, state.next < parts.count else { return nil }
      defer { state.next += 1 }
      return state.next
    }
  }

  /// Marks part `k` read and, unless another thread is merging (it will take this part
  /// in turn), merges every read part that comes next in file order.
  @usableFromInline func finished(_ k: Int) {
    let merger = state.withLock { state in
      state.done[k] = true
      guard !state.merging else { return false }
      state.merging = true
      return true
    }
    guard merger else { return }
    while true {
      // The check for a next part and the end of merging are one step: a part
      // finished meanwhile is either seen here or finds `merging` false.
      let next: Int? = state.withLock { state in
        guard state.outcome == nil, state.merged < parts.count, state.done[state.merged] else {
          state.merging = false
          return nil
        }
        return state.merged
      }
      guard let j = next else { return }
      let outcome = merge(j)
      state.withLock { state in
        state.merged = j + 1
        if let outcome { state.outcome = outcome }
      }
    }
  }

  /// Checks part `j` and merges it into the first; the outcome when the schedule ends here.
  private func merge(_ j: Int) -> Outcome? {
    let part = parts[j]
    if j == 0, part.failure != nil { return .failed }
    if j > 0, part.failure != nil || !part.stream.parser.rejected.isEmpty { return .readAgain }
    if j < parts.count - 1, !part.stream.endedCleanly { return .readAgain }
    if j > 0 {
      // The first part's consumer is merged into in place (a copy would share its
      // arrays, and the first append would duplicate them); the part's is released.
      guard let next = part.consumer.take(), parts[0].consumer!.merge(next, lineOffset: lineOffset) else {
        return .readAgain
      }
    }
    lineOffset += part.stream.parser.line - 1
    return nil
  }

  /// The byte offsets where the parts after the first start: the line starts at or
  /// after `share(before:count:cores:)` of the way from `start` to `end`, each after the
  /// one before and not before `position` (where the first part's input stands).
  @usableFromInline static func cuts(
    _ input: borrowing BlockInput, start: Int, end: Int, count: Int, cores: Int, position: Int
  ) -> [Int] {
    var cuts: [Int] = []
    for k in 1..<max(count, 1) {
      let offset = start + Int((Double(end - start) * share(before: k, count: count, cores: cores)).rounded(.down))
      guard let cut = input.lineStart(atOrAfter: max(offset, position)), cut < end else { break }
      if cut > (cuts.last ?? position - 1) { cuts.append(cut) }
    }
    return cuts
  }

  /// The share of the input in the parts before part `k` of `count`. Up to one part a
  /// core, equal parts; beyond, the first `cores` parts take 80 % of the input in equal
  /// shares and the rest share the last 20 %. The reading ends with the parts taken last:
  /// with equal parts, a core slowed by a neighbour finishes a whole quarter of the input
  /// (and merges it) while the other waits; with a short last round it finishes a tenth.
  /// Modelled with the schedule's rules (`Benchmarks/reader/schedule.py`): for 4 parts on
  /// 2 cores, merges at 0.15 of a part's reading time, the end comes as early when the
  /// cores go at one speed, and 10 % earlier on average when one goes 10–30 % slower.
  @usableFromInline static func share(before k: Int, count: Int, cores: Int) -> Double {
    let cores = max(cores, 1)
    guard count > cores else { return Double(k) / Double(count) }
    if k <= cores { return 0.8 * Double(k) / Double(cores) }
    return 0.8 + 0.2 * Double(k - cores) / Double(count - cores)
  }

  /// How many parts an input of `bytes` bytes is cut into: about one per `partBytes`,
  /// at least two, at most two per core — or, on an input large enough, up to five per
  /// core: the first round (one part a core) still takes 80 % (`share`) and the last
  /// round's 20 % is cut into up to four parts a core of at least `tailBytes` each.
  /// (Each part after the first costs a merge: on 2 cores, 4 parts did as well as 2 and
  /// 7 at 10⁶ rows, within the noise, with 3 % more instructions than 2 parts; 7 parts
  /// 5.6 % more. At 10⁷ rows, though, a tenth of the input is 250 ms of reading, and the
  /// thread that merged the second part — ~100 ms — finished its last part that much
  /// after the other, which waited (perf timeline); with short parts in the last round
  /// the other thread reads more of them meanwhile. `achievement` on 10⁷ rows, side by
  /// side (`Benchmarks/alternate.py 5`): 4 → 6 parts, 1,419 → 1,259 ms median (a unit
  /// column: 1,575 → 1,494); 6 → 9 parts, 1,336 → 1,264 (1,482 → 1,414). At 10⁶ rows the
  /// same wait was 35 ms of one thread reading a 10 % part alone; a last round in parts of
  /// 1 MiB, 4 → 8 parts (`alternate.py 11`): `achievement` 152.8 → 150.3 ms, with a unit
  /// column 170.6 → 164.1, `quarterly` 291.7 → 266.9, `trend` 165.5 → 157.9.)
  @usableFromInline static func partCount(bytes: Int, partBytes: Int, cores: Int) -> Int {
    let parts = max(2, min(bytes / max(partBytes, 1), 2 * cores, 32))
    guard cores > 1, parts == 2 * cores else { return parts }
    let lastRound = min(4 * cores, max(cores, bytes / 5 / tailBytes))
    return min(cores + lastRound, 32)
  }

  /// The least size of a part of the last round when there are more of them than cores.
  static var tailBytes: Int { 1 << 20 }
}
