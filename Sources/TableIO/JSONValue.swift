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

  /// Row `row` as a JSON object (the items of `json`).
  public func jsonObject(_ row: Int) -> JSONValue {
    .object(columns.map { ($0.name, JSONValue($0[row])) })
  }

  /// Appends each row as an item of `json` indented by `indent`, each preceded by a
  /// comma: `,\n  {…}`. A streamed array is `[`, the items with the first comma
  /// dropped, then `\n]` (or `[]` when there are none) — the bytes of
  /// `json.serialized(numberFormat:indent:)`, written a chunk of rows at a time.
  public func appendJSONItems(to out: inout String, numberFormat: NumberFormat = .shortest, indent: Int = 2) {
    for row in 0..<rowCount {
      out += ",\n"
      out += String(repeating: " ", count: indent)
      jsonObject(row).write(to: &out, numberFormat: numberFormat, indent: indent, depth: 1)
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
