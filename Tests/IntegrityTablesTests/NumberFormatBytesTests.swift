import Testing
import TestSupport

@testable import IntegrityTables

/// `NumberFormat.append`/`appendShortest`/`appendInteger` (bytes straight into a buffer)
/// against the independent `String` paths: `shortestString` (Swift's `description`),
/// `NumberFormat.string` and `String(Int)`. Seeded, so a failure names a reproducible value.
@Suite struct NumberFormatBytesTests {

  static func shortestBytes(_ value: Double) -> [UInt8] {
    var bytes: [UInt8] = [0x41]  // appends after existing content
    NumberFormat.appendShortest(value, to: &bytes)
    return Array(bytes.dropFirst())
  }

  static func formatBytes(_ format: NumberFormat, _ value: Double) -> [UInt8] {
    var bytes: [UInt8] = []
    format.append(value, to: &bytes)
    return bytes
  }

  /// Edge values: zeros, 2⁵³ and its neighbours, the integer/description boundary,
  /// Swift's switch to exponent form (1e-5, 1e16), subnormals, the extremes, non-finite.
  static let edges: [Double] = {
    let p53 = 9_007_199_254_740_992.0
    var values: [Double] = [
      0, -0.0, 1, -1, 0.5, 0.25, 123.4, 1e-7, 1e-5, 0.0001, 1e15, 1e16, 1e17, 1e22, 1e23,
      p53, -p53, p53 - 1, p53 + 2, p53.nextDown, p53.nextUp, -p53.nextDown,
      Double(Int64.max), Double(Int64.min), 1.8446744073709552e19,
      .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
      .leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
      .infinity, -.infinity, .nan, -.nan, .signalingNaN, 0.1 + 0.2, 1 / 3.0, 2 / 3.0,
      4.9406564584124654e-324, 2.2250738585072014e-308, 4.35, 9.999999999999999e22, 123_456_789_012_345_680,
    ]
    values += values.map { $0.nextUp } + values.map { $0.nextDown }
    return values
  }()

