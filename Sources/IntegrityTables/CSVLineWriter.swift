/// CSV lines written straight into space reserved at the end of a `CSVLineBuffer`
/// (`CSVLineBuffer.appendLines(reserving:_:)`), for the streaming outputs that write
/// millions of lines of the same shape: the same fields and the same bytes as the
/// buffer's own field methods, without the per-field capacity and uniqueness checks of
/// appending to an array, and with `repeatBytes(from:)` to copy a part already written
/// (the same indicator, agency and year on a group's four quarter lines).
///
///     csv.appendLines(reserving: 4 * 200) { line in
///       let start = line.count
///       line.interned(agency); line.integer(year)
///       let prefix = start..<line.count
///       for q in 1...4 {
///         if q > 1 { line.repeatBytes(from: prefix) }
///         line.integer(q); …; line.endLine()
///       }
///     }
///
/// Every store is checked against the reserved space (running out is a programming
/// error that stops the program, never a write past it), and the writer cannot leave
/// the closure that lends it (it is noncopyable and lent `inout`).
public struct CSVLineWriter: ~Copyable, ByteSink {
  /// The reserved space; `base[0..<count]` is written.
  @usableFromInline let base: UnsafeMutablePointer<UInt8>
  @usableFromInline let capacity: Int
  /// Bytes written so far (offsets for `repeatBytes(from:)` are in these units).
  public var count: Int { written }
  @usableFromInline var written: Int
  /// The buffer's interned fields (`CSVLineBuffer.intern(_:)`), lent for the closure.
  @usableFromInline let internedBytes: UnsafeBufferPointer<UInt8>
  @usableFromInline let internedEnds: UnsafeBufferPointer<Int>
  public let numberFormat: NumberFormat
  /// Whether the current line has a field already.
  public var lineHasField: Bool { hasField }
  @usableFromInline var hasField: Bool

  init(
    base: UnsafeMutablePointer<UInt8>, capacity: Int, internedBytes: UnsafeBufferPointer<UInt8>,
    internedEnds: UnsafeBufferPointer<Int>, numberFormat: NumberFormat, lineHasField: Bool
  ) {
    self.base = base
    self.capacity = capacity
    self.written = 0
    self.internedBytes = internedBytes
    self.internedEnds = internedEnds
    self.numberFormat = numberFormat
    self.hasField = lineHasField
  }

  // MARK: Fields (as CSVLineBuffer's)

  /// Appends the text field interned as number `index` (`CSVLineBuffer.interned(_:)`).
  @inlinable @inline(__always)
  public mutating func interned(_ index: Int) {
    separate()
    let start = index == 0 ? 0 : internedEnds[index - 1]
    let end = internedEnds[index]
    precondition(start >= 0 && start <= end && end <= internedBytes.count)
    // Safe: start...end lies inside the interned bytes (checked above).
    copy(from: internedBytes.baseAddress! + start, count: end - start)
  }

  /// Appends an integer field (`String(value)`). A digit (a quarter, a month below 10)
  /// is one byte here, inlined where the line is written; any other goes to `digits`.
  @inlinable @inline(__always)
  public mutating func integer(_ value: Int) {
    separate()
    if value >= 0 && value < 10 {
      append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
      return
    }
    digits(value)
  }

  /// `integer`'s digits for a value that is not one digit.
  @usableFromInline
  mutating func digits(_ value: Int) {
    if value >= 0 && value < 100_000_000 {
      // Years, counts: one word of digits, no buffer in between.
      let word = DecimalDigits.eightDigits(UInt32(truncatingIfNeeded: value))
      appendDigits(word, from: 8 - DecimalDigits.digitCount(UInt64(value)), to: 8)
      return
    }
    NumberFormat.appendInteger(value, to: &self)
  }

  /// Appends a number field in `numberFormat`; empty when `value` is nil or not finite.
  ///
  /// The usual value — a rate or a pace, shortest form, not an integer, 10⁻³ ≤ |x| <
  /// 10¹⁵ — is written as `NumberFormat.appendPlainShortest` writes it, with one check
  /// of the free space and word stores (`fixedPoint`): `quarterly` writes two a line.
  public mutating func number(_ value: Double?) {
    separate()
    guard let value else { return }
    if case .shortest = numberFormat, let (digits, fractionDigits) = NumberFormat.plainShortestDigits(value),
      fixedPoint(digits, fractionDigits: fractionDigits, negative: value < 0)
    {
      return
    }
    numberFormat.append(value, to: &self)
  }

