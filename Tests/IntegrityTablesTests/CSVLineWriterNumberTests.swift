import TestSupport
import Testing

@testable import IntegrityTables

/// `CSVLineWriter`'s digit-word fast paths for integers and decimals (the streaming
/// outputs' years and figures) against the text written out by hand, and against the
/// buffer's general `decimal`/`integer` (checked against `Double.description` in
/// `ShortestDecimalTests`) over a grid that crosses every boundary of the fast path:
/// 8 digits, 8 fraction digits, 10⁻⁴, trailing zeros, zero and negatives.
@Suite struct CSVLineWriterNumberTests {
  static func written(_ body: (inout CSVLineWriter) -> Void) -> String {
    var csv = CSVLineBuffer()
    csv.appendLines(reserving: 64) { body(&$0) }
    return String(decoding: csv.bytes, as: UTF8.self)
  }

  static func general(significand: Int64, exponent: Int32) -> String {
    var csv = CSVLineBuffer()
    csv.decimal(significand: significand, exponent: exponent)
    return String(decoding: csv.bytes, as: UTF8.self)
  }

  @Test(arguments: [
    (Int64(9224), Int32(-1), "922.4"), (5, -2, "0.05"), (1, -4, "0.0001"), (12_345_678, 0, "12345678"),
    (120, -1, "12"), (100_000, -8, "0.001"), (12_345_678, -8, "0.12345678"), (10, -8, "0.0000001"),
    (1, -5, "0.00001"), (0, -3, "0"), (-25, -1, "-2.5"), (100_000_000, 0, "100000000"), (7, 0, "7"),
    (3_000, -3, "3"), (99_999_999, -4, "9999.9999"),
  ])
  func decimalsAsWrittenByHand(_ significand: Int64, _ exponent: Int32, _ text: String) {
    // 10⁻⁵ and 10⁻⁷ leave the plain range: the general path's text, whatever it is,
    // must be what the writer gives too.
    let expected = exponent + Int32(String(significand).count) - 1 < -4 ? Self.general(significand: significand, exponent: exponent) : text
    #expect(Self.written { $0.decimal(significand: significand, exponent: exponent) } == expected)
  }

  @Test func decimalsMatchTheGeneralPathAcrossTheFastPathsEdges() {
    var significands: [Int64] = [0, 1, 9, 10, 99, 100, 101, 1_000, 12_340, 99_999_999, 100_000_000, 123_456_789, -1, -10]
    for k in 0...8 {
      let p = Int64((0..<k).reduce(1) { r, _ in r * 10 })
      significands += [p, p - 1, p + 1, 7 * p, 12 * p]
    }
    for significand in significands {
      for exponent in Int32(-12)...Int32(3) {
        let fast = Self.written { $0.decimal(significand: significand, exponent: exponent) }
        #expect(fast == Self.general(significand: significand, exponent: exponent), "\(significand)e\(exponent)")
      }
    }
  }

  /// `fixedPoint` (word stores) against the text put together from `String(digits)` —
  /// zero-padded, the point inserted, the sign in front — for every digit count 1–17 and
  /// fraction length 1–19, both signs, random digits: every split of the digits' words
  /// between integer and fraction part.
  @Test func fixedPointMatchesTheDigitsWithTheirPoint() {
    var rng = SplitMix64(seed: 2_026_12_06)
    var checked = 0
    for count in 1...17 {
      let low: UInt64 = count == 1 ? 1 : (1..<count).reduce(1) { r, _ in r * 10 }
      for fraction in 1...19 {
        for negative in [false, true] {
          for _ in 0..<20 {
            let digits = UInt64.random(in: low..<(low * 10), using: &rng)
            let padded = String(repeating: "0", count: max(0, fraction + 1 - count)) + String(digits)
            let expected = (negative ? "-" : "") + padded.dropLast(fraction) + "." + padded.suffix(fraction)
            var taken = false
            let fast = Self.written { taken = $0.fixedPoint(digits, fractionDigits: fraction, negative: negative) }
            #expect(taken)
            #expect(fast == expected, "\(digits) 10^-\(fraction) negative \(negative)")
            checked += 1
          }
        }
      }
    }
    #expect(checked == 17 * 19 * 2 * 20)
  }