  @Test func edgeValuesMatchShortestString() {
    for value in Self.edges {
      #expect(
        Self.shortestBytes(value) == Array(NumberFormat.shortestString(value).utf8),
        "value bits \(String(value.bitPattern, radix: 16))")
    }
  }

  /// 400,000 random bit patterns: every exponent and sign, NaNs and infinities included.
  @Test func randomBitPatternsMatchShortestString() {
    var rng = SplitMix64(seed: 20_261_125)
    var mismatches: [UInt64] = []
    for _ in 0..<400_000 {
      let bits = rng.next()
      let value = Double(bitPattern: bits)
      if Self.shortestBytes(value) != Array(NumberFormat.shortestString(value).utf8) {
        mismatches.append(bits)
      }
    }
    #expect(mismatches.isEmpty, "bit patterns: \(mismatches.prefix(10).map { String($0, radix: 16) })")
  }

  /// 400,000 random short decimals m·10^k (m up to 7 digits, k from −12 to 20, either
  /// sign): the values real tables hold (123.4, 0.25, 1e-7, 1e16, …), where the
  /// integer/description boundary and the exponent switch are.
  @Test func randomShortDecimalsMatchShortestString() {
    var rng = SplitMix64(seed: 7)
    var powers: [Double] = [1]
    for _ in 0..<22 { powers.append(powers.last! * 10) }  // exact up to 10²²
    var mismatches: [Double] = []
    for _ in 0..<400_000 {
      let digits = Int.random(in: 1...7, using: &rng)
      let m = Double(UInt64.random(in: 0..<UInt64(powers[digits]), using: &rng))
      let k = Int.random(in: -12...20, using: &rng)
      var value = k < 0 ? m / powers[-k] : m * powers[k]  // correctly rounded m·10^k
      if Bool.random(using: &rng) { value = -value }
      if Self.shortestBytes(value) != Array(NumberFormat.shortestString(value).utf8) {
        mismatches.append(value)
      }
    }
    #expect(mismatches.isEmpty, "values: \(mismatches.prefix(10))")
  }

  /// The plain path (`appendPlainShortest`, Schubfach digits, |x| in [10⁻³, 10¹⁵)):
  /// decimals with 1–6 fraction digits and up to 15 significant digits, their
  /// neighbours one and two ulps away (whose shortest decimals have 16–17 digits), and
  /// the range ends.
  @Test func plainPathAndItsNeighbours() {
    var rng = SplitMix64(seed: 1_000_003)
    var powers: [Double] = [1]
    for _ in 0..<22 { powers.append(powers.last! * 10) }
    var values: [Double] = [1e-3, 1e11, 1e15, 0.0015, 99_999_999_999.9999, 12_345_678_901.2345, 999_999_999_999_999.9]
    values += values.flatMap { [$0.nextUp, $0.nextDown, $0.nextUp.nextUp] }
    for _ in 0..<40_000 {
      let digits = Int.random(in: 1...15, using: &rng)
      let m = Double(UInt64.random(in: 1..<UInt64(powers[digits]), using: &rng))
      let x = m / powers[Int.random(in: 1...6, using: &rng)]
      values += [x, x.nextUp, x.nextDown, x.nextUp.nextUp, -x]
    }
    var mismatches: [Double] = []
    var taken = 0
    for value in values {
      var probe: [UInt8] = []
      if NumberFormat.appendPlainShortest(value, to: &probe) { taken += 1 }
      if Self.shortestBytes(value) != Array(NumberFormat.shortestString(value).utf8) {
        mismatches.append(value)
      }
    }
    #expect(mismatches.isEmpty, "values: \(mismatches.prefix(10))")
    #expect(taken > 30_000)  // the path is exercised, not bypassed
  }

  /// `.significant(d)` and `.shortest` through `append` against `string(_:)` (nil ↔ no bytes).
  @Test func formatsMatchString() {
    var rng = SplitMix64(seed: 99)
    let formats: [NumberFormat] = [.shortest] + (1...17).map { .significant($0) } + [.significant(0), .significant(320)]
    var values = Self.edges
    for _ in 0..<8_000 {
      values.append(Double(bitPattern: rng.next()))
      values.append(Double.random(in: -1e6...1e6, using: &rng))
      values.append(Double.random(in: 0..<1, using: &rng))
    }
    var mismatches: [String] = []
    for format in formats {
      for value in values {
        let expected = format.string(value).map { Array($0.utf8) } ?? []
        if Self.formatBytes(format, value) != expected { mismatches.append("\(format) \(value)") }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test func integersMatchStringInit() {
    var rng = SplitMix64(seed: 3)
    var values: [Int] = [0, 1, -1, 9, 10, 11, 99, 100, 101, .max, .min, .max - 1, .min + 1]
    var power = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power + 1, -power, -power - 1]
    }
    for _ in 0..<100_000 {
      let bits = Int(bitPattern: UInt(rng.next()))
      values.append(bits >> Int.random(in: 0..<64, using: &rng))  // every digit count
    }
    var mismatches: [Int] = []
    for value in values {
      var bytes: [UInt8] = [0x41]
      NumberFormat.appendInteger(value, to: &bytes)
      if Array(bytes.dropFirst()) != Array(String(value).utf8) { mismatches.append(value) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  /// The digits come through `_writeASCII`, not as a `String` (the point of the path).
  @Test func doubleWritesThroughWriteASCII() {
    struct Probe: TextOutputStream {
      var strings = 0
      var ascii = 0
      mutating func write(_ string: String) { strings += 1 }
      mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { ascii += 1 }
    }
    var probe = Probe()
    (0.30769230769230771).write(to: &probe)
    #expect(probe.ascii == 1 && probe.strings == 0)
  }
}
