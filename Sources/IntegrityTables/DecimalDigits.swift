/// The decimal digits of a `UInt64`, right-aligned and zero-padded in 24 bytes on the
/// stack, for the number writers (`NumberFormat+Bytes`).
///
/// How: the value is cut into 8-digit pieces (divisions by 10¹⁶ and 10⁸, only for values
/// that reach them), and each piece into four 2-digit pairs with 32-bit arithmetic
/// (divisions by constants, which compile to multiply-shifts): short independent chains
/// instead of one chain of up to 19 divisions by 10. 2⁶⁴ − 1 has 20 digits, so 24 bytes
/// hold every value.
struct DecimalDigits {
  /// ASCII zeros until written.
  private var storage: (UInt64, UInt64, UInt64) = (0x3030_3030_3030_3030, 0x3030_3030_3030_3030, 0x3030_3030_3030_3030)
  /// The number of significant digits (1 for zero).
  let count: Int

  @inline(__always)
  init(_ value: UInt64) {
    // Only the pieces the value reaches (most figures need one).
    if value < 100_000_000 {
      storage.2 = DecimalDigits.eightDigits(UInt32(truncatingIfNeeded: value))
    } else {
      let high = value / 10_000_000_000_000_000
      let rest = value % 10_000_000_000_000_000
      if high > 0 { storage.0 = DecimalDigits.eightDigits(UInt32(truncatingIfNeeded: high)) }
      storage.1 = DecimalDigits.eightDigits(UInt32(truncatingIfNeeded: rest / 100_000_000))
      storage.2 = DecimalDigits.eightDigits(UInt32(truncatingIfNeeded: rest % 100_000_000))
    }
    count = DecimalDigits.digitCount(value)
  }

  /// Appends digits `start..<end` of the 24 (0 ≤ start ≤ end ≤ 24; zero-padded on the
  /// left past `count`), a word at a time.
  @inline(__always)
  func append<Sink: ByteSink & ~Copyable>(from start: Int, to end: Int, to sink: inout Sink) {
    precondition(start >= 0 && start <= end && end <= 24)
    var k = start
    while k < end {
      let w = k >> 3
      let stop = min(end, (w + 1) << 3)
      let word = w == 0 ? storage.0 : w == 1 ? storage.1 : storage.2
      sink.append(digits: word, from: k & 7, to: stop - (w << 3))
      k = stop
    }
  }

  /// The 24 digits and eight zero bytes after them, as the words lie in memory: loads
  /// of eight bytes from any digit offset 0…24 stay inside (`CSVLineWriter.fixedPoint`
  /// takes its words from one copy of them on the stack).
  @inline(__always)
  var paddedWords: (UInt64, UInt64, UInt64, UInt64) { (storage.0, storage.1, storage.2, 0) }

  /// Lends the last `k` digits (1 ≤ k ≤ 24; zero-padded on the left past `count`).
  func withLast<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    precondition(k >= 1 && k <= 24)
    // Safe: bytes 24 − k..<24 of the storage were all written by `init`.
    return withUnsafeBytes(of: storage) { raw in
      raw.withMemoryRebound(to: UInt8.self) { body(UnsafeBufferPointer(rebasing: $0[(24 - k)...])) }
    }
  }

  /// The 8 ASCII digits of `value` (< 10⁸, zero-padded), first digit in the lowest byte
  /// (the order they have in memory on a little-endian machine), computed in one register
  /// lane-wise: the two 4-digit halves in 32-bit lanes, each cut into 2-digit pairs in
  /// 16-bit lanes (×10486 >> 20 is ÷100 below 10⁴), each pair into digits in bytes
  /// (×103 >> 10 is ÷10 below 100). Stored as one word, so no byte stores are read back
  /// as a word (which would stall store forwarding).
  @inline(__always)
  static func eightDigits(_ value: UInt32) -> UInt64 {
    let x = UInt64(value / 10_000) | UInt64(value % 10_000) << 32
    let hundreds = (x &* 10486) >> 20 & 0x0000_007F_0000_007F
    let pairs = hundreds | (x &- hundreds &* 100) << 16
    let tens = (pairs &* 103) >> 10 & 0x000F_000F_000F_000F
    let digits = tens | (pairs &- tens &* 10) << 8
    return (digits | 0x3030_3030_3030_3030).littleEndian
  }

  /// The number of decimal digits of `value` (1 for zero): ⌊log10⌋ from the bit length
  /// (1233/4096 ≈ log10 2), corrected by one comparison.
  @inline(__always)
  static func digitCount(_ value: UInt64) -> Int {
    let estimate = ((64 - (value | 1).leadingZeroBitCount) &* 1233) >> 12
    return max(1, estimate + (value >= powers[estimate] ? 1 : 0))
  }

  /// 10⁰ … 10¹⁹, written out: a literal array is laid out when the program is built,
  /// so reading it needs no one-time initialisation check (the computed table cost a
  /// `swift_once` call on every number written).
  private static let powers: [UInt64] = [
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
    100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
    10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
  ]
}
