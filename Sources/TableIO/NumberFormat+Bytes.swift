/// Number text appended straight to a byte buffer, for the CSV writer and the streaming
/// outputs: the same bytes as `string(_:)`, `shortestString(_:)` and `String(n)`, without
/// making a `String` per value.
///
/// How (measured on 2 million random doubles in [0, 1000), release build, this machine):
/// `value.description` then copying its UTF-8 takes about 60 ns a value and allocates
/// whenever the text is longer than 15 bytes (a Swift small string holds 15), which is most
/// non-integral values (`0.3076923076923077`); `"\(value)"` about 70 ns. `Double.write(to:)`
/// runs the same shortest-digits code as `description` and hands the digits to the
/// stream's `_writeASCII(_:)` from a stack buffer: about 45 ns, no allocation. So the
/// general case goes through `write(to:)` into `ByteStream`. Two cases are written here
/// digit by digit: integral values below 2⁵³, which `shortestString` prints as plain
/// integers (about 15 ns), and short decimals such as 0.25 or 12.5, at most 4 fraction
/// digits (about 25 ns instead of 35; the test that sends other values on costs about
/// 1 ns). Every path is checked byte for byte against `shortestString`/`String(_:)` on
/// seeded random values in `NumberFormatBytesTests`.
extension NumberFormat {
  /// Appends the text of `value` as `string(_:)` gives it; appends nothing when
  /// `value` is not finite (an empty CSV field).
  public func append(_ value: Double, to bytes: inout [UInt8]) {
    guard value.isFinite else { return }
    switch self {
    case .shortest:
      NumberFormat.appendShortest(value, to: &bytes)
    case .significant(let digits):
      NumberFormat.appendShortest(NumberFormat.round(value, significant: digits), to: &bytes)
    }
  }

  /// Appends `shortestString(value)`: `0` for ±0, plain digits for integral values of
  /// magnitude below 2⁵³, otherwise Swift's shortest round-trip text (`description`,
  /// through `write(to:)` for finite values, which gives the same digits).
  public static func appendShortest(_ value: Double, to bytes: inout [UInt8]) {
    if value == 0 {
      bytes.append(UInt8(ascii: "0"))
    } else if Swift.abs(value) < 0x1p53, Double(Int64(value)) == value {
      // Integral (the conversions truncate; `rounded(.towardZero)` would call libm's
      // `trunc` on baseline x86-64).
      appendDecimal(UInt64(Swift.abs(value)), negative: value < 0, to: &bytes)
    } else if appendShortDecimal(value, to: &bytes) {
      return
    } else if !value.isFinite {
      // `write(to:)` spells NaN `-nan`/`snan` by its sign and payload; `description`
      // says `nan`. Not finite values are rare: take `description` for all of them.
      bytes.append(contentsOf: value.description.utf8)
    } else {
      var stream = ByteStream()
      swap(&stream.bytes, &bytes)  // move the buffer in and out: no copy, stays uniquely owned
      value.write(to: &stream)
      swap(&stream.bytes, &bytes)
    }
  }

  /// The most fraction digits `appendShortDecimal` tries.
  static let shortDecimalDigits = 4

  /// Appends a non-integral `value` that has a round-trip decimal with at most 4 fraction
  /// digits (0.25, -1.5, 12.345, 0.001) in Swift's form, and returns true; returns false,
  /// appending nothing, for any other value.
  ///
  /// For |value| in [10⁻³, 10¹¹) and k = 1…4 fraction digits, M = |value|·10ᵏ < 10¹⁵ < 2⁵⁰.
  /// A decimal M·10⁻ᵏ reads back as `value` when the correctly rounded quotient M / 10ᵏ
  /// (both exact doubles) equals |value|; then |M − |value|·10ᵏ| ≤ 10ᵏ·ulp/2 < M·2⁻⁵², and
  /// the computed product s = fl(|value|·10ᵏ) is within M·2⁻⁵¹ of M, so M = round(s): the one
  /// candidate for k. The interval of decimals that read back is narrower than 1 in units
  /// of 10⁻ᵏ, so it holds at most one such M, and trying k upward finds the fewest digits
  /// first: the shortest round-trip decimal, which is what `description` prints (shortest,
  /// and plain notation for 10⁻⁴ ≤ |value| < 2⁵³). A non-integral value whose shortest
  /// decimal has more digits costs one multiply-round-compare step: if M·10⁻ᵏ reads back
  /// for some k ≤ 4, then M·10^(4−k) is within M·10^(4−k)·2⁻⁵¹ of fl(|value|·10⁴) too, so
  /// a product farther than 2⁻⁵⁰ relative from an integer rules out every k at once
  /// (the quotient is computed only for candidates that pass that test).
  static func appendShortDecimal(_ value: Double, to bytes: inout [UInt8]) -> Bool {
    let magnitude = Swift.abs(value)
    guard magnitude >= 1e-3, magnitude < 1e11 else { return false }
    // One test rejects almost every other value: a decimal with k ≤ 4 fraction digits
    // is also one with 4 (M·10^(4−k)), within the same relative distance of the product.
    let scaled4 = magnitude * 1e4
    let m4 = nearestInteger(scaled4)
    guard Swift.abs(scaled4 - m4) <= m4 * 0x1p-50 else { return false }
    var scale = 1.0
    for digits in 1...shortDecimalDigits {
      scale *= 10
      let scaled = magnitude * scale
      let m = nearestInteger(scaled)
      guard Swift.abs(scaled - m) <= m * 0x1p-50, m / scale == magnitude else { continue }
      appendFixedPoint(UInt64(m), fractionDigits: digits, negative: value < 0, to: &bytes)
      return true
    }
    return false
  }

