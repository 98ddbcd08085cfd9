/// The output order of a computation's groups, cut into chunks that can be formatted on
/// different cores and written one after the other.
///
/// Groups (`GroupKey`s) are ordered by the ranks of their indicator and agency names,
/// then year. When groups come in that order already (files are usually sorted), no
/// sort is done. Chunks hold about `groupsPerChunk` groups; with `wholeIndicators` a
/// chunk ends only where the indicator changes (so per-indicator totals stay within one
/// chunk).
struct GroupOrder: Sendable {
  /// Group numbers in output order.
  let groups: Positions
  /// Ranges of `groups`, in order.
  let chunks: [Range<Int>]

  /// Group numbers in output order: a permutation of `0..<count`, or those numbers in
  /// turn when the groups came in order (no array of them is made: at 10⁷ rows, 2.5
  /// million groups, the two arrays of a sort were 30 MB of fresh pages).
  struct Positions: RandomAccessCollection, Sendable {
    let permutation: [Int32]?
    let count: Int
    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(position: Int) -> Int32 { permutation?[position] ?? Int32(position) }
  }

  init(keys: [UInt64], indicatorRank: [Int], agencyRank: [Int], groupsPerChunk: Int, wholeIndicators: Bool) {
    func sortKey(_ packed: UInt64) -> UInt64 {
      let key = GroupKey(packed: packed)
      return GroupKey(
        indicator: Int32(indicatorRank[key.indicator]), agency: Int32(agencyRank[key.agency]), year: Int32(key.year)
      ).packed
    }
    var sorted = true
    var previous: UInt64? = nil
    for packed in keys {
      let k = sortKey(packed)
      if let previous, previous >= k {
        sorted = false
        break
      }
      previous = k
    }
    if sorted {
      groups = Positions(permutation: nil, count: keys.count)
    } else {
      let sortKeys = keys.map(sortKey)
      var order = (0..<Int32(keys.count)).map { $0 }
      order.sort { sortKeys[Int($0)] < sortKeys[Int($1)] }
      groups = Positions(permutation: order, count: keys.count)
    }
    var chunks: [Range<Int>] = []
    var start = 0
    var i = 0
    while i < groups.count {
      i = min(groups.count, start + max(1, groupsPerChunk))
      if wholeIndicators {
        let indicator = GroupKey(packed: keys[Int(groups[i - 1])]).indicator
        while i < groups.count && GroupKey(packed: keys[Int(groups[i])]).indicator == indicator { i += 1 }
      }
      chunks.append(start..<i)
      start = i
    }
    self.chunks = chunks
  }
}
