/// Dense ids for the indicator and agency names of an import, so that figure keys hash as
/// integers. Names compare by their UTF-8 bytes (as SQLite compares them), and the last
/// name seen is checked first: files list one indicator's or agency's rows together, and
/// hashing non-ASCII `String`s (NFC-normalised) was a fifth of a million-row import.
struct NameInterner {
  private struct Bytes: Hashable {
    let text: String
    static func == (a: Bytes, b: Bytes) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into hasher: inout Hasher) {
      for byte in text.utf8 { hasher.combine(byte) }
    }
  }

  private var ids: [Bytes: Int32] = [:]
  private(set) var names: [String] = []
  private var last: (text: String, id: Int32)?

  mutating func id(_ text: String) -> Int32 {
    if let last, last.text.utf8.elementsEqual(text.utf8) { return last.id }
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

/// A figure key by interned names: (indicator, agency, year, quarter, month).
struct FigureID: Hashable {
  var indicator: Int32
  var agency: Int32
  var year: Int32
  var quarter: Int8
  var month: Int8
}