  /// Appends `digits`·10^−`fractionDigits` (at most 17 digits, 1 ≤ `fractionDigits` ≤
  /// 19) in plain notation, the bytes of `NumberFormat.appendFixedPoint`: the sign, the
  /// integer digits (`0` below 1), the point, the fraction digits with their leading
  /// zeros — at most 22 bytes, written as at most five word stores from the digits'
  /// words (`DecimalDigits.paddedWords`), each overwriting the unused tail of the one
  /// before. False, writing nothing, when fewer than 48 bytes are free (the stores reach
  /// 42 bytes past the start).
  @inline(__always)
  mutating func fixedPoint(_ digits: UInt64, fractionDigits fraction: Int, negative: Bool) -> Bool {
    guard capacity - written >= 48 else { return false }
    let decimal = DecimalDigits(digits)
    let count = decimal.count
    precondition(count <= 17 && fraction >= 1 && fraction <= 19)
    let integerDigits = count - fraction  // at most 16 (count ≤ 17, fraction ≥ 1)
    // Safe: every store below ends at most 1 + 16 + 1 + 24 = 42 bytes past `start`, and
    // 48 bytes are free (checked above); the bytes counted are the text's.
    let start = UnsafeMutableRawPointer(base + written)
    var p = start
    if negative {
      p.storeBytes(of: UInt8(ascii: "-"), as: UInt8.self)
      p += 1
    }
    // One copy of the digit words on the stack for all the loads. Safe: each reads 8 of
    // its 32 bytes from an offset of at most 23 (count ≤ 17 and 1 ≤ fraction ≤ 19,
    // checked above: 24 − count ≥ 7; 32 − count ≤ 23 when there are over 8 integer
    // digits; 24 − fraction + 8 ≤ 23 past 8 fraction digits, + 16 ≤ 23 past 16).
    withUnsafeBytes(of: decimal.paddedWords) { words in
      if integerDigits > 0 {
        p.storeBytes(of: words.loadUnaligned(fromByteOffset: 24 - count, as: UInt64.self), as: UInt64.self)
        if integerDigits > 8 {
          let word = words.loadUnaligned(fromByteOffset: 32 - count, as: UInt64.self)
          p.storeBytes(of: word, toByteOffset: 8, as: UInt64.self)
        }
        p += integerDigits
      } else {
        p.storeBytes(of: UInt8(ascii: "0"), as: UInt8.self)
        p += 1
      }
      p.storeBytes(of: UInt8(ascii: "."), as: UInt8.self)
      p += 1
      let first = 24 - fraction  // the fraction digits, leading zeros included
      p.storeBytes(of: words.loadUnaligned(fromByteOffset: first, as: UInt64.self), as: UInt64.self)
      if fraction > 8 {
        let word = words.loadUnaligned(fromByteOffset: first + 8, as: UInt64.self)
        p.storeBytes(of: word, toByteOffset: 8, as: UInt64.self)
      }
      if fraction > 16 {
        let word = words.loadUnaligned(fromByteOffset: first + 16, as: UInt64.self)
        p.storeBytes(of: word, toByteOffset: 16, as: UInt64.self)
      }
    }
    p += fraction
    written += p - start
    return true
  }

  /// Appends the exact decimal `significand·10^exponent` (`CSVLineBuffer.decimal`).
  ///
  /// The usual figure — positive, below 10⁸ as an integer, at most 8 fraction digits,
  /// at least 10⁻⁴ — is written from one word of digits (`DecimalDigits.eightDigits`),
  /// the same bytes `NumberFormat.appendDecimal` writes: trailing fraction zeros dropped,
  /// plain digits, a leading `0.` below 1. The word's `0` bytes give the digit count
  /// (the zeros it is padded with on the left) and the trailing zeros, without a
  /// division by 10 for each; the parts go as word stores, each overwriting the unused
  /// tail of the one before.
  public mutating func decimal(significand: Int64, exponent: Int32) {
    separate()
    if case .shortest = numberFormat, significand > 0, significand < 100_000_000, exponent >= -8, exponent <= 0,
      capacity - written >= 24
    {
      let word = DecimalDigits.eightDigits(UInt32(truncatingIfNeeded: significand))
      // A zero byte for each `0` digit (the word is not zero: significand > 0).
      let zeros = word ^ 0x3030_3030_3030_3030
      let digits = 8 - zeros.trailingZeroBitCount >> 3  // the first digit in the lowest byte
      let fraction = Int(-exponent)
      // Plain notation from 10⁻⁴ on (`NumberFormat.appendDecimal`'s rule).
      if digits - 1 - fraction >= -4 {
        let kept = fraction - min(fraction, zeros.leadingZeroBitCount >> 3)  // fraction digits kept
        let integerDigits = digits - fraction
        // Safe: at most 8 + 1 + 8 bytes are stored from `written` on (each store is a
        // word), and 24 are free (checked above); the bytes counted are the text's.
        let start = UnsafeMutableRawPointer(base + written)
        var p = start
        if integerDigits > 0 {
          p.storeBytes(of: (word >> UInt64(8 * (8 - digits))).littleEndian, as: UInt64.self)
          p += integerDigits
        } else {
          p.storeBytes(of: UInt8(ascii: "0"), as: UInt8.self)
          p += 1
        }
        if kept > 0 {
          p.storeBytes(of: UInt8(ascii: "."), as: UInt8.self)
          p.storeBytes(of: (word >> UInt64(8 * (8 - fraction))).littleEndian, toByteOffset: 1, as: UInt64.self)
          p += 1 + kept
        }
        written += p - start
        return
      }
    }
    numberFormat.appendDecimal(significand: significand, exponent: exponent, to: &self)
  }

