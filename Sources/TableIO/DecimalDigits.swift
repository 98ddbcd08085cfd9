/// The decimal digits of a `UInt64`, right-aligned and zero-padded in 24 bytes on the
/// stack, for the number writers (`NumberFormat+Bytes`).
///
/// How: the value is cut into three 8-digit pieces (one 64-bit division by 10¹⁶ and one
/// by 10⁸), and each piece into four 2-digit pairs with 32-bit arithmetic (divisions by
/// constants, which compile to multiply-shifts): three short independent chains instead
/// of one chain of up to 19 divisions by 10. A 2⁶⁴ − 1 has 20 digits, so 24 bytes hold
/// every value.
struct DecimalDigits {
  private var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
  /// The number of significant digits (1 for zero).
  let count: Int

  init(_ value: UInt64) {
    let high = value / 10_000_000_000_000_000
    let rest = value % 10_000_000_000_000_000
    let middle = UInt32(truncatingIfNeeded: rest / 100_000_000)
    let low = UInt32(truncatingIfNeeded: rest % 100_000_000)
    // Safe: each piece writes 8 bytes at offsets 0, 8 and 16 of the 24-byte storage.
    withUnsafeMutableBytes(of: &storage) { raw in
      DecimalDigits.write8(UInt32(truncatingIfNeeded: high), to: raw, at: 0)
      DecimalDigits.write8(middle, to: raw, at: 8)
      DecimalDigits.write8(low, to: raw, at: 16)
    }
    count = DecimalDigits.digitCount(value)
  }

  /// Lends the last `k` digits (1 ≤ k ≤ 24; zero-padded on the left past `count`).
  func withLast<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    precondition(k >= 1 && k <= 24)
    // Safe: bytes 24 − k..<24 of the storage were all written by `init`.
    return withUnsafeBytes(of: storage) { raw in
      raw.withMemoryRebound(to: UInt8.self) { body(UnsafeBufferPointer(rebasing: $0[(24 - k)...])) }
    }
  }

  /// Writes the 8 digits of `value` (< 10⁸, zero-padded) to `raw[offset..<offset + 8]`.
  @inline(__always)
  private static func write8(_ value: UInt32, to raw: UnsafeMutableRawBufferPointer, at offset: Int) {
    let upper = value / 10_000
    let lower = value % 10_000
    writePair(upper / 100, to: raw, at: offset)
    writePair(upper % 100, to: raw, at: offset + 2)
    writePair(lower / 100, to: raw, at: offset + 4)
    writePair(lower % 100, to: raw, at: offset + 6)
  }

  @inline(__always)
  private static func writePair(_ pair: UInt32, to raw: UnsafeMutableRawBufferPointer, at offset: Int) {
    let tens = pair / 10
    raw[offset] = UInt8(truncatingIfNeeded: tens) &+ UInt8(ascii: "0")
    raw[offset + 1] = UInt8(truncatingIfNeeded: pair &- 10 &* tens) &+ UInt8(ascii: "0")
  }

  /// The number of decimal digits of `value` (1 for zero): ⌊log10⌋ from the bit length
  /// (1233/4096 ≈ log10 2), corrected by one comparison.
  @inline(__always)
  static func digitCount(_ value: UInt64) -> Int {
    let estimate = ((64 - (value | 1).leadingZeroBitCount) &* 1233) >> 12
    return max(1, estimate + (value >= powers[estimate] ? 1 : 0))
  }

  /// 10⁰ … 10¹⁹.
  private static let powers: [UInt64] = (0..<20).map { k in (0..<k).reduce(1) { p, _ in p * 10 } }
}
