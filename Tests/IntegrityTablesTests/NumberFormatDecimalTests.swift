import Testing
import TestSupport
@testable import IntegrityTables
@testable import IntegrityDecimal

/// `NumberFormat.appendDecimal` against the double path it stands in for: the text of
/// `DecimalNumber.double` (correctly rounded) through `append(_:to:)`, byte for byte.
@Suite struct NumberFormatDecimalTests {

  func expectSame(_ s: Int64, _ e: Int32, _ format: NumberFormat = .shortest) {
    var direct: [UInt8] = []
    format.appendDecimal(significand: s, exponent: e, to: &direct)
    var viaDouble: [UInt8] = []
    format.append(DecimalNumber(significand: s, exponent: e).double, to: &viaDouble)
    #expect(direct == viaDouble, "\(s)e\(e): \(String(decoding: direct, as: UTF8.self)) vs \(String(decoding: viaDouble, as: UTF8.self))")
  }

  @Test func edgeValues() {
    let cases: [(Int64, Int32)] = [
      (0, 0), (0, -3), (1, 0), (-1, 0), (10, -1), (2500, -4), (1, -4), (1, -5), (12, -5), (99, -6),
      (123_456_789_012_345, 0), (123_456_789_012_345, -1), (999_999_999_999_999, -15), (1_234_567_890_123_456, 0),
      (1_234_567_890_123_456, -3), (9_007_199_254_740_992, 0), (9_007_199_254_740_993, 0), (1, 15), (1, 16),
      (9, 15), (90_071_992_547_409, 2), (3, 300), (3, -300), (Int64.max, 0), (Int64.min + 1, -7), (-5, -1),
      (1_000_000, -6), (5, 17), (123, 13), (123, 14),
    ]
    for (s, e) in cases { expectSame(s, e) }
  }

  @Test func randomDecimals() {
    var rng = SplitMix64(seed: 20261125)
    for _ in 0..<300_000 {
      let digits = Int.random(in: 1...18, using: &rng)
      var s = Int64.random(in: 0..<Int64(pow10(digits)), using: &rng)
      if Bool.random(using: &rng) { s = -s }
      let e = Int32.random(in: -22...18, using: &rng)
      expectSame(s, e)
    }
    // Other formats go through the double.
    expectSame(123_456, -3, .significant(3))
  }

  func pow10(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<n { p *= 10 }
    return p
  }
}
