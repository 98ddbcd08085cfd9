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
/// `names`; when a name is listed twice the first id wins.
struct XMLVocabulary {
  let names: [(namespace: String, local: String)]
  init(_ names: [(namespace: String, local: String)]) { self.names = names }
}

/// Names as written in the document (`prefix:local`) → ids: an open-addressed table
/// hashed by length and last eight bytes (names of one namespace share their start).
private struct NameTable {
  private var spelled: [[UInt8]] = []
  private var ids: [Int] = []
  private var slots: [Int32]
  private var mask: Int

  init(_ entries: [(spelling: [UInt8], id: Int)]) {
    var size = 16
    while size < entries.count * 4 { size *= 2 }
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
    for (spelling, id) in entries where !spelled.contains(spelling) {
      var h = spelling.withUnsafeBytes { NameTable.hash($0.baseAddress!, $0.count) } & mask
      while slots[h] >= 0 { h = (h + 1) & mask }
      slots[h] = Int32(spelled.count)
      spelled.append(spelling)
      ids.append(id)
    }
  }

  static func hash(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    var tail: UInt64 = 0
    if count >= 8 {
      tail = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    } else {
      for i in 0..<count { tail = tail << 8 | UInt64(bytes.load(fromByteOffset: i, as: UInt8.self)) }
    }
    return Int(truncatingIfNeeded: ((tail ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> 33)
  }

  func id(_ raw: UnsafeRawPointer, _ count: Int) -> Int {
    var h = NameTable.hash(raw, count) & mask
    while true {
      let slot = Int(slots[h])
      if slot < 0 { return -1 }
      let equal = spelled[slot].withUnsafeBytes { $0.count == count && memcmp($0.baseAddress!, raw, count) == 0 }
      if equal { return ids[slot] }
      h = (h + 1) & mask
    }
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

/// A streaming XML parser over expat (`XML_Parse` chunk by chunk), delivering events
/// to an `XMLHandler`. Nothing is kept of the document but the handler's own state, so
/// a part of any size parses in bounded memory.
///
/// Namespaces are resolved here, not by expat: names are looked up as written
/// (`table:table-cell`) in tables built from the `xmlns` declarations in scope, and
/// rebuilt only where a declaration opens or closes (a spreadsheet declares all on its
/// root). Expat's own namespace processing builds `URI + local` for every name, which
/// cost 40% of its time on a LibreOffice .ods (0.54 → 0.91 s CPU on 91 MB).
///
/// This is the only file of IntegrityStats that calls expat or touches its pointers:
/// every callback copies what it needs into Swift arrays before returning. A handler
/// that throws stops the parser (`XML_StopParser`); the error is rethrown by `feed`.
/// Malformed XML becomes `XMLStream.Failure` with expat's message and line.
///
/// Entity expansion: expat 2.4+ limits amplification ("billion laughs") itself, and
/// external entities are never loaded (no handler is set for them).
class XMLStream {
  struct Failure: Error {
    var message: String
    var line: Int
  }

  private let parser: XML_Parser
  private let vocabulary: XMLVocabulary
  private var attributes = XMLAttributes()
  private var pending: (any Error)?
  private var elementNames: NameTable
  private var attributeNames: NameTable
  /// `xmlns` declarations in scope: the depth of the element that made each.
  private var bindings: [(depth: Int, prefix: [UInt8], uri: String)] = []
  private var depth = 0
  /// Whether `lastEnd` is kept (two calls into expat per end tag, so only when asked).
  var recordsEnds = false
  /// The last end tag delivered while `recordsEnds`: its name's id and the offset in the
  /// document just after it.
  private(set) var lastEnd: (name: Int, offset: Int)?

  /// A stream delivering to `handler` (statically dispatched: the handler's type is
  /// known to the stream, not erased).
  static func make<Handler: XMLHandler>(vocabulary: XMLVocabulary, handler: Handler) -> XMLStream {
    HandlerStream(vocabulary: vocabulary, handler: handler)
  }

  fileprivate init(vocabulary: XMLVocabulary) {
    parser = XML_ParserCreate(nil)
    self.vocabulary = vocabulary
    (elementNames, attributeNames) = XMLStream.tables(vocabulary, bindings: [])
    XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
    XML_SetElementHandler(
      parser,
      { user, name, atts in XMLStream.from(user).start(name, atts) },
      { user, name in XMLStream.from(user).end(name) })
    XML_SetCharacterDataHandler(parser) { user, text, length in
      guard let text, length > 0 else { return }
      text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
        XMLStream.from(user).characters(UnsafeBufferPointer(start: $0, count: Int(length)))
      }
    }
  }

  // Overridden by `HandlerStream`, which knows the handler's type.
  fileprivate func deliverStart(_ name: Int, _ attributes: XMLAttributes) throws {}
  fileprivate func deliverEnd(_ name: Int) throws {}
  fileprivate func characters(_ text: UnsafeBufferPointer<UInt8>) {}

  deinit { XML_ParserFree(parser) }

  /// The spellings of the vocabulary under `bindings` (the last binding of a prefix
  /// wins): elements take the default namespace when unprefixed, attributes none.
  private static func tables(
    _ vocabulary: XMLVocabulary, bindings: [(depth: Int, prefix: [UInt8], uri: String)]
  ) -> (NameTable, NameTable) {
    var scope: [[UInt8]: String] = [:]
    for b in bindings { scope[b.prefix] = b.uri }
    var elements: [(spelling: [UInt8], id: Int)] = []
    var attributes: [(spelling: [UInt8], id: Int)] = []
    for (id, name) in vocabulary.names.enumerated() {
      let local = Array(name.local.utf8)
      if name.namespace.isEmpty {
        attributes.append((local, id))
        if (scope[[]] ?? "").isEmpty { elements.append((local, id)) }
        continue
      }
      for (prefix, uri) in scope.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where uri == name.namespace {
        if prefix.isEmpty {
          elements.append((local, id))
        } else {
          let spelling = prefix + [UInt8(ascii: ":")] + local
          elements.append((spelling, id))
          attributes.append((spelling, id))
        }
      }
    }
    return (NameTable(elements), NameTable(attributes))
  }

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

  /// `xmlns` (5 bytes) or `xmlns:` + prefix: the prefix, `[]` for the default.
  private static func declaredPrefix(_ key: UnsafePointer<XML_Char>) -> [UInt8]? {
    key.withMemoryRebound(to: UInt8.self, capacity: 1) { p in
      guard p[0] == UInt8(ascii: "x") else { return nil }
      let count = strlen(key)
      let name = UnsafeBufferPointer(start: p, count: count)
      guard name.starts(with: "xmlns".utf8) else { return nil }
      if count == 5 { return [] }
      guard name[5] == UInt8(ascii: ":") else { return nil }
      return Array(name[6...])
    }
  }

  private func start(_ name: UnsafePointer<XML_Char>?, _ atts: UnsafeMutablePointer<UnsafePointer<XML_Char>?>?) {
    guard pending == nil, let name else { return }
    depth += 1
    if let atts {
      var i = 0
      var declared = false
      while let key = atts[i], let value = atts[i + 1] {
        if let prefix = XMLStream.declaredPrefix(key) {
          bindings.append((depth, prefix, String(cString: value)))
          declared = true
        }
        i += 2
      }
      if declared { (elementNames, attributeNames) = XMLStream.tables(vocabulary, bindings: bindings) }
    }
    // The attribute buffers are moved out of the object for the call (one exclusivity
    // check instead of one per append) and back after it, keeping their capacity.
    var attributes = XMLAttributes()
    swap(&attributes, &self.attributes)
    defer { swap(&attributes, &self.attributes) }
    attributes.removeAll()
    if let atts {
      var i = 0
      while let key = atts[i], let value = atts[i + 1] {
        let id = attributeNames.id(UnsafeRawPointer(key), strlen(key))
        if id >= 0 {
          let start = attributes.bytes.count
          let count = strlen(value)
          value.withMemoryRebound(to: UInt8.self, capacity: count) {
            attributes.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
          }
          attributes.ids.append(id)
          attributes.ranges.append(start..<attributes.bytes.count)
        }
        i += 2
      }
    }
    let id = elementNames.id(UnsafeRawPointer(name), strlen(name))
    do { try deliverStart(id, attributes) } catch { stop(error) }
  }

  private func end(_ name: UnsafePointer<XML_Char>?) {
    defer {
      if bindings.last?.depth == depth {
        while bindings.last?.depth == depth { bindings.removeLast() }
        (elementNames, attributeNames) = XMLStream.tables(vocabulary, bindings: bindings)
      }
      depth -= 1
    }
    guard pending == nil, let name else { return }
    let id = elementNames.id(UnsafeRawPointer(name), strlen(name))
    if recordsEnds {
      lastEnd = (id, Int(XML_GetCurrentByteIndex(parser)) + Int(XML_GetCurrentByteCount(parser)))
    }
    do { try deliverEnd(id) } catch { stop(error) }
  }
}

/// `XMLStream` for a handler of type `Handler`.
private final class HandlerStream<Handler: XMLHandler>: XMLStream {
  let handler: Handler

  init(vocabulary: XMLVocabulary, handler: Handler) {
    self.handler = handler
    super.init(vocabulary: vocabulary)
  }

  override func deliverStart(_ name: Int, _ attributes: XMLAttributes) throws {
    try handler.startElement(name, attributes)
  }

  override func deliverEnd(_ name: Int) throws { try handler.endElement(name) }

  override func characters(_ text: UnsafeBufferPointer<UInt8>) {
    if handler.collectsText { handler.text.append(contentsOf: text) }
  }
}
