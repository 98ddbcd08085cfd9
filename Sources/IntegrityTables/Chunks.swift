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
}
