import TableIO

/// The blocks of one file through the fast lane: read (`BlockInput`), decoded to UTF-8
/// (CP950 through `TextDecoder`, UTF-8 validated), parsed (`ColumnarBlockParser`), with
/// an incomplete last record carried into the next block.
final class ColumnarStream {
  private var input: BlockInput
  private(set) var parser: ColumnarBlockParser
  private let isBig5: Bool
  private let source: String
  private var pending: (bytes: [UInt8], isLast: Bool)?
  private var carry: [UInt8] = []
  /// Why the fast lane gave up, once it has.
  private(set) var irregular: String?
  /// The decoded bytes parsed so far (complete records).
  private(set) var bytesParsed = 0

  /// Starts with `first`, the rest of the first block after the header; nil when it
  /// does not decode.
  init?(
    input: consuming BlockInput, parser: ColumnarBlockParser, isBig5: Bool, source: String,
    first: ArraySlice<UInt8>, firstIsLast: Bool
  ) {
    self.input = input
    self.parser = parser
    self.isBig5 = isBig5
    self.source = source
    guard let bytes = ColumnarStream.decode(Array(first), isBig5: isBig5, source: source) else { return nil }
    pending = (bytes, firstIsLast)
  }

  /// The block as UTF-8 (the same array when it is valid UTF-8 already).
  static func decode(_ raw: [UInt8], isBig5: Bool, source: String) -> [UInt8]? {
    if isBig5 { return try? TextDecoder.decode(raw, encoding: .big5, source: source).utf8 }
    return TextDecoder.firstInvalidUTF8(raw) == nil ? raw : nil
  }

  /// Parses the next block into `consumer`; false at the end, or once irregular or
  /// declined (see `irregular`).
  func next<Consumer: ColumnarConsumer>(into consumer: inout Consumer) throws -> Bool {
    guard irregular == nil, let (bytes, isLast) = pending.take() else { return false }
    var block: [UInt8]
    if carry.isEmpty { block = consume bytes } else { block = carry + bytes }
    switch parser.parse(block, isLast: isLast, into: &consumer) {
    case .irregular(let reason):
      irregular = reason
      return false
    case .declined:
      irregular = "declined by the consumer"
      return false
    case .consumed(let k):
      bytesParsed += k
      carry = k < block.count ? Array(block[k...]) : []
    }
    if isLast {
      pending = nil
    } else if let raw = try input.next(reusing: consume block) {
      guard let utf8 = ColumnarStream.decode(raw.bytes, isBig5: isBig5, source: source) else {
        irregular = "the encoding changes after the first block"
        return false
      }
      pending = (utf8, raw.isLast)
    } else {
      pending = ([], true)
    }
    return true
  }
}