  /// Appends digits `start..<end` (0…8) of `word`, eight ASCII digits with the first in
  /// its lowest byte (`DecimalDigits.eightDigits`).
  @inline(__always)
  public mutating func append(digits word: UInt64, from start: Int, to end: Int) {
    appendDigits(word, from: start, to: end)
  }

  @inline(__always)
  mutating func appendDigits(_ word: UInt64, from start: Int, to end: Int) {
    precondition(start >= 0 && start <= end && end <= 8 && end - start <= capacity - written)
    var w = word >> UInt64(truncatingIfNeeded: 8 * start)
    if capacity - written >= 8 {
      // Safe: 8 bytes fit in the free space (checked); one unaligned store (SE-0349)
      // of which the first end − start bytes count, the rest is overwritten later.
      UnsafeMutableRawPointer(base + written).storeBytes(of: w.littleEndian, as: UInt64.self)
    } else {
      // Safe: end − start bytes fit in the free space (checked above).
      for k in 0..<(end - start) {
        base[written + k] = UInt8(truncatingIfNeeded: w)
        w >>= 8
      }
    }
    written += end - start
  }

  /// Appends an empty field.
  @inlinable
  public mutating func empty() {
    separate()
  }

  /// Ends the current line (LF).
  @inlinable
  public mutating func endLine() {
    append(UInt8(ascii: "\n"))
    hasField = false
  }

  /// Appends a copy of bytes written earlier in this closure, `range` in `count`'s
  /// units, as they are: whole fields with their separators, so the copy should start
  /// where a line starts and end after a field (the next field then adds its comma).
  @inlinable @inline(__always)
  public mutating func repeatBytes(from range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= written, "repeatBytes outside what was written")
    // Safe: the source lies in base[0..<count], written (checked above); `copy` checks
    // the destination.
    copy(from: base + range.lowerBound, count: range.count)
    hasField = !range.isEmpty
  }

  // MARK: ByteSink

  @inlinable
  public mutating func append(_ byte: UInt8) {
    precondition(written < capacity, "CSVLineWriter: the reserved space is full")
    // Safe: written < capacity, checked above.
    base[written] = byte
    written += 1
  }

  @inlinable
  public mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    copy(from: source, count: bytes.count)
  }

  /// Appends `n` bytes from `source` (readable for `n` bytes, not inside the space
  /// still free). Short runs, as names, numbers and repeated line starts are, go as
  /// words that overlap (the first 4, 8 or 16 bytes and the last as many), without a
  /// loop or a call to `memmove`; 1–3 bytes byte by byte; runs over 32 through `memmove`.
  @inlinable @inline(__always)
  mutating func copy(from source: UnsafePointer<UInt8>, count n: Int) {
    precondition(n >= 0 && n <= capacity - written, "CSVLineWriter: the reserved space is full")
    // Safe: written + n ≤ capacity, checked above; every load reads source[0..<n] and
    // every store writes base[written..<written + n], whatever n (the words overlap
    // when n is below 32, 16 or 8); the source is only read.
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(base + written)
    if n >= 8 && n <= 16 {
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
    } else if n > 16 && n <= 32 {
      // A double's digits (`0.39288329184360815`): two words from each end.
      let a = from.loadUnaligned(as: UInt64.self)
      let b = from.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      let c = from.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self)
      let d = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      to.storeBytes(of: a, as: UInt64.self)
      to.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
      to.storeBytes(of: c, toByteOffset: n - 16, as: UInt64.self)
      to.storeBytes(of: d, toByteOffset: n - 8, as: UInt64.self)
    } else if n >= 4 && n < 8 {
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
    } else if n < 4 {
      for k in 0..<n { base[written + k] = source[k] }
    } else {
      (base + written).update(from: source, count: n)
    }
    written += n
  }

  @inlinable @inline(__always)
  mutating func separate() {
    if hasField { append(UInt8(ascii: ",")) }
    hasField = true
  }
}

extension CSVLineBuffer {
  /// Lets `body` write lines of at most `maximum` bytes in all straight into the
  /// buffer's storage through a `CSVLineWriter` (same rules and bytes as the field
  /// methods; the line state carries over both ways). The space is reserved with the
  /// array's amortized growth, and what `body` wrote is kept.
  public mutating func appendLines(reserving maximum: Int, _ body: (inout CSVLineWriter) -> Void) {
    var hasField = lineHasField
    let format = numberFormat
    bytes.append(addingCapacity: maximum) { span in
      span.withUnsafeMutableBufferPointer { free, initialized in
        internedBytes.withUnsafeBufferPointer { internedBytes in
          internedEnds.withUnsafeBufferPointer { internedEnds in
            // Safe: `free` is the array's reserved, uninitialized space after its
            // elements (UInt8 needs no initialization beyond the stores the writer
            // makes, all inside `free`); the array keeps the first `writer.count`.
            var writer = CSVLineWriter(
              base: free.baseAddress!, capacity: free.count, internedBytes: internedBytes,
              internedEnds: internedEnds, numberFormat: format, lineHasField: hasField)
            body(&writer)
            initialized = writer.count
            hasField = writer.lineHasField
          }
        }
      }
    }
    lineHasField = hasField
  }
}
