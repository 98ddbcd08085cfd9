import Glibc

/// Turns a file's bytes into UTF-8, strictly (DESIGN.md §5, issue 4 item 1).
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
        message: "expected a UTF-16 byte order mark (FF FE or FE FF) for --encoding utf-16")
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
          return (try decodeBig5(bytes, source: source), .big5)
        }
        let offset = bad + (hasBOM ? 3 : 0)
        throw decodingError(
          bytes, offset: offset, source: source,
          what: encoding == .auto ? "UTF-8 (the file starts with a UTF-8 byte order mark)" : "UTF-8")
      }
      return (utf8, .utf8)
    }
  }

  /// The index of the first byte that is not part of a valid UTF-8 sequence, or nil.
  /// Rejects overlong forms, surrogates and scalars above U+10FFFF (RFC 3629 §4).
  public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { p -> Int? in
      let n = p.count
      var i = 0
      while i < n {
        // ASCII fast path, 8 bytes at a time.
        while i + 8 <= n {
          let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 != 0 { break }
          i += 8
        }
        guard i < n else { break }
        let b0 = p[i]
        if b0 < 0x80 {
          i += 1
          continue
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
        default: return i
        }
        guard i + length <= n else { return i }
        let b1 = p[i + 1]
        guard b1 >= lower && b1 <= upper else { return i }
        for k in 2..<length where p[i + k] & 0xC0 != 0x80 { return i }
        i += length
      }
      return nil
    }
  }

  /// Big5 (CP950) → UTF-8 through glibc iconv; an invalid or truncated sequence is
  /// a `DataError` at its byte offset.
  static func decodeBig5(_ bytes: [UInt8], source: String) throws(DataError) -> [UInt8] {
    let cd = iconv_open("UTF-8", "CP950")
    guard let cd, Int(bitPattern: cd) != -1 else {
      throw DataError(file: source, line: 0, column: 0, message: "this system's iconv cannot decode CP950 (Big5)")
    }
    defer { iconv_close(cd) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 3 / 2 + 16)
    var failedAt: Int? = nil
    var produced = 0
    input.withUnsafeMutableBytes { inRaw in
      var consumed = 0
      while consumed < inRaw.count {
        var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress!.assumingMemoryBound(to: CChar.self) + consumed
        var inLeft = inRaw.count - consumed
        let room = output.count - produced
        let result = output.withUnsafeMutableBytes { outRaw -> (Int, Int32, Int) in
          var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress!.assumingMemoryBound(to: CChar.self) + produced
          var outLeft = room
          let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
          return (r, r == -1 ? errno : 0, room - outLeft)
        }
        produced += result.2
        consumed = inRaw.count - inLeft
        if result.0 != -1 { break }
        if result.1 == E2BIG {
          output += [UInt8](repeating: 0, count: output.count)
          continue
        }
        failedAt = consumed
        break
      }
    }
    if let failedAt {
      throw decodingError(bytes, offset: failedAt, source: source, what: "UTF-8 or Big5 (CP950)")
    }
    output.removeSubrange(produced...)
    return output
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
  static func decodingError(_ bytes: [UInt8], offset: Int, source: String, what: String) -> DataError {
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
