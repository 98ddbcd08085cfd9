import CExpat
import Foundation

/// The receiver of a spreadsheet part's XML events (see `XMLStream`).
///
/// Element and attribute names arrive as ids into the `XMLVocabulary` the stream was
/// made with (`-1`: a name the handler did not ask for). Character data is appended to
/// `text` while `collectsText` is true; the handler clears `text` itself.
protocol XMLHandler: AnyObject {
  var collectsText: Bool { get }
  var text: [UInt8] { get set }
  func startElement(_ name: Int, _ attributes: XMLAttributes) throws
  func endElement(_ name: Int) throws
}

/// The names a handler cares about, each a namespace URI and a local name (an
/// attribute without a prefix has no namespace: pass `""`). Ids are indices into
/// `names`.
struct XMLVocabulary {
  let names: [(namespace: String, local: String)]
  /// Expat's spelling of each name (`URI` + separator + local, or local alone),
  /// by hash: an open-addressed table of indices into `spelled`.
  fileprivate let spelled: [[UInt8]]
  fileprivate let slots: [Int32]
  fileprivate let mask: Int

  init(_ names: [(namespace: String, local: String)]) {
    self.names = names
    spelled = names.map {
      $0.namespace.isEmpty ? Array($0.local.utf8) : Array($0.namespace.utf8) + [XMLStream.separator] + Array($0.local.utf8)
    }
    var size = 16
    while size < names.count * 4 { size *= 2 }
    var slots = [Int32](repeating: -1, count: size)
    for (i, name) in spelled.enumerated() {
      var h = name.withUnsafeBytes { XMLVocabulary.hash($0.baseAddress!, $0.count) } & (size - 1)
      while slots[h] >= 0 { h = (h + 1) & (size - 1) }
      slots[h] = Int32(i)
    }
    self.slots = slots
    mask = size - 1
  }

