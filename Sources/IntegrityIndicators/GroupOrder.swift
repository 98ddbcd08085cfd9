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
  let groups: [Int32]
  /// Ranges of `groups`, in order.
  let chunks: [Range<Int>]

  init(keys: [UInt64], indicatorRank: [Int], agencyRank: [Int], groupsPerChunk: Int, wholeIndicators: Bool) {
    var sortKeys = [UInt64](repeating: 0, count: keys.count)
    var sorted = true
    for (g, packed) in keys.enumerated() {
      let key = GroupKey(packed: packed)
      let k = GroupKey(
        indicator: Int32(indicatorRank[key.indicator]), agency: Int32(agencyRank[key.agency]), year: Int32(key.year)
      ).packed
      sortKeys[g] = k
      if g > 0 && sortKeys[g - 1] >= k { sorted = false }
    }
    var order = (0..<Int32(keys.count)).map { $0 }
    if !sorted { order.sort { sortKeys[Int($0)] < sortKeys[Int($1)] } }
    var chunks: [Range<Int>] = []
    var start = 0
    var i = 0
    while i < order.count {
      i = min(order.count, start + max(1, groupsPerChunk))
      if wholeIndicators {
        let indicator = GroupKey(packed: keys[Int(order[i - 1])]).indicator
        while i < order.count && GroupKey(packed: keys[Int(order[i])]).indicator == indicator { i += 1 }
      }
      chunks.append(start..<i)
      start = i
    }
    self.groups = order
    self.chunks = chunks
  }
}
