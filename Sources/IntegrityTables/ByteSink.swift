/// Where the number formatters (`NumberFormat+Bytes`) put their bytes: a growing
/// `[UInt8]` (`CSVLineBuffer`), or the space a `CSVLineWriter` writes lines into.
public protocol ByteSink: ~Copyable {
  mutating func append(_ byte: UInt8)
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
  /// Appends bytes `start..<end` (0 ≤ start ≤ end ≤ 8) of `word`, lowest byte first:
  /// ASCII digits as `DecimalDigits` holds them. A sink that stores straight into
  /// memory does it without a call per byte.
  mutating func append(digits word: UInt64, from start: Int, to end: Int)
}

extension ByteSink where Self: ~Copyable {
  public mutating func append(digits word: UInt64, from start: Int, to end: Int) {
    var w = word >> UInt64(truncatingIfNeeded: 8 * start)
    for _ in start..<end {
      append(UInt8(truncatingIfNeeded: w))
      w >>= 8
    }
  }
}

extension Array: ByteSink where Element == UInt8 {}