  /// A hash of a name from its length and its last eight bytes (names in one
  /// namespace share their start; their local names differ at the end).
  fileprivate static func hash(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    var tail: UInt64 = 0
    if count >= 8 {
      tail = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    } else {
      for i in 0..<count { tail = tail << 8 | UInt64(bytes.load(fromByteOffset: i, as: UInt8.self)) }
    }
    return Int(truncatingIfNeeded: ((tail ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> 33)
  }
}

/// The attributes of one start tag that the handler named in its vocabulary; values
/// are UTF-8 bytes (entities already resolved by expat).
struct XMLAttributes {
  fileprivate(set) var ids: [Int] = []
  fileprivate(set) var ranges: [Range<Int>] = []
  fileprivate(set) var bytes: [UInt8] = []

  /// The value of attribute `id`, if present.
  func value(_ id: Int) -> ArraySlice<UInt8>? {
    for i in ids.indices where ids[i] == id { return bytes[ranges[i]] }
    return nil
  }

  func string(_ id: Int) -> String? { value(id).map { String(decoding: $0, as: UTF8.self) } }

  /// A non-negative decimal integer attribute (nil when absent or not such a number).
  func integer(_ id: Int) -> Int? {
    guard let v = value(id), !v.isEmpty, v.count <= 18 else { return nil }
    var n = 0
    for b in v {
      guard b >= 0x30, b <= 0x39 else { return nil }
      n = n * 10 + Int(b - 0x30)
    }
    return n
  }

  fileprivate mutating func removeAll() {
    ids.removeAll(keepingCapacity: true)
    ranges.removeAll(keepingCapacity: true)
    bytes.removeAll(keepingCapacity: true)
  }
}

/// A streaming XML parser over expat (`XML_Parse` chunk by chunk, in namespace mode),
/// delivering events to an `XMLHandler`. Nothing is kept of the document but the
/// handler's own state, so a part of any size parses in bounded memory.
///
/// This is the only file of IntegrityStats that calls expat or touches its pointers:
/// every callback copies what it needs into Swift arrays before returning. A handler
/// that throws stops the parser (`XML_StopParser`); the error is rethrown by `feed`.
/// Malformed XML becomes `XMLStream.Failure` with expat's message and line.
///
/// Entity expansion: expat 2.4+ limits amplification ("billion laughs") itself, and
/// external entities are never loaded (no handler is set for them).
final class XMLStream {
  /// Between a namespace URI and a local name in expat's names: a byte XML forbids in
  /// both, so a name cannot be misread.
  static let separator: UInt8 = 0x01

  struct Failure: Error {
    var message: String
    var line: Int
  }

  private let parser: XML_Parser
  private let vocabulary: XMLVocabulary
  private let handler: any XMLHandler
  private var attributes = XMLAttributes()
  private var pending: (any Error)?

  init(vocabulary: XMLVocabulary, handler: any XMLHandler) {
    parser = XML_ParserCreateNS(nil, XML_Char(bitPattern: XMLStream.separator))
    self.vocabulary = vocabulary
    self.handler = handler
    XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
    XML_SetElementHandler(
      parser,
      { user, name, atts in XMLStream.from(user).start(name, atts) },
      { user, name in XMLStream.from(user).end(name) })
    XML_SetCharacterDataHandler(parser) { user, text, length in
      let stream = XMLStream.from(user)
      guard stream.handler.collectsText, let text, length > 0 else { return }
      text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
        stream.handler.text.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
      }
    }
  }

  deinit { XML_ParserFree(parser) }

  /// Parses the next chunk of the document; `isFinal` on the last (possibly empty) one.
  func feed(_ chunk: Data, isFinal: Bool = false) throws {
    let status = chunk.withUnsafeBytes { raw -> XML_Status in
      let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
      return XML_Parse(parser, base, Int32(raw.count), isFinal ? 1 : 0)
    }
    if let pending { throw pending }
    if status == XML_STATUS_ERROR {
      let code = XML_GetErrorCode(parser)
      throw Failure(
        message: String(cString: XML_ErrorString(code)), line: Int(XML_GetCurrentLineNumber(parser)))
    }
  }

  /// Parses a whole document held in memory.
  func parse(_ document: Data) throws {
    try feed(document, isFinal: true)
  }

  /// Stops parsing from inside a handler: `feed` then throws `error`.
  private func stop(_ error: any Error) {
    pending = error
    XML_StopParser(parser, 0)
  }

  private static func from(_ user: UnsafeMutableRawPointer?) -> XMLStream {
    Unmanaged<XMLStream>.fromOpaque(user!).takeUnretainedValue()
  }

  private func id(of name: UnsafePointer<XML_Char>) -> Int {
    let count = strlen(name)
    let raw = UnsafeRawPointer(name)
    var h = XMLVocabulary.hash(raw, count) & vocabulary.mask
    while true {
      let slot = Int(vocabulary.slots[h])
      if slot < 0 { return -1 }
      let equal = vocabulary.spelled[slot].withUnsafeBytes { $0.count == count && memcmp($0.baseAddress!, raw, count) == 0 }
      if equal { return slot }
      h = (h + 1) & vocabulary.mask
    }
  }

  private func start(_ name: UnsafePointer<XML_Char>?, _ atts: UnsafeMutablePointer<UnsafePointer<XML_Char>?>?) {
    guard pending == nil, let name else { return }
    attributes.removeAll()
    if let atts {
      var i = 0
      while let key = atts[i], let value = atts[i + 1] {
        let id = id(of: key)
        if id >= 0 {
          let start = attributes.bytes.count
          value.withMemoryRebound(to: UInt8.self, capacity: 1) {
            attributes.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: strlen(value)))
          }
          attributes.ids.append(id)
          attributes.ranges.append(start..<attributes.bytes.count)
        }
        i += 2
      }
    }
    do { try handler.startElement(id(of: name), attributes) } catch { stop(error) }
  }

  private func end(_ name: UnsafePointer<XML_Char>?) {
    guard pending == nil, let name else { return }
    do { try handler.endElement(id(of: name)) } catch { stop(error) }
  }
}
