import Dispatch
import Foundation
import Synchronization

/// Work on `0..<count` cut into consecutive ranges, one per core, the results joined in
/// range order: the output is the same whatever the cores and the scheduling.
///
/// For the steps that follow a read and run on one thread otherwise: formatting a large
/// table (`CSVWriter`), building and fitting many series (`trend`).
package enum Chunks {
  /// The cores work is shared among: those this process may run on, at most 8.
  package static let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

  /// `body` applied to each range of `0..<count`, the results concatenated in order; one
  /// range (on the calling thread) below `minimum` elements or on one core.
  package static func map<T: Sendable>(
    _ count: Int, minimum: Int, _ body: @Sendable (Range<Int>) -> [T]
  ) -> [T] {
    let parts = count >= minimum ? max(1, min(cores, count)) : 1
    guard parts > 1 else { return body(0..<count) }
    let size = (count + parts - 1) / parts
    let results = Mutex([[T]](repeating: [], count: parts))
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let done = body(min(part * size, count)..<min((part + 1) * size, count))
      results.withLock { $0[part] = done }
    }
    return results.withLock { parts in
      // The first part's array is taken over, not copied: growing an array nothing else
      // holds moves its elements, while appending copies them (a retain per reference
      // they hold, and a release when the part goes: 17,857 `trend` series, cache-cold).
      let total = parts.reduce(0) { $0 + $1.count }
      var all: [T] = []
      swap(&all, &parts[0])
      all.reserveCapacity(total)
      for part in parts.dropFirst() { all += part }
      return all
    }
  }

  /// `transform` applied to each of `0..<count`, on every core, each result written
  /// straight into its place in the one array returned: no part's array is built and then
  /// copied into the whole. (At 180,000 `trend` series that copy, and the fresh pages it
  /// wrote, were a third of the command's page faults.)
  ///
  /// From `minimum` items on, the work is cut into `piecesPerCore` consecutive ranges a
  /// core, which the cores take as they come free (`concurrentPerform` hands each thread
  /// the next one): a core slowed by a neighbour takes fewer ranges instead of holding up
  /// the end by half the work, as one fixed range a core did.
  package static func map<T: Sendable>(_ count: Int, minimum: Int, each transform: @Sendable (Int) -> T) -> [T] {
    let parts = count >= minimum && cores > 1 ? min(count, cores * piecesPerCore) : 1
    guard parts > 1 else { return (0..<count).map(transform) }
    let size = (count + parts - 1) / parts
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let storage = Storage(base: buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        // Safe: the parts' ranges are disjoint and cover 0..<count, within the
        // capacity; each element is initialized once, by one thread, and
        // `concurrentPerform` returns only when every part is done.
        for i in min(part * size, count)..<min((part + 1) * size, count) {
          (storage.base + i).initialize(to: transform(i))
        }
      }
      initialized = count
    }
  }

  /// How many ranges a core `map(_:minimum:each:)` cuts the work into.
  static let piecesPerCore = 8

  /// The result's storage, lent to the parts (each writes its own range).
  private struct Storage<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
  }
}
