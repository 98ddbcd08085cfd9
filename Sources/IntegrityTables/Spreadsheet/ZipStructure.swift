/// A check of a ZIP container's directory against its bytes, before ZIPFoundation
/// reads an entry (PKWARE APPNOTE 6.3.10, §4.3.6–4.3.16, ZIP64 §4.3.14–4.3.15 and the
/// extra field 0x0001).
///
/// Why: ZIPFoundation 0.9.20's in-memory archive seeks wherever a header points and
/// then reads with a negative length when that is past the end, which traps (found by
/// mutating our fixtures). Every entry's local header, name, extra field and
/// compressed data must lie inside the bytes; otherwise the container is damaged.
enum ZipStructure {
  /// Nil when every entry lies inside `bytes`, else what is wrong.
  static func problem(_ bytes: [UInt8]) -> String? {
    let n = bytes.count
    func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= n ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
    func u32(_ at: Int) -> Int? {
      guard let lo = u16(at), let hi = u16(at + 2) else { return nil }
      return lo | hi << 16
    }
    func u64(_ at: Int) -> Int? {
      guard let lo = u32(at), let hi = u32(at + 4), hi < 1 << 30 else { return nil }
      return lo | hi << 32
    }
    // End of central directory: the last PK\5\6 within the final 64 KiB + 22 bytes.
    var eocd = -1
    var i = n - 22
    while i >= max(0, n - 22 - 0xFFFF) {
      if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 {
        eocd = i
        break
      }
      i -= 1
    }
    guard eocd >= 0, var count = u16(eocd + 10), var size = u32(eocd + 12), var offset = u32(eocd + 16) else {
      return "no end of central directory record"
    }
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
      // ZIP64: the locator just before the EOCD points at the ZIP64 EOCD record.
      guard let locator = u32(eocd - 20), locator == 0x0706_4B50, let record = u64(eocd - 12),
        let signature = u32(record), signature == 0x0606_4B50, let c = u64(record + 32), let s = u64(record + 40),
        let o = u64(record + 48)
      else { return "a damaged ZIP64 end of central directory" }
      (count, size, offset) = (c, s, o)
    }
    guard offset + size <= n, count <= size / 46 + 1 else { return "the central directory lies outside the file" }
    var at = offset
    for _ in 0..<count {
      guard let signature = u32(at), signature == 0x0201_4B50, var compressed = u32(at + 20),
        let nameLength = u16(at + 28), let extraLength = u16(at + 30), let commentLength = u16(at + 32),
        var local = u32(at + 42)
      else { return "a damaged central directory entry" }
      var uncompressed = u32(at + 24) ?? 0
      let extraStart = at + 46 + nameLength
      guard extraStart + extraLength <= n else { return "a damaged central directory entry" }
      if compressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF {
        var e = extraStart
        while e + 4 <= extraStart + extraLength {
          guard let id = u16(e), let length = u16(e + 2) else { break }
          if id == 0x0001 {
            var field = e + 4
            if uncompressed == 0xFFFF_FFFF, let v = u64(field) { uncompressed = v; field += 8 }
            if compressed == 0xFFFF_FFFF, let v = u64(field) { compressed = v; field += 8 }
            if local == 0xFFFF_FFFF, let v = u64(field) { local = v }
          }
          e += 4 + length
        }
      }
      guard let localSignature = u32(local), localSignature == 0x0403_4B50, let localName = u16(local + 26),
        let localExtra = u16(local + 28)
      else { return "an entry whose local header lies outside the file" }
      let dataStart = local + 30 + localName + localExtra
      guard compressed >= 0, dataStart <= n, compressed <= n - dataStart else {
        return "an entry whose data lies outside the file"
      }
      at = extraStart + extraLength + commentLength
    }
    return nil
  }
}
