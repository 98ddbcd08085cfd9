/// A JSON document with ordered object keys, written deterministically.
///
/// Strings are escaped per RFC 8259 (`"`, `\`, and every control character below
/// U+0020; `<`, `>`, `&` and U+2028/U+2029 are also escaped as `\uXXXX` so the text
/// is safe inside HTML `<script>` blocks). Numbers use `NumberFormat`; a non-finite
/// number is written as `null`.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// Compact or indented UTF-8 text, ending without a newline.
  public func serialized(numberFormat: NumberFormat = .shortest, indent: Int? = nil) -> String {
    var out = ""
    write(to: &out, numberFormat: numberFormat, indent: indent, depth: 0)
    return out
  }

  fileprivate func write(to out: inout String, numberFormat: NumberFormat, indent: Int?, depth: Int) {
    func newline(_ d: Int) {
      guard let indent else { return }
      out += "\n"
      out += String(repeating: " ", count: indent * d)
    }
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x): out += numberFormat.string(x) ?? "null"
    case .integer(let n): out += String(n)
    case .string(let s): JSONValue.escape(s, into: &out)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        newline(depth + 1)
        item.write(to: &out, numberFormat: numberFormat, indent: indent, depth: depth + 1)
      }
      newline(depth)
      out += "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{"
      for (i, (key, value)) in members.enumerated() {
        if i > 0 { out += "," }
        newline(depth + 1)
        JSONValue.escape(key, into: &out)
        out += indent == nil ? ":" : ": "
        value.write(to: &out, numberFormat: numberFormat, indent: indent, depth: depth + 1)
      }
      newline(depth)
      out += "}"
    }
  }

  /// Appends `text` as a JSON string literal.
  public static func escape(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        out += hex(scalar.value)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += hex(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }

  /// Appends `text` as a JSON string literal in UTF-8: the bytes of `escape(_:into:)`.
  public static func escape(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var k = 0
      while k < utf8.count {
        let b = utf8[k]
        switch b {
        case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
        case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x7F, 0x00..<0x20:
          out.append(contentsOf: hex(UInt32(b)).utf8)
        case 0xE2 where k + 2 < utf8.count && utf8[k + 1] == 0x80 && (utf8[k + 2] == 0xA8 || utf8[k + 2] == 0xA9):
          // U+2028, U+2029 (line and paragraph separators).
          out.append(contentsOf: hex(utf8[k + 2] == 0xA8 ? 0x2028 : 0x2029).utf8)
          k += 2
        default: out.append(b)
        }
        k += 1
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = Array("0123456789abcdef")
    var s = "\\u"
    for shift in stride(from: 12, through: 0, by: -4) {
      s.append(digits[Int((value >> UInt32(shift)) & 0xF)])
    }
    return s
  }
}

extension Table {
  /// The table as a JSON array of objects with the same keys as the CSV header.
  public var json: JSONValue {
    .array((0..<rowCount).map(jsonObject))
  }

  /// `json.serialized(numberFormat:indent:)` as UTF-8 bytes, built by `appendJSONItems`.
  public func jsonBytes(numberFormat: NumberFormat = .shortest, indent: Int = 2) -> [UInt8] {
    var items: [UInt8] = []
    appendJSONItems(to: &items, numberFormat: numberFormat, indent: indent)
    guard !items.isEmpty else { return Array("[]".utf8) }
    items[0] = UInt8(ascii: "[")  // the first item's comma
    items.append(contentsOf: "\n]".utf8)
    return items
  }

  /// Row `row` as a JSON object (the items of `json`).
  public func jsonObject(_ row: Int) -> JSONValue {
    .object(columns.map { ($0.name, JSONValue($0[row])) })
  }

  /// Appends each row as an item of `json` indented by `indent`, each preceded by a
  /// comma: `,\n  {…}`, as UTF-8. A streamed array is `[`, the items with the first
  /// comma dropped, then `\n]` (or `[]` when there are none) — the bytes of
  /// `json.serialized(numberFormat:indent:)`, written a chunk of rows at a time.
  ///
  /// Written straight from the cells (keys escaped once, numbers by
  /// `NumberFormat.append`), without a `JSONValue` per cell: the same text
  /// (JSONItemsTests compares them on random tables), several times faster.
  public func appendJSONItems(to out: inout [UInt8], numberFormat: NumberFormat = .shortest, indent: Int = 2) {
    let itemIndent = [UInt8](repeating: 0x20, count: indent)
    let memberIndent = [UInt8](repeating: 0x20, count: 2 * indent)
    // `"key": ` for each column.
    let keys = columns.map { column -> [UInt8] in
      var key: [UInt8] = []
      JSONValue.escape(column.name, into: &key)
      return key + Array(": ".utf8)
    }
    for row in 0..<rowCount {
      out.append(contentsOf: ",\n".utf8)
      out.append(contentsOf: itemIndent)
      if columns.isEmpty {
        out.append(contentsOf: "{}".utf8)
        continue
      }
      out.append(UInt8(ascii: "{"))
      for (i, column) in columns.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: memberIndent)
        out.append(contentsOf: keys[i])
        switch column[row] {
        case .empty: out.append(contentsOf: "null".utf8)
        case .boolean(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let n): NumberFormat.appendInteger(n, to: &out)
        case .number(let x):
          let start = out.count
          numberFormat.append(x, to: &out)
          if out.count == start { out.append(contentsOf: "null".utf8) }
        case .text(let s): JSONValue.escape(s, into: &out)
        }
      }
      out.append(UInt8(ascii: "\n"))
      out.append(contentsOf: itemIndent)
      out.append(UInt8(ascii: "}"))
    }
  }
}

extension JSONValue {
  /// The JSON form of one table cell (`empty` is `null`).
  public init(_ cell: Cell) {
    switch cell {
    case .empty: self = .null
    case .text(let s): self = .string(s)
    case .number(let x): self = .number(x)
    case .integer(let n): self = .integer(n)
    case .boolean(let b): self = .bool(b)
    }
  }
}
