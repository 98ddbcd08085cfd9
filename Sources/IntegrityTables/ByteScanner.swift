/// The byte tricks of the reader, in one audited place: eight bytes at a time in a
/// 64-bit word (SWAR), or sixteen in vector lanes (`fieldMarks16`). Every unaligned load
/// here is bounds-checked against the span before it is made; no other file of the
/// project loads words from bytes.
///
/// References: Hacker's Delight, 2nd ed., §6-1 (finding a zero byte in a word);
/// D. Lemire, "Quickly parsing eight digits" (2018).
public enum ByteScanner {
  public static let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

  /// `byte` in every byte of a word.
  @inlinable @inline(__always)
  public static func splat(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

  /// A word with 0x80 set in each byte of `x` that is zero. The lowest mark is exact
  /// (a borrow can only add marks above it), so its position is the first zero byte.
  @inlinable @inline(__always)
  public static func zeroBytes(_ x: UInt64) -> UInt64 {
    (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
  }

  /// A word with 0x80 set in exactly the bytes of `x` that are zero: each byte's low
  /// seven bits are added to 0x7F on their own, so no borrow or carry crosses bytes
  /// (Hacker's Delight §6-1, the exact form).
  @inlinable @inline(__always)
  public static func exactZeroBytes(_ x: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low7) &+ low7) | x | low7)
  }

  /// The delimiters, LFs and CRs among the eight bytes at `i`, which must lie in `s`:
  /// 0x80 in exactly those bytes of the little-endian word (byte k of the span at bit
  /// 8(k − i) + 7), for a caller that walks every field end of a word.
  @inline(__always)
  public static func fieldMarks(_ s: Span<UInt8>, at i: Int, delimiterWord: UInt64) -> UInt64 {
    precondition(i >= 0 && i + 8 <= s.count, "ByteScanner.fieldMarks: the word leaves the span")
    let w = s.bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: i, as: UInt64.self).littleEndian
    return exactZeroBytes(w ^ delimiterWord) | exactZeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
      | exactZeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D)
  }

  /// `fieldMarks` for the sixteen bytes at `i` (which must lie in `s`), as the marks
  /// of the word at `i` and of the word after it, in one pass of 16-byte vector
  /// operations (`SIMD16<UInt8>`; SSE2 instructions on x86-64): in each byte lane
  /// `x ^ b` is zero where the byte is `b`, and a byte `y` is nonzero exactly when
  /// `y | (0 − y)` has its high bit set (of `y` and 256 − `y`, one is at least 128) —
  /// lane-wise, with no borrow between bytes, so no word trick is needed. `delimiters`
  /// is the delimiter in every lane.
  @inline(__always)
  public static func fieldMarks16(_ s: Span<UInt8>, at i: Int, delimiters: SIMD16<UInt8>) -> (UInt64, UInt64) {
    precondition(i >= 0 && i + 16 <= s.count, "ByteScanner.fieldMarks16: the bytes leave the span")
    let v = s.bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: i, as: SIMD16<UInt8>.self)
    let a = v ^ delimiters
    let b = v ^ SIMD16(repeating: lf)
    let c = v ^ SIMD16(repeating: cr)
    let allNonzero = (a | (.zero &- a)) & (b | (.zero &- b)) & (c | (.zero &- c))
    let marks = unsafeBitCast(~allNonzero & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
    return (UInt64(littleEndian: marks[0]), UInt64(littleEndian: marks[1]))
  }

  /// The index of the first `delimiter`, LF or CR at or after `start` (or `s.count`):
  /// eight bytes at a time, then byte by byte. For each of the three bytes,
  /// `w ^ splat(b)` has a zero byte where `w` holds `b`, and the lowest set bit of the
  /// three `zeroBytes` masks, little-endian, is the first such byte.
  @inline(__always)
  public static func fieldEnd(_ s: Span<UInt8>, from start: Int, delimiterWord: UInt64, delimiter: UInt8) -> Int {
    var i = start
    let n = s.count
    let bytes = s.bytes
    while i + 8 <= n {
      let w = bytes.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
      let marks = zeroBytes(w ^ delimiterWord) | zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(w ^ 0x0D0D_0D0D_0D0D_0D0D)
      if marks != 0 { return i + marks.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < n {
      let b = s[i]
      if b == delimiter || b == lf || b == cr { break }
      i += 1
    }
    return i
  }

  /// The index of the first quote at or after `start` (or `s.count`), eight bytes at a time.
  @inline(__always)
  public static func quoteEnd(_ s: Span<UInt8>, from start: Int) -> Int {
    var i = start
    let n = s.count
    let bytes = s.bytes
    while i + 8 <= n {
      let w = bytes.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
      let marks = zeroBytes(w ^ 0x2222_2222_2222_2222)
      if marks != 0 { return i + marks.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < n && s[i] != quote { i += 1 }
    return i
  }

  /// Whether `s[a..<a+count]` and `s[b..<b+count]` hold the same bytes: eight at a
  /// time (the last word of a key overlapping the one before it; a key shorter than a
  /// word compared in one word masked to its length when a word fits in the span).
  @inlinable @inline(__always)
  public static func sameBytes(_ s: Span<UInt8>, _ a: Int, _ b: Int, _ count: Int) -> Bool {
    let raw = s.bytes
    let n = s.count
    if count <= 8 {
      guard a + 8 <= n && b + 8 <= n else {
        for k in 0..<count where s[a + k] != s[b + k] { return false }
        return true
      }
      let x = raw.unsafeLoadUnaligned(fromByteOffset: a, as: UInt64.self).littleEndian
        ^ raw.unsafeLoadUnaligned(fromByteOffset: b, as: UInt64.self).littleEndian
      // Little-endian: the key's bytes are the low `count` bytes of the word.
      return count == 8 ? x == 0 : x & ((1 &<< UInt64(count &* 8)) &- 1) == 0
    }
    var k = 0
    while k + 8 < count {
      if raw.unsafeLoadUnaligned(fromByteOffset: a + k, as: UInt64.self)
        != raw.unsafeLoadUnaligned(fromByteOffset: b + k, as: UInt64.self)
      {
        return false
      }
      k += 8
    }
    return raw.unsafeLoadUnaligned(fromByteOffset: a + count - 8, as: UInt64.self)
      == raw.unsafeLoadUnaligned(fromByteOffset: b + count - 8, as: UInt64.self)
  }

  /// A key of 1 to 7 bytes as one word — its bytes, the lowest first, and its length
  /// in the top byte, so that keys differing only in trailing NUL bytes differ — when a
  /// word from its start fits in the span; nil otherwise.
  @inlinable @inline(__always)
  public static func shortKey(_ s: Span<UInt8>, _ start: Int, _ end: Int) -> UInt64? {
    let length = end &- start
    guard length >= 1, length <= 7, start >= 0, start + 8 <= s.count else { return nil }
    let w = s.bytes.unsafeLoadUnaligned(fromByteOffset: start, as: UInt64.self).littleEndian
    return (w & ((1 &<< UInt64(length &* 8)) &- 1)) | UInt64(length) &<< 56
  }

  /// A cell of 1 to 8 bytes `d+(.d+)?` read in one word, when a word from its start
  /// fits in the span: `(all its digits, the number of decimals)`, or nil for anything
  /// else. The point is found as a zero byte of `w ^ "........"` and squeezed out;
  /// every remaining byte must be `0x30…0x39` (high nibble 3, and still 3 after adding
  /// 6); the digits, most significant in the lowest byte, are combined pairwise in
  /// three multiplications (Lemire 2018; the cell is shifted up so that the missing
  /// digits are leading zeros).
  @inlinable @inline(__always)
  public static func shortFigure(_ s: Span<UInt8>, _ start: Int, _ end: Int) -> (Int64, Int)? {
    let length = end - start
    guard length >= 1, length <= 8, start + 8 <= s.count else { return nil }
    let cellMask: UInt64 = length == 8 ? ~0 : (1 &<< UInt64(length &* 8)) &- 1
    var w = s.bytes.unsafeLoadUnaligned(fromByteOffset: start, as: UInt64.self).littleEndian & cellMask
    var digits = length
    var decimals = 0
    let points = zeroBytes(w ^ 0x2E2E_2E2E_2E2E_2E2E) & cellMask
    if points != 0 {
      let p = points.trailingZeroBitCount >> 3
      guard p > 0, p < length - 1 else { return nil }
      let below: UInt64 = (1 &<< UInt64(p &* 8)) &- 1
      w = (w & below) | ((w >> 8) & ~below)
      digits = length - 1
      decimals = length - 1 - p
    }
    let digitMask: UInt64 = digits == 8 ? ~0 : (1 &<< UInt64(digits &* 8)) &- 1
    let zeros: UInt64 = 0x3030_3030_3030_3030 & digitMask
    guard w & 0xF0F0_F0F0_F0F0_F0F0 & digitMask == zeros,
      (w &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 & digitMask == zeros
    else { return nil }
    var v = (w & 0x0F0F_0F0F_0F0F_0F0F) &<< UInt64((8 &- digits) &* 8)
    v = (v &* 2561) >> 8
    v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
    v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
    return (Int64(v), decimals)
  }
}