  /// Appends `digits`·10^−`fractionDigits` in plain notation (`0.05`, `-12.5`), for
  /// 1 ≤ `fractionDigits` ≤ 19: the fraction digits with their leading zeros, the point,
  /// the integer digits (at least one), the sign; built on the stack, appended once.
  static func appendFixedPoint(_ digits: UInt64, fractionDigits: Int, negative: Bool, to bytes: inout [UInt8]) {
    precondition(fractionDigits >= 1 && fractionDigits <= 19)
    // Safe: at most 19 fraction digits, a point, 20 integer digits (2⁶⁴ < 10²⁰) and a
    // sign are stored, 41 bytes from the end of a 48-byte buffer, so every index is in
    // bounds; the buffer does not outlive the closure.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
      var index = 48
      var rest = digits
      for _ in 0..<fractionDigits {
        let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
        index -= 1
        buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit)
        rest = quotient
      }
      index -= 1
      buffer[index] = UInt8(ascii: ".")
      repeat {
        let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
        index -= 1
        buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit)
        rest = quotient
      } while rest > 0
      if negative {
        index -= 1
        buffer[index] = UInt8(ascii: "-")
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index...]))
    }
  }

  /// The integer nearest to `x` (ties to even) for 0 ≤ x < 2⁵²: adding 2⁵² leaves no
  /// fraction bits, so the addition rounds; subtracting it back is exact. Two additions,
  /// where `rounded()` calls libm's `round` on baseline x86-64.
  @inline(__always)
  static func nearestInteger(_ x: Double) -> Double {
    (x + 0x1p52) - 0x1p52
  }

  /// Appends `String(value)`: decimal digits, a leading `-` when negative.
  public static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
    appendDecimal(UInt64(value.magnitude), negative: value < 0, to: &bytes)
  }

  /// Appends the decimal digits of `magnitude`, after a `-` when `negative`.
  static func appendDecimal(_ magnitude: UInt64, negative: Bool, to bytes: inout [UInt8]) {
    if magnitude < 10 {
      if negative { bytes.append(UInt8(ascii: "-")) }
      bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude))
      return
    }
    // Digits from the right, two at a time, into 21 bytes on the stack (a sign and at
    // most 20 digits: 2⁶⁴ < 10²⁰), then one append.
    // Safe: `index` starts at 21 and falls by at most 21 (20 digits and a sign), so every
    // store is inside the buffer; the buffer does not outlive the closure.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buffer in
      var index = 21
      var rest = magnitude
      while rest >= 100 {
        let (quotient, pair) = rest.quotientAndRemainder(dividingBy: 100)
        index -= 2
        buffer[index] = NumberFormat.digitPairs[Int(pair) &* 2]
        buffer[index + 1] = NumberFormat.digitPairs[Int(pair) &* 2 + 1]
        rest = quotient
      }
      if rest >= 10 {
        index -= 2
        buffer[index] = NumberFormat.digitPairs[Int(rest) &* 2]
        buffer[index + 1] = NumberFormat.digitPairs[Int(rest) &* 2 + 1]
      } else {
        index -= 1
        buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest)
      }
      if negative {
        index -= 1
        buffer[index] = UInt8(ascii: "-")
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index...]))
    }
  }

  /// "00", "01", …, "99" as 200 ASCII bytes.
  static let digitPairs: [UInt8] = (0..<100).flatMap { n in
    [UInt8(ascii: "0") + UInt8(n / 10), UInt8(ascii: "0") + UInt8(n % 10)]
  }
}

/// A `TextOutputStream` that appends to a byte array. `Double.write(to:)` delivers its
/// ASCII digits through `_writeASCII(_:)` (a customization point of `TextOutputStream`)
/// straight from its stack buffer, so no `String` is made; `write(_:)` covers any other
/// caller.
struct ByteStream: TextOutputStream {
  var bytes: [UInt8] = []

  mutating func write(_ string: String) {
    bytes.append(contentsOf: string.utf8)
  }

  /// Safe: the buffer is only read, within this call, as the standard library lends it.
  mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: buffer)
  }
}
