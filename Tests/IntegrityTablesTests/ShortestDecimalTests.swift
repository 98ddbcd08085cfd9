import Testing
import TestSupport

@testable import IntegrityTables

/// `ShortestDecimal` (Schubfach) and the number text built on it give the digits of the
/// standard library's `description` — an independent implementation (SwiftDtoa) — on
/// every kind of double the outputs print.
@Suite struct ShortestDecimalTests {
  /// The digits and exponent of `description`'s text for a positive finite double:
  /// `"1.25e-05"` → (125, -7), `"0.3333"` → (3333, -4), `"120.0"` → (12, 1).
  static func reference(_ value: Double) -> (UInt64, Int) {
    let text = value.description
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(of: "e") {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: ""))!
    }
    var digits = ""
    for ch in mantissa {
      if ch == "." { continue }
      digits.append(ch)
    }
    if let point = mantissa.firstIndex(of: ".") {
      exponent -= mantissa.distance(from: point, to: mantissa.endIndex) - 1
    }
    var d = UInt64(digits)!
    while d > 0 && d % 10 == 0 {
      d /= 10
      exponent += 1
    }
    return (d, exponent)
  }

  static func normalized(_ decimal: (significand: UInt64, exponent: Int)) -> (UInt64, Int) {
    var (d, e) = decimal
    while d > 0 && d % 10 == 0 {
      d /= 10
      e += 1
    }
    return (d, e)
  }

  static func check(_ value: Double, _ failures: inout Int) {
    guard let ours = ShortestDecimal.decimal(of: value) else {
      failures += 1
      Issue.record("no decimal for \(value)")
      return
    }
    let mine = normalized(ours)
    let theirs = reference(value)
    if mine != theirs {
      failures += 1
      if failures < 10 { Issue.record("\(value.bitPattern): ours \(mine), description \(value) → \(theirs)") }
    }
  }

  /// Random bit patterns over every binade of the normal doubles.
  @Test func randomNormalDoubles() {
    var random = SplitMix64(seed: 2020)
    var failures = 0
    for _ in 0..<400_000 {
      let bits = random.next() & (1 << 63 - 1)
      let value = Double(bitPattern: bits)
      guard value.isNormal else { continue }
      Self.check(value, &failures)
    }
    #expect(failures == 0)
  }

  /// Quotients of integers below 2⁵¹, as `quarterly` and `achievement` compute rates,
  /// and the doubles next to them.
  @Test func quotientsOfIntegers() {
    var random = SplitMix64(seed: 51)
    var failures = 0
    for i in 0..<300_000 {
      let width = UInt64(1 + i % 50)
      let a = random.next() >> (64 - width) + 1
      let b = random.next() >> (64 - UInt64(1 + (i / 50) % 50)) + 1
      let value = Double(a) / Double(b)
      Self.check(value, &failures)
      Self.check(value.nextUp, &failures)
      Self.check(value.nextDown, &failures)
    }
    #expect(failures == 0)
  }

  /// The first double of each binade (its interval is asymmetric), the last, powers of
  /// ten and their neighbours, the extremes of the normal range.
  @Test func edgesOfTheIntervals() {
    var failures = 0
    for e in -1022...1023 {
      let p = Double(sign: .plus, exponent: e, significand: 1)
      for v in [p, p.nextUp, p.nextDown, p * 1.5] where v.isNormal { Self.check(v, &failures) }
    }
    var p = 1e-307
    for _ in -307...308 {
      for v in [p, p.nextUp, p.nextDown] where v.isNormal && v.isFinite { Self.check(v, &failures) }
      p *= 10
    }
    for v in [Double.leastNormalMagnitude, .greatestFiniteMagnitude, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 5e-5, 9007199254740993]
    {
      Self.check(v, &failures)
    }
    #expect(failures == 0)
  }

  /// Not taken: zero, negatives, subnormals, infinities, NaN.
  @Test func declinesWhatItDoesNotTake() {
    for v in [0.0, -1.5, 5e-324, Double.leastNormalMagnitude.nextDown, .infinity, .nan] {
      #expect(ShortestDecimal.decimal(of: v) == nil)
    }
  }

  /// The plain text for 10⁻³ ≤ |x| < 10¹⁵ is `shortestString`'s, byte for byte.
  @Test func plainTextMatchesShortestString() {
    var random = SplitMix64(seed: 15)
    var failures = 0
    for i in 0..<200_000 {
      let magnitude = Double(random.next() >> 11) * 0x1p-53 * 1e15 / Double(1 << (i % 60))
      let value = i % 3 == 0 ? -magnitude : magnitude
      var bytes: [UInt8] = []
      NumberFormat.appendShortest(value, to: &bytes)
      if String(decoding: bytes, as: UTF8.self) != NumberFormat.shortestString(value) {
        failures += 1
        if failures < 10 { Issue.record("\(value): \(String(decoding: bytes, as: UTF8.self))") }
      }
    }
    #expect(failures == 0)
  }
}
