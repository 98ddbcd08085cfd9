import Testing
import TestSupport

@testable import IntegrityTables

/// `Table.appendJSONItems` (bytes straight from the cells) gives the text of
/// `JSONValue.serialized` for the same table, split at any row.
@Suite struct JSONItemsTests {
  static let texts: [String?] = [
    nil, "", "臺北", "a\"b", "back\\slash", "line\nbreak", "cr\rlf\r\n", "tab\t", "<script>&", "\u{2028}\u{2029}x",
    "\u{01}\u{1F}\u{7F}", "é\u{301}", "😀", "=公式", "\u{E2}", "€\u{2027}\u{202A}",
  ]

  static func randomTable(_ random: inout SplitMix64, rows: Int) -> Table {
    func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
    var texts: [String?] = []
    var numbers: [Double?] = []
    var integers: [Int?] = []
    var booleans: [Bool?] = []
    for _ in 0..<rows {
      texts.append(pick(Self.texts))
      let bits = random.next()
      numbers.append(
        pick([nil, 0, -0.0, 1.5, .nan, .infinity, Double(bitPattern: bits), Double(bits % 100_000) / 7, 1e-7, 123456789012345.67]))
      integers.append(pick([nil, 0, -1, Int.max, Int.min, Int(bits % 5000)]))
      booleans.append(pick([nil, true, false]))
    }
    return Table(columns: [
      Column("name \"q\"", text: texts), Column("x", numbers: numbers), Column("n", integers: integers),
      Column("ok", booleans: booleans),
    ])
  }

  @Test(arguments: [NumberFormat.shortest, .significant(3)])
  func itemsAreTheSerializedArray(format: NumberFormat) {
    var random = SplitMix64(seed: 42)
    for rows in [0, 1, 2, 7, 300] {
      let table = Self.randomTable(&random, rows: rows)
      let whole = table.json.serialized(numberFormat: format, indent: 2)
      // In two parts, as the streaming writer sends chunks.
      let cut = rows / 3
      var items: [UInt8] = []
      for part in [0..<cut, cut..<rows] {
        let slice = Table(columns: table.columns.map { Self.rows($0, part) })
        slice.appendJSONItems(to: &items, numberFormat: format)
      }
      let streamed = items.isEmpty ? "[]" : "[" + String(decoding: items.dropFirst(), as: UTF8.self) + "\n]"
      #expect(streamed == whole, "rows \(rows)")
      #expect(String(decoding: table.jsonBytes(numberFormat: format), as: UTF8.self) == whole, "rows \(rows)")
    }
  }

  static func rows(_ column: Column, _ part: Range<Int>) -> Column {
    switch column.values {
    case .text(let v): Column(column.name, text: Array(v[part]))
    case .number(let v): Column(column.name, numbers: Array(v[part]))
    case .integer(let v): Column(column.name, integers: Array(v[part]))
    case .boolean(let v): Column(column.name, booleans: Array(v[part]))
    }
  }

  @Test func escapesLikeTheStringEscaper() {
    for text in Self.texts.compactMap({ $0 }) {
      var string = ""
      JSONValue.escape(text, into: &string)
      var bytes: [UInt8] = []
      JSONValue.escape(text, into: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == string, "\(text.debugDescription)")
    }
  }
}
