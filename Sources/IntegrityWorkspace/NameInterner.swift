/// Dense ids for the indicator and agency names of an import, so that figure keys hash as
/// integers. Names compare by their UTF-8 bytes (as SQLite compares them), and the last
/// name seen is checked first: files list one indicator's or agency's rows together, and
/// hashing non-ASCII `String`s (NFC-normalised) was a fifth of a million-row import.
struct NameInterner {
  private struct Bytes: Hashable {
    let text: String
    static func == (a: Bytes, b: Bytes) -> Bool { NameInterner.sameBytes(a.text, b.text) }
    func hash(into hasher: inout Hasher) {
      for byte in text.utf8 { hasher.combine(byte) }
    }
  }

  private var ids: [Bytes: Int32] = [:]
  private(set) var names: [String] = []
  private var last: (text: String, id: Int32)?

  /// Byte equality, on the contiguous UTF-8 of native strings when available.
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    let fast = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y in x.elementsEqual(y) }
    }
    return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
  }

  mutating func id(_ text: String) -> Int32 {
    if let last, NameInterner.sameBytes(last.text, text) { return last.id }
    let key = Bytes(text: text)
    let id: Int32
    if let known = ids[key] {
      id = known
    } else {
      id = Int32(names.count)
      ids[key] = id
      names.append(text)
    }
    last = (text, id)
    return id
  }
}

/// A figure key by interned names: (indicator, agency, year, quarter, month), packed into
/// one word so that hashing it is one `combine`:
///
///     bits 62…41 indicator id (2^22) · 40…21 agency id (2^20) · 20…7 year (0…16383)
///          6…4 quarter (0…4) · 3…0 month (0…12)
///
/// Every year the reader gives fits (years have at most 4 digits). Ids beyond those ranges
/// (more than 4 million indicators or a million agencies in one workspace) are a
/// precondition failure, never a silent collision.
struct FigureID: Hashable {
  let packed: UInt64

  init(indicator: Int32, agency: Int32, year: Int32, quarter: Int8, month: Int8) {
    precondition(indicator < 1 << 22 && agency < 1 << 20 && (0..<1 << 14).contains(year), "FigureID: key out of range")
    packed = UInt64(indicator) << 41 | UInt64(agency) << 21 | UInt64(year) << 7 | UInt64(quarter) << 4 | UInt64(month)
  }
}
