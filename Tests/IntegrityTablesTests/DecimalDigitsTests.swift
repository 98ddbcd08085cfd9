import Testing
import TestSupport

@testable import IntegrityTables

/// `DecimalDigits` against `String(_:)`: the digits, their count, the zero padding.
@Suite struct DecimalDigitsTests {
  static func last(_ d: DecimalDigits, _ k: Int) -> String { d.withLast(k) { String(decoding: $0, as: UTF8.self) } }

  @Test func digitsAndCountMatchString() {
    var random = SplitMix64(seed: 8)
    var values: [UInt64] = [0, 1, 9, 10, 99, 100, 99_999_999, 100_000_000, .max, 1 << 53]
    var p: UInt64 = 1
    for _ in 0..<19 {
      p *= 10
      values += [p - 1, p, p + 1]
    }
    for _ in 0..<300_000 {
      let v = random.next()
      values.append(v >> (v % 64))
    }
    var failures = 0
    for v in values {
      let d = DecimalDigits(v)
      let text = String(v)
      if d.count != text.count || Self.last(d, d.count) != text
        || Self.last(d, 24) != String(repeating: "0", count: 24 - text.count) + text
      {
        failures += 1
        if failures < 10 { Issue.record("\(v): \(d.count) \(Self.last(d, 24))") }
      }
    }
    #expect(failures == 0)
  }

  /// Every 8-digit piece value in steps that hit each digit position's carries.
  @Test func eightDigitPieces() {
    var failures = 0
    for v in stride(from: UInt32(0), to: 100_000_000, by: 997) + [99_999_999, 10_000_000, 9_999_999] {
      let word = DecimalDigits.eightDigits(v)
      let text = withUnsafeBytes(of: word) { String(decoding: $0, as: UTF8.self) }
      let expected = String(repeating: "0", count: 8 - String(v).count) + String(v)
      if text != expected { failures += 1 }
    }
    #expect(failures == 0)
  }
}
