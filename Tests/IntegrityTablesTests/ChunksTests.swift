import Synchronization
import Testing

@testable import IntegrityTables

/// `Chunks.map(_:minimum:each:)`: every result at its own index, each index computed once,
/// whether the work stays on one thread (below `minimum`) or is cut into parts.
@Suite struct ChunksTests {
  @Test(arguments: [0, 1, 7, 99, 100, 101, 4_097, 50_001])
  func eachResultLandsAtItsIndex(count: Int) {
    let calls = Atomic<Int>(0)
    // Strings hold references: a slot written twice or never would leak, crash or differ.
    let results = Chunks.map(count, minimum: 100, each: { i -> String in
      calls.add(1, ordering: .relaxed)
      return "item \(i * 7 + 3)"
    })
    #expect(results.count == count)
    #expect(calls.load(ordering: .relaxed) == count)
    #expect(results.indices.allSatisfy { results[$0] == "item \($0 * 7 + 3)" })
  }
}
