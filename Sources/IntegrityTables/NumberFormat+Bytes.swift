/// Number text appended straight to a byte buffer, for the CSV writer and the streaming
/// outputs: the same bytes as `string(_:)`, `shortestString(_:)` and `String(n)`, without
/// making a `String` per value.
///
/// How: integral values below 2⁵³, which `shortestString` prints as plain integers, are
/// written digit by digit (two digits a step); other values with 10⁻³ ≤ |x| < 10¹⁵ —
/// rates, paces, figures — get their shortest round-trip digits from `ShortestDecimal`
/// (Schubfach) and are written in plain notation, as `description` writes them there;
/// the rest go through `Double.write(to:)`, which runs `description`'s own code and hands
/// over its digits without making a `String` (`ShortestDigits`). On the 17.5 million
/// rates and paces of the 10M-row `quarterly` benchmark, `write(to:)` into a byte array
/// took about 35 ns a value (`_Float64ToASCII` 22 ns of it); the Schubfach path about
/// 20–25 ns with its text, 10 ns of it for the digits (perf, release build). Every path is checked byte for byte
/// against `shortestString`/`String(_:)` on seeded random values in
/// `NumberFormatBytesTests` and `ShortestDecimalTests`.
extension NumberFormat {
  /// Appends the text of `value` as `string(_:)` gives it; appends nothing when
  /// `value` is not finite (an empty CSV field).
  public func append<Sink: ByteSink & ~Copyable>(_ value: Double, to bytes: inout Sink) {
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
  public static func appendShortest<Sink: ByteSink & ~Copyable>(_ value: Double, to bytes: inout Sink) {
    if value == 0 {
      bytes.append(UInt8(ascii: "0"))
    } else if Swift.abs(value) < 0x1p53, Double(Int64(value)) == value {
      // Integral (the conversions truncate; `rounded(.towardZero)` would call libm's
      // `trunc` on baseline x86-64).
      appendDecimal(UInt64(Swift.abs(value)), negative: value < 0, to: &bytes)
    } else if appendPlainShortest(value, to: &bytes) {
      return
    } else if !value.isFinite {
      // `write(to:)` spells NaN `-nan`/`snan` by its sign and payload; `description`
      // says `nan`. Not finite values are rare: take `description` for all of them.
      var text = value.description
      text.withUTF8 { bytes.append(contentsOf: $0) }
    } else {
      var digits = ShortestDigits()
      value.write(to: &digits)
      digits.withBytes { bytes.append(contentsOf: $0) }
    }
  }

  /// Appends a non-integral `value` with 10⁻³ ≤ |value| < 10¹⁵ as `description` writes
  /// it there — the shortest round-trip decimal (`ShortestDecimal`) in plain notation —
  /// and returns true; returns false, appending nothing, for other values. At most 19
  /// fraction digits: 17 significant digits after at most two zeros.
  static func appendPlainShortest<Sink: ByteSink & ~Copyable>(_ value: Double, to bytes: inout Sink) -> Bool {
    guard let (digits, fractionDigits) = plainShortestDigits(value) else { return false }
    appendFixedPoint(digits, fractionDigits: fractionDigits, negative: value < 0, to: &bytes)
    return true
  }

  /// The digits that `appendPlainShortest` writes for `value` — the shortest round-trip
  /// decimal of |`value`| as `digits`·10^−`fractionDigits`, without trailing zeros, at
  /// most 17 digits, 1 ≤ `fractionDigits` ≤ 19 — or nil where it writes nothing
  /// (|`value`| outside [10⁻³, 10¹⁵), or an integer).
  @inline(__always)
  static func plainShortestDigits(_ value: Double) -> (digits: UInt64, fractionDigits: Int)? {
    let magnitude = Swift.abs(value)
    guard magnitude >= 1e-3, magnitude < 1e15, var (digits, exponent) = ShortestDecimal.decimal(of: magnitude),
      exponent < 0
    else { return nil }
    while digits % 10 == 0 {
      digits /= 10
      exponent += 1
    }
    guard exponent < 0 else { return nil }
    return (digits, -exponent)
  }

  /// Appends `digits`·10^−`fractionDigits` in plain notation (`0.05`, `-12.5`), for
  /// 1 ≤ `fractionDigits` ≤ 19: the sign, the integer digits (at least one), the point,
  /// the fraction digits with their leading zeros (`DecimalDigits`).
  static func appendFixedPoint<Sink: ByteSink & ~Copyable>(
    _ digits: UInt64, fractionDigits: Int, negative: Bool, to bytes: inout Sink
  ) {
    precondition(fractionDigits >= 1 && fractionDigits <= 19)
    let decimal = DecimalDigits(digits)
    let integerDigits = max(decimal.count - fractionDigits, 1)
    if negative { bytes.append(UInt8(ascii: "-")) }
    decimal.append(from: 24 - integerDigits - fractionDigits, to: 24 - fractionDigits, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    decimal.append(from: 24 - fractionDigits, to: 24, to: &bytes)
  }

  /// Appends `String(value)`: decimal digits, a leading `-` when negative.
  public static func appendInteger<Sink: ByteSink & ~Copyable>(_ value: Int, to bytes: inout Sink) {
    appendDecimal(UInt64(value.magnitude), negative: value < 0, to: &bytes)
  }

  /// Appends the decimal digits of `magnitude`, after a `-` when `negative`.
  static func appendDecimal<Sink: ByteSink & ~Copyable>(_ magnitude: UInt64, negative: Bool, to bytes: inout Sink) {
    if magnitude < 10 {
      if negative { bytes.append(UInt8(ascii: "-")) }
      bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude))
      return
    }
    if negative { bytes.append(UInt8(ascii: "-")) }
    let decimal = DecimalDigits(magnitude)
    decimal.append(from: 24 - decimal.count, to: 24, to: &bytes)
  }
}

/// The text `Double.write(to:)` gives, held on the stack. `write(to:)` runs the same
/// shortest-digits code as `description` and delivers the ASCII through
/// `_writeASCII(_:)` (a customization point of `TextOutputStream`) from its own stack
/// buffer, so no `String` is made; `write(_:)` covers any other caller. At most 32
/// bytes (the longest finite `Double` text, `-2.2250738585072014e-308`, has 24).
struct ShortestDigits: TextOutputStream {
  private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  private var count = 0

  mutating func write(_ string: String) {
    var string = string
    string.withUTF8 { _writeASCII($0) }
  }

  mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
    precondition(count + buffer.count <= 32, "a Double's text is longer than 32 bytes")
    // Safe: count + buffer.count ≤ 32, the size of `storage`; the source is only read.
    withUnsafeMutableBytes(of: &storage) { raw in
      raw.baseAddress!.advanced(by: count).copyMemory(from: buffer.baseAddress!, byteCount: buffer.count)
    }
    count += buffer.count
  }

  /// Lends the text's bytes.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    // Safe: the first `count` bytes of `storage` were written; lent for the call only.
    withUnsafeBytes(of: storage) { raw in
      raw.withMemoryRebound(to: UInt8.self) { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }
  }
}
