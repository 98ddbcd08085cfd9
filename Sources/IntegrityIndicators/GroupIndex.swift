/// Dense group numbers for packed 64-bit group keys, in first-seen order: an
/// open-addressing table (linear probing, load ≤ 1/2) with a multiplicative hash
/// (Knuth, TAOCP vol. 3, §6.4), for the streaming aggregations, where a `Dictionary`
/// would pay SipHash and resizing copies on millions of keys.
///
/// Files usually come sorted by their keys. While keys arrive in increasing order,
/// each is new and needs no table at all, and a key seen before is found by bisection;
/// the table is built the first time a new key arrives out of order, and used from then on.
struct GroupIndex {
  private(set) var keys: [UInt64] = []
  /// Slot → group + 1 (0 = empty); empty until the first key out of order.
  private var slots: [Int32] = []
  private var shift = 54

  var count: Int { keys.count }

  /// The group of `key`, numbering it when new.
  mutating func group(for key: UInt64) -> Int {
    if slots.isEmpty {
      if keys.last.map({ key > $0 }) ?? true {
        keys.append(key)
        return keys.count - 1
      }
      // The keys so far are sorted: a key seen before is found by bisection (the second
      // part of a file cut in two starts inside the first part's last groups).
      var low = 0
      var high = keys.count
      while low < high {
        let mid = (low + high) / 2
        if keys[mid] < key { low = mid + 1 } else { high = mid }
      }
      if low < keys.count && keys[low] == key { return low }
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

  /// Builds the table for the keys so far (at most half full).
  private mutating func rebuild() {
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
