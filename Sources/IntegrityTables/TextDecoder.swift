import Glibc

/// Turns a file's bytes into UTF-8, strictly.
///
/// - UTF-16 with a byte order mark (`FF FE` little-endian, `FE FF` big-endian,
///   Excel's "Unicode text") is transcoded; an unpaired surrogate is an error.
/// - A UTF-8 byte order mark is dropped and the rest must be valid UTF-8.
/// - `auto` without a BOM: valid UTF-8 is UTF-8, anything else is read as Big5
///   (code page 950) through glibc iconv (`CP950`, an alias of glibc's `BIG5`).
/// - Bytes that decode in neither are a `DataError` naming the byte offset (0-based,
///   from the start of the file), the line and the byte's value.
///
/// Foundation's `String(data:encoding:)` is not used: it maps invalid Big5 bytes to
/// U+F8F8 silently (TOOLCHAIN.md).
public enum TextDecoder {
  /// The decoded UTF-8 bytes and the encoding that was used.
  public static func decode(
    _ bytes: [UInt8], encoding: TextEncoding, source: String
  ) throws(DataError) -> (utf8: [UInt8], encoding: TextEncoding) {
    if bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) {
      if encoding == .auto || encoding == .utf16 {
        return (try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE, source: source), .utf16)
      }
    }
    if encoding == .utf16 {
      throw DataError(
        file: source, line: 1, column: 1,
        message: "expected a UTF-16 byte order mark (FF FE or FE FF) in a file read as UTF-16",
        remedy: .encoding(suggested: nil))
    }
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    switch encoding {
    case .big5 where !hasBOM:
      return (try decodeBig5(bytes, source: source), .big5)
    case .utf8, .big5, .auto, .utf16:
      var utf8 = bytes
      if hasBOM { utf8.removeFirst(3) }
      if let bad = firstInvalidUTF8(utf8) {
        if encoding == .auto && !hasBOM {
          do {
            return (try decodeBig5(bytes, source: source), .big5)
          } catch {
            // Neither UTF-8 nor Big5. A file that is UTF-8 up to a stray byte (it has
            // UTF-8 text before it) is located at that byte, not where Big5 gave up.
            guard utf8[..<bad].contains(where: { $0 >= 0xC0 }) else { throw error }
            throw decodingError(
              bytes, offset: bad, source: source,
              what: "UTF-8 (the text before it is UTF-8; it is not Big5 either)")
          }
        }
        let offset = bad + (hasBOM ? 3 : 0)
        throw decodingError(
          bytes, offset: offset, source: source,
          what: encoding == .auto ? "UTF-8 (the file starts with a UTF-8 byte order mark)" : "UTF-8")
      }
      return (utf8, .utf8)
    }
  }

  /// Whether `bytes` (the start of an input) are read as UTF-16 under `encoding`.
  public static func isUTF16(_ bytes: [UInt8], encoding: TextEncoding) -> Bool {
    encoding == .utf16
      || (encoding == .auto && bytes.count >= 2
        && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
  }

  /// The index of the first byte that is not part of a valid UTF-8 sequence, or nil.
  /// Rejects overlong forms, surrogates and scalars above U+10FFFF (RFC 3629 §4).
  ///
  /// How: 32 bytes at a time, the high bit of each byte gathered into one 32-bit mask
  /// (`highBits`); an ASCII window is passed in one test, and in any other the
  /// characters that start in it are checked from the mask's set bits, lowest first — no
  /// loop whose length depends on where in the window a character falls (in an agency
  /// file, an ideograph or a name on every line; the byte-by-byte search for it was
  /// the check's cost, 3.9 % of `achievement` on 10⁷ rows with a unit column).
  public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { p -> Int? in
      let n = p.count
      var i = 0
      // Safe: every load is at i + 24 + 8 ≤ n at most; `sequenceLength` reads below n.
      while i + 32 <= n {
        let q = UnsafeRawPointer(p.baseAddress! + i)
        let w0 = q.loadUnaligned(as: UInt64.self)
        let w1 = q.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let w2 = q.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        let w3 = q.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        if (w0 | w1 | w2 | w3) & 0x8080_8080_8080_8080 == 0 {
          i += 32  // ASCII: one test, no mask
          continue
        }
        var mask = highBits(w0) | highBits(w1) << 8 | highBits(w2) << 16 | highBits(w3) << 24
        var next = i + 32
        while mask != 0 {
          let j = i + mask.trailingZeroBitCount
          let length = sequenceLength(p, at: j)
          if length == 0 { return j }
          next = j + length
          // The bits of the character's own continuation bytes are cleared with it.
          let passed = next - i
          if passed >= 32 { break }
          mask &= ~0 << UInt32(passed)
          next = i + 32
        }
        i = next
      }
      while i < n {
        if p[i] < 0x80 {
          i += 1
          continue
        }
        let length = sequenceLength(p, at: i)
        if length == 0 { return i }
        i += length
      }
      return nil
    }
  }

  /// The high bit of each of the eight bytes of `word` (first byte lowest), as 8 bits:
  /// the bits at 7, 15, …, 63 moved to 56…63 by one multiplication (no two partial
  /// products meet, so nothing carries), then shifted down.
  @inline(__always)
  static func highBits(_ word: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: ((UInt64(littleEndian: word) & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56)
  }

  /// The length of the valid UTF-8 sequence that starts at `i` (a byte ≥ 0x80, `i` < the
  /// count), or 0 when none does.
  @inline(__always)
  private static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let n = p.count
    let b0 = p[i]
    // The usual non-ASCII character of an agency file, a CJK ideograph (three bytes,
    // lead E1–EC or EE–EF, two continuation bytes), checked as one word: the lead's
    // high nibble E, the next two bytes 10xxxxxx. E0 and ED (whose second byte has a
    // narrower range) go to the general rule below.
    if i + 4 <= n, b0 != 0xE0, b0 != 0xED {
      // Safe: i + 4 ≤ n (checked); only read.
      let w = UInt32(littleEndian: UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt32.self))
      if w & 0x00C0_C0F0 == 0x0080_80E0 { return 3 }
    }
    let length: Int
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch b0 {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; upper = 0x9F
    case 0xF0: length = 4; lower = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; upper = 0x8F
    default: return 0
    }
    guard i + length <= n else { return 0 }
    let b1 = p[i + 1]
    guard b1 >= lower && b1 <= upper else { return 0 }
    for k in 2..<length where p[i + k] & 0xC0 != 0x80 { return 0 }
    return length
  }

  /// Big5 (CP950) → UTF-8, strictly: an invalid or truncated sequence is a
  /// `DataError` at its byte offset.
  ///
  /// The mapping is glibc iconv's (`CP950`): on first use every two-byte sequence
  /// (lead 0x81–0xFE, trail 0x40–0x7E or 0xA1–0xFE) and every single high byte is
  /// decoded once through `iconv` into a 64 Ki-entry table, so the file itself is
  /// decoded in one table-driven pass (ASCII eight bytes at a time) instead of one
  /// iconv call per file, about three times faster with the same result.
  static func decodeBig5(_ bytes: [UInt8], source: String) throws(DataError) -> [UInt8] {
    guard let table = Big5Table.shared else {
      throw DataError(file: source, line: 0, column: 0, message: "this system's iconv cannot decode CP950 (Big5)")
    }
    var failedAt: Int? = nil
    // A byte becomes at most 3 bytes of UTF-8 (a single byte such as 0x80 maps to a
    // two-byte character, a pair to at most four bytes), plus room for the last word.
    let capacity = bytes.count * 3 + 16
    let output = [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
      bytes.withUnsafeBufferPointer { p in
        table.pairs.withUnsafeBufferPointer { pairs in
          let n = p.count
          var i = 0
          var o = 0
          while i < n {
            while i + 8 <= n {
              let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
              if word & 0x8080_8080_8080_8080 != 0 { break }
              UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: word, as: UInt64.self)
              i += 8
              o += 8
            }
            guard i < n else { break }
            let b = p[i]
            if b < 0x80 {
              out[o] = b
              i += 1
              o += 1
              continue
            }
            var scalar: UInt32 = 0
            var width = 1
            if i + 1 < n {
              scalar = pairs[Int(b) << 8 | Int(p[i + 1])]
              width = 2
            }
            if scalar == 0 {
              scalar = table.singles[Int(b) - 0x80]
              width = 1
            }
            guard scalar != 0 else {
              failedAt = i
              break
            }
            switch scalar {
            case 0..<0x80:
              out[o] = UInt8(scalar)
              o += 1
            case 0x80..<0x800:
              out[o] = UInt8(0xC0 | scalar >> 6)
              out[o + 1] = UInt8(0x80 | scalar & 0x3F)
              o += 2
            case 0x800..<0x10000:
              out[o] = UInt8(0xE0 | scalar >> 12)
              out[o + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
              out[o + 2] = UInt8(0x80 | scalar & 0x3F)
              o += 3
            default:
              out[o] = UInt8(0xF0 | scalar >> 18)
              out[o + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
              out[o + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
              out[o + 3] = UInt8(0x80 | scalar & 0x3F)
              o += 4
            }
            i += width
          }
          initialized = o
        }
      }
    }
    if let failedAt {
      throw decodingError(bytes, offset: failedAt, source: source, what: "UTF-8 or Big5 (CP950)")
    }
    return output
  }

  /// glibc iconv's CP950 mapping, tabulated once (see `decodeBig5`).
  struct Big5Table: Sendable {
    /// `lead << 8 | trail` → Unicode scalar, 0 where the pair is not valid.
    var pairs: [UInt32]
    /// A single byte 0x80…0xFF → scalar, 0 where it does not decode alone.
    var singles: [UInt32]

    static let shared: Big5Table? = build()

    static func build() -> Big5Table? {
      let cd = iconv_open("UTF-8", "CP950")
      guard let cd, Int(bitPattern: cd) != -1 else { return nil }
      defer { iconv_close(cd) }
      func decode(_ input: [UInt8]) -> UInt32 {
        var inBytes = input.map { CChar(bitPattern: $0) }
        var outBytes = [CChar](repeating: 0, count: 16)
        _ = iconv(cd, nil, nil, nil, nil)
        let produced = inBytes.withUnsafeMutableBufferPointer { inp -> Int in
          outBytes.withUnsafeMutableBufferPointer { outp -> Int in
            var inPtr: UnsafeMutablePointer<CChar>? = inp.baseAddress
            var inLeft = inp.count
            var outPtr: UnsafeMutablePointer<CChar>? = outp.baseAddress
            var outLeft = outp.count
            let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            return r == -1 || inLeft != 0 ? -1 : outp.count - outLeft
          }
        }
        guard produced > 0 else { return 0 }
        let utf8 = outBytes[0..<produced].map { UInt8(bitPattern: $0) }
        var scalars = String(decoding: utf8, as: UTF8.self).unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return 0 }
        return first.value
      }
      var pairs = [UInt32](repeating: 0, count: 1 << 16)
      for lead in 0x81...0xFE {
        for trail in Array(0x40...0x7E) + Array(0xA1...0xFE) {
          pairs[lead << 8 | trail] = decode([UInt8(lead), UInt8(trail)])
        }
      }
      let singles = (0x80...0xFF).map { decode([UInt8($0)]) }
      return Big5Table(pairs: pairs, singles: singles)
    }
  }

  /// UTF-16 (after its BOM) → UTF-8; an unpaired surrogate or odd length is an error.
  static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, source: String) throws(DataError) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 2
    func unit(_ at: Int) -> UInt32 {
      bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
    }
    while i + 1 < bytes.count {
      var scalar = unit(i)
      var width = 2
      if scalar >= 0xD800 && scalar <= 0xDBFF {
        guard i + 3 < bytes.count else {
          throw decodingError(bytes, offset: i, source: source, what: "UTF-16 (unpaired surrogate)")
        }
        let low = unit(i + 2)
        guard low >= 0xDC00 && low <= 0xDFFF else {
          throw decodingError(bytes, offset: i, source: source, what: "UTF-16 (unpaired surrogate)")
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        width = 4
      } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
        throw decodingError(bytes, offset: i, source: source, what: "UTF-16 (unpaired surrogate)")
      }
      appendUTF8(scalar, to: &out)
      i += width
    }
    if i != bytes.count {
      throw decodingError(bytes, offset: i, source: source, what: "UTF-16 (odd number of bytes)")
    }
    return out
  }

  static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// `FILE:LINE:COLUMN: cannot decode byte 0xNN at byte offset K as WHAT`, where
  /// LINE counts LF bytes before the offset and COLUMN is the byte's 1-based position
  /// in its line.
  public static func decodingError(_ bytes: [UInt8], offset: Int, source: String, what: String) -> DataError {
    var line = 1
    var lineStart = 0
    for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A {
      line += 1
      lineStart = k + 1
    }
    let byte = offset < bytes.count ? bytes[offset] : 0
    let hex = String(byte, radix: 16, uppercase: true)
    return DataError(
      file: source, line: line, column: offset - lineStart + 1,
      message: "cannot decode byte 0x\(hex.count == 1 ? "0" + hex : hex) at byte offset \(offset) as \(what)")
  }
}
