/// Where the number formatters (`NumberFormat+Bytes`) put their bytes: a growing
/// `[UInt8]` (`CSVLineBuffer`), or the space a `CSVLineWriter` writes lines into.
public protocol ByteSink: ~Copyable {
  mutating func append(_ byte: UInt8)
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {}
