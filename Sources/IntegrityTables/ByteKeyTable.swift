/// Interns short byte strings (agency and indicator names, period cells) to dense ids.
///
/// An open-addressing hash table (linear probing, load ≤ 1/2) over FNV-1a hashes,
/// with the keys' bytes kept in one pool: looking up a key costs one pass over its
/// bytes and no allocation, where `Dictionary<ArraySlice<UInt8>, _>` pays SipHash
/// per byte and a retain per slice (intern keys to dense integers).
/// FNV-1a: Fowler, Noll, Vo, http://www.isthe.com/chongo/tech/comp/fnv/.
public struct ByteKeyTable: Sendable {
  private var pool: [UInt8] = []
  private var starts: [Int] = []
  private var ends: [Int] = []
  private var hashes: [UInt64] = []
  /// Slot → id + 1 (0 = empty).
  private var slots: [Int32] = Array(repeating: 0, count: 64)
  /// The id the last look-up found (-1: none yet).
  private var lastID = -1
  /// Keys of 1 to 7 bytes as words (`ByteScanner.shortKey`): slot → word and id + 1
  /// (0 = empty), and the last word found with its id.
  private var shortWords: [UInt64] = Array(repeating: 0, count: 64)
  private var shortSlots: [Int32] = Array(repeating: 0, count: 64)
  private var shortCount = 0
  @usableFromInline var lastShort: (word: UInt64, id: Int) = (0, -1)

  public init() {}

  /// The number of distinct keys.
  public var count: Int { starts.count }

  /// The bytes of key `id`.
  public func key(_ id: Int) -> ArraySlice<UInt8> { pool[starts[id]..<ends[id]] }

  /// The id of `bytes`, adding it when new.
  public mutating func id(for bytes: ArraySlice<UInt8>) -> (id: Int, isNew: Bool) {
    id(for: bytes.span)
  }

  /// The id of `bytes`, adding it when new (the streaming reader passes spans, which
  /// view its block without retaining it).
  public mutating func id(for bytes: Span<UInt8>) -> (id: Int, isNew: Bool) {
    // Sorted files repeat a key on many rows in a row (an indicator, an agency, a
    // year): comparing with the last key found costs less than hashing and probing.
    if lastID >= 0 && ends[lastID] - starts[lastID] == bytes.count {
      let start = starts[lastID]
      var same = true
      for k in bytes.indices where pool[start + k] != bytes[k] {
        same = false
        break
      }
      if same { return (lastID, false) }
    }
    let found = lookUp(bytes)
    lastID = found.id
    return found
  }

  /// The id of `s[range]`, adding it when new. A key of 1 to 7 bytes with a word of
  /// the span from its start is compared and hashed as one word (no byte loop).
  @inlinable @inline(__always)
  public mutating func id(in s: Span<UInt8>, _ range: Range<Int>) -> (id: Int, isNew: Bool) {
    guard let word = ByteScanner.shortKey(s, range.lowerBound, range.upperBound) else {
      return id(for: s.extracting(range))
    }
    if word == lastShort.word { return (lastShort.id, false) }
    let found = shortID(word, s, range)
    lastShort = (word, found.id)
    return found
  }

  /// The word table's look-up behind `id(in:_:)`: a word not there yet is looked up
  /// (or added) by its bytes, so that ids are the same whichever way a key comes.
  @usableFromInline mutating func shortID(_ word: UInt64, _ s: Span<UInt8>, _ range: Range<Int>) -> (id: Int, isNew: Bool) {
    let mask = shortSlots.count - 1
    var slot = Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    while true {
      let entry = Int(shortSlots[slot])
      if entry == 0 { break }
      if shortWords[slot] == word { return (entry - 1, false) }
      slot = (slot + 1) & mask
    }
    let found = lookUp(s.extracting(range))
    shortWords[slot] = word
    shortSlots[slot] = Int32(found.id + 1)
    shortCount += 1
    if shortCount * 2 > shortSlots.count { growShort() }
    return found
  }

  private mutating func growShort() {
    let words = shortWords
    let slots = shortSlots
    shortWords = Array(repeating: 0, count: slots.count * 2)
    shortSlots = Array(repeating: 0, count: slots.count * 2)
    let mask = shortSlots.count - 1
    for k in slots.indices where slots[k] != 0 {
      var slot = Int(truncatingIfNeeded: (words[k] &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
      while shortSlots[slot] != 0 { slot = (slot + 1) & mask }
      shortWords[slot] = words[k]
      shortSlots[slot] = slots[k]
    }
  }

  /// The hash-table look-up behind `id(for:)`.
  private mutating func lookUp(_ bytes: Span<UInt8>) -> (id: Int, isNew: Bool) {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in bytes.indices { h = (h ^ UInt64(bytes[k])) &* 0x0000_0100_0000_01B3 }
    let mask = slots.count - 1
    var s = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    while true {
      let entry = Int(slots[s])
      if entry == 0 { break }
      let id = entry - 1
      if hashes[id] == h && ends[id] - starts[id] == bytes.count {
        let start = starts[id]
        var same = true
        for k in bytes.indices where pool[start + k] != bytes[k] {
          same = false
          break
        }
        if same { return (id, false) }
      }
      s = (s + 1) & mask
    }
    let id = starts.count
    starts.append(pool.count)
    for k in bytes.indices { pool.append(bytes[k]) }
    ends.append(pool.count)
    hashes.append(h)
    slots[s] = Int32(id + 1)
    if starts.count * 2 > slots.count { grow() }
    return (id, true)
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for id in 0..<starts.count {
      let h = hashes[id]
      var s = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
      while slots[s] != 0 { s = (s + 1) & mask }
      slots[s] = Int32(id + 1)
    }
  }
}
