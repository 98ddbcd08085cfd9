/// Dense group numbers for packed 64-bit group keys (`GroupKey`: indicator, agency,
/// year), in first-seen order: an open-addressing table (linear probing, load ≤ 1/2)
/// with a multiplicative hash (Knuth, TAOCP vol. 3, §6.4), for the streaming
/// aggregations, where a `Dictionary` would pay SipHash and resizing copies on millions
/// of keys.
///
/// Files usually come sorted by their names, so each (indicator, agency) pair's keys
/// arrive in one run, year after year. While they do, no table of keys is needed: a key
/// of the current run is new when its year is past the run's last, and found by
/// bisection in the run otherwise; a key of a pair never seen starts a new run (a small
/// table of pairs tells). This holds whatever ids the names were given — a part of a
/// file cut at a line start meets the names from the middle of their order, so its ids
/// are not in key order. The table of keys is built the first time a pair comes back
/// or a year comes out of order within its run, and used from then on.
struct GroupIndex {
  private(set) var keys: [UInt64] = []
  /// Slot → group + 1 (0 = empty); empty until the runs break.
  private var slots: [Int32] = []
  private var shift = 54
  /// The pairs (key >> 16) seen, as pair + 1 (0 = empty), while the runs hold.
  private var pairSlots: [UInt64] = Array(repeating: 0, count: 1 << 10)
  private var pairShift = 54
  private var pairCount = 0
  /// The current run: its pair (`UInt64.max`: none yet) and its first group.
  private var runPair = UInt64.max
  private var runStart = 0

  var count: Int { keys.count }

  /// The group of `key`, numbering it when new.
  mutating func group(for key: UInt64) -> Int {
    if slots.isEmpty {
      if let found = groupInRuns(key) { return found }
      rebuild()
    }
    let mask = slots.count - 1
    var s = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift)) & mask
    while true {
      let entry = Int(slots[s])
      if entry == 0 { break }
      if keys[entry - 1] == key { return entry - 1 }
      s = (s + 1) & mask
    }
    let group = keys.count
    keys.append(key)
    slots[s] = Int32(group + 1)
    if keys.count * 2 > slots.count { grow() }
    return group
  }

  /// The group of `key` while each pair's keys come in one run of rising years; nil
  /// when `key` breaks that (its pair comes back, or its year is out of order).
  @inline(__always)
  private mutating func groupInRuns(_ key: UInt64) -> Int? {
    let pair = key >> 16
    if pair == runPair {
      let last = keys[keys.count - 1]
      if key > last {
        keys.append(key)
        return keys.count - 1
      }
      // A year seen before in this run, found by bisection (the run is sorted).
      var low = runStart
      var high = keys.count
      while low < high {
        let mid = (low + high) / 2
        if keys[mid] < key { low = mid + 1 } else { high = mid }
      }
      return low < keys.count && keys[low] == key ? low : nil
    }
    guard insertPair(pair) else { return nil }
    runPair = pair
    runStart = keys.count
    keys.append(key)
    return keys.count - 1
  }

  /// Adds `pair` to the pairs seen; false when it was there.
  private mutating func insertPair(_ pair: UInt64) -> Bool {
    let mask = pairSlots.count - 1
    var s = Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> UInt64(pairShift)) & mask
    while true {
      let entry = pairSlots[s]
      if entry == 0 { break }
      if entry == pair &+ 1 { return false }
      s = (s + 1) & mask
    }
    pairSlots[s] = pair &+ 1
    pairCount += 1
    if pairCount * 2 > pairSlots.count {
      let old = pairSlots
      pairSlots = Array(repeating: 0, count: old.count * 2)
      pairShift -= 1
      let mask = pairSlots.count - 1
      for entry in old where entry != 0 {
        var s = Int(truncatingIfNeeded: ((entry &- 1) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(pairShift)) & mask
        while pairSlots[s] != 0 { s = (s + 1) & mask }
        pairSlots[s] = entry
      }
    }
    return true
  }

  /// The groups to make room for when `groups` came from the first `seen` of about
  /// `rows` rows (see `ColumnarConsumer.expect`): as many per row, at most 2²⁶ (1.5 GB
  /// of 24-byte states; beyond that, arrays grow as usual instead of reserving memory
  /// a wrong estimate would never use).
  static func expectedGroups(_ groups: Int, after seen: Int, of rows: Int) -> Int {
    guard seen > 0 else { return groups }
    return min(Int(Double(groups) / Double(seen) * Double(rows)) + 16, 1 << 26)
  }

  /// Makes room for `count` groups in all.
  mutating func reserveCapacity(_ count: Int) {
    keys.reserveCapacity(count)
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    shift -= 1
    fill()
  }

  /// Builds the table for the keys so far (at most half full); the runs are not
  /// followed from then on.
  private mutating func rebuild() {
    pairSlots = []
    var size = 1 << 10
    shift = 54
    while size < 2 * (keys.count + 1) {
      size *= 2
      shift -= 1
    }
    slots = [Int32](repeating: 0, count: size)
    fill()
  }

  private mutating func fill() {
    let mask = slots.count - 1
    for (g, key) in keys.enumerated() {
      var s = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift)) & mask
      while slots[s] != 0 { s = (s + 1) & mask }
      slots[s] = Int32(g + 1)
    }
  }
}