  /// `number` (shortest form; the writer's and the buffer's) against Swift's own shortest
  /// round-trip text (`NumberFormat.shortestString`: `description`, integers plain), for
  /// rates, paces and values across the plain range's ends, with 0 to 35 bytes already
  /// used of a 64-byte reservation: with fewer than 48 bytes free the writer takes the
  /// general path, and the text is the same either way.
  @Test func doublesMatchSwiftsTextWhereverTheyStart() {
    var rng = SplitMix64(seed: 77)
    var values: [Double] = [
      0, -0.0, 1, 2, 0.25, 0.5, 0.75, 1e-3, 1e-4, 0.0015, 1e15, 1e15.nextDown, 1e16, .pi, -.pi, 1.0 / 3,
      0.39288329184360815, 1.5715331673744326, 123_456_789_012_345.6, 99_999_999_999.9999, Double.leastNonzeroMagnitude, .greatestFiniteMagnitude,
    ]
    for _ in 0..<3_000 {
      let x = Double.random(in: 0..<1, using: &rng) * Double.random(in: 1...1e6, using: &rng)
      values += [x, -x, x.nextUp, 1 / (x + 1), Double(bitPattern: rng.next())]
    }
    values = values.filter(\.isFinite)
    // Integer fields before the number: 0, 2, 9, 17, 26 and 35 bytes with their commas.
    let prefixes: [[Int]] = [[], [7], [12_345_678], [12_345_678, 1_234_567], [12_345_678, 12_345_678, 1_234_567],
                             [12_345_678, 12_345_678, 12_345_678, 1_234_567]]
    for fields in prefixes {
      for value in values {
        let expected = fields.map { "\($0)," }.joined() + NumberFormat.shortestString(value)
        let fast = Self.written { line in
          for field in fields { line.integer(field) }
          line.number(value)
        }
        #expect(fast == expected, "\(value) after \(fields)")
        // The buffer's own `number` (tables, `CSVWriter`) takes the same word stores.
        var buffer = CSVLineBuffer()
        for field in fields { buffer.integer(field) }
        buffer.number(value)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == expected, "buffer: \(value) after \(fields)")
      }
    }
  }

  @Test func integersAsWritten() {
    for value in [0, 7, 10, 1999, 2023, 99_999_999, 100_000_000, 123_456_789_012, -1, -2023, Int.max, Int.min] {
      #expect(Self.written { $0.integer(value) } == String(value))
    }
  }
}

/// `CSVLineWriter`'s copies (interned names, `repeatBytes`) at every length from 0 to
/// 40 bytes — through each of its copy paths: byte by byte, two 4-byte words, two 8-byte
/// words, `memmove` — give exactly the field's text, twice.
@Suite struct CSVLineWriterCopyTests {
  @Test func copiesOfEveryLengthAreExact() {
    let texts: [String] = (0...40).map { (n: Int) -> String in
      let bytes: [UInt8] = (0..<n).map { (k: Int) -> UInt8 in UInt8(65 + (k * 7 + n) % 26) }
      return String(decoding: bytes, as: UTF8.self)
    }
    var written = CSVLineBuffer()
    for k in written.intern(texts) {
      written.appendLines(reserving: 2 * 48) { line in
        let start = line.count
        line.interned(k)
        line.repeatBytes(from: start..<line.count)  // the field's bytes again, no comma
        line.endLine()
      }
    }
    // The repeat copies the field without a comma: each line is the text twice.
    let lines = String(decoding: written.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == texts.count + 1)
    for (n, text) in texts.enumerated() where n < lines.count {
      #expect(lines[n] == Substring(text + text), "length \(n)")
    }
  }
}
