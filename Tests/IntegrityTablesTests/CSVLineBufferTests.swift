import Testing
import TestSupport

@testable import IntegrityTables

/// `CSVLineBuffer` against the CSV rules written out by hand (RFC 4180 §2, OWASP "CSV
/// Injection"), and `CSVWriter` (now built on it) against the writer it replaced,
/// kept below as `LegacyCSVWriter`, on seeded random tables.
@Suite struct CSVLineBufferTests {
  static func line(raw: Bool = false, _ build: (inout CSVLineBuffer) -> Void) -> String {
    var csv = CSVLineBuffer(raw: raw)
    build(&csv)
    return String(decoding: csv.bytes, as: UTF8.self)
  }

  /// (text, expected field, expected field when raw)
  static let textCases: [(String, String, String)] = [
    ("plain", "plain", "plain"),
    ("", "", ""),
    ("a,b", "\"a,b\"", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\"", "\"say \"\"hi\"\"\""),
    ("\"", "\"\"\"\"", "\"\"\"\""),
    ("two\nlines", "\"two\nlines\"", "\"two\nlines\""),
    ("cr\rhere", "\"cr\rhere\"", "\"cr\rhere\""),
    ("=SUM(A1:A2)", "'=SUM(A1:A2)", "=SUM(A1:A2)"),
    ("+1", "'+1", "+1"),
    ("-1.5", "'-1.5", "-1.5"),
    ("@cmd", "'@cmd", "@cmd"),
    ("\tx", "'\tx", "\tx"),
    ("\rx", "\"'\rx\"", "\"\rx\""),
    ("=a,b", "\"'=a,b\"", "\"=a,b\""),
    ("=\"x\"", "\"'=\"\"x\"\"\"", "\"=\"\"x\"\"\""),
    ("a=b", "a=b", "a=b"),
    (" -1", " -1", " -1"),
    ("臺灣臺北地方檢察署", "臺灣臺北地方檢察署", "臺灣臺北地方檢察署"),
    ("法務部，廉政署", "法務部，廉政署", "法務部，廉政署"),  // full-width comma: no quotes
    ("'quoted'", "'quoted'", "'quoted'"),
  ]

  @Test func textFieldsFollowTheRules() {
    for (text, guarded, raw) in Self.textCases {
      #expect(Self.line { $0.text(text) } == guarded, "text \(text.debugDescription)")
      #expect(Self.line(raw: true) { $0.text(text) } == raw, "raw text \(text.debugDescription)")
      #expect(Self.line { $0.text(utf8: Array(text.utf8)) } == guarded)
      #expect(Self.line { $0.text(utf8: text.utf8.reversed().reversed()) } == guarded)  // not contiguous
      #expect(Self.line { $0.field(CSVLineBuffer.Field(text: text)) } == guarded)
      #expect(Self.line(raw: true) { $0.field($0.escaped(text)) } == raw)
    }
  }

  @Test func internedFieldsAreEscapedOnce() {
    let texts = Self.textCases.map(\.0)
    for raw in [false, true] {
      var csv = CSVLineBuffer(raw: raw)
      let first = csv.intern(["unused"])
      let numbers = csv.intern(texts)
      #expect(first == 0..<1 && numbers == 1..<(1 + texts.count))
      var expected = CSVLineBuffer(raw: raw)
      for (i, text) in texts.enumerated().reversed() {
        csv.interned(numbers.lowerBound + i)
        expected.text(text)
        if i % 3 == 0 {
          csv.endLine()
          expected.endLine()
        }
      }
      csv.interned(first.lowerBound)
      expected.text("unused")
      #expect(csv.bytes == expected.bytes, "raw \(raw)")
    }
  }

  @Test func separatorsNumbersAndLines() {
    let text = Self.line {
      $0.header(["name", "n", "x"])
      $0.text("a"); $0.integer(-42); $0.number(-1.5); $0.endLine()
      $0.empty(); $0.empty(); $0.number(nil); $0.endLine()
      $0.number(.infinity); $0.number(.nan); $0.number(-0.0); $0.endLine()
      $0.boolean(true); $0.boolean(false); $0.number(3); $0.endLine()
      $0.empty(); $0.endLine()
      $0.integer(.min); $0.number(1e16); $0.number(0.1); $0.endLine()
    }
    #expect(
      text == """
        name,n,x
        a,-42,-1.5
        ,,
        ,,0
        true,false,3

        -9223372036854775808,1e+16,0.1

        """)
  }

  @Test func significantDigitsAndByteOrderMark() {
    var csv = CSVLineBuffer(numberFormat: .significant(3))
    csv.byteOrderMark()
    csv.number(3.14159)
    csv.number(123_456)
    csv.endLine()
    #expect(csv.bytes == [0xEF, 0xBB, 0xBF] + Array("3.14,123000\n".utf8))
  }

  @Test func flushKeepsTheLineState() throws {
    var csv = CSVLineBuffer()
    csv.text("a")
    csv.removeAll()
    csv.text("b")
    csv.endLine()
    #expect(csv.bytes == Array(",b\n".utf8))
    #expect(csv.lineHasField == false)
  }

  // MARK: Differential: CSVWriter against the writer it replaced

  static let alphabet: [String] = ["a", "Z", "0", "9", ",", "\"", "\n", "\r", "\t", "=", "+", "-", "@", " ", "'", "臺", "署", "，", "é", "😀"]

  static func randomTable(_ rng: inout SplitMix64) -> Table {
    let rows = Int.random(in: 0...30, using: &rng)
    var columns: [Column] = []
    for c in 0..<Int.random(in: 1...6, using: &rng) {
      let name = randomText(&rng) + "\(c)"
      switch Int.random(in: 0..<4, using: &rng) {
      case 0:
        columns.append(Column(name, text: (0..<rows).map { _ in Bool.random(using: &rng) ? randomText(&rng) : nil }))
      case 1:
        columns.append(Column(name, numbers: (0..<rows).map { _ in randomDouble(&rng) }))
      case 2:
        columns.append(Column(name, integers: (0..<rows).map { _ in
          Int.random(in: 0..<5, using: &rng) == 0 ? nil : Int(bitPattern: UInt(rng.next())) >> Int.random(in: 0..<64, using: &rng)
        }))
      default:
        columns.append(Column(name, booleans: (0..<rows).map { _ in
          Int.random(in: 0..<3, using: &rng) == 0 ? nil : Bool.random(using: &rng)
        }))
      }
    }
    return Table(columns: columns)
  }

  static func randomText(_ rng: inout SplitMix64) -> String {
    String((0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined())
  }

  static func randomDouble(_ rng: inout SplitMix64) -> Double? {
    switch Int.random(in: 0..<6, using: &rng) {
    case 0: nil
    case 1: Double(bitPattern: rng.next())
    case 2: Double(Int.random(in: -100_000...100_000, using: &rng)) / 100
    case 3: [.infinity, -.infinity, .nan, 0, -0.0, 9_007_199_254_740_992].randomElement(using: &rng)!
    default: Double.random(in: -1000...1000, using: &rng)
    }
  }

  @Test func csvWriterMatchesTheReplacedWriter() {
    var rng = SplitMix64(seed: 4181)
    let formats: [NumberFormat] = [.shortest, .significant(1), .significant(4), .significant(15)]
    for trial in 0..<400 {
      let table = Self.randomTable(&rng)
      let format = formats[trial % formats.count]
      let raw = trial % 3 == 0
      let bom = trial % 7 == 0
      let new = CSVWriter(numberFormat: format, raw: raw, byteOrderMark: bom).bytes(table)
      let old = LegacyCSVWriter(numberFormat: format, raw: raw, byteOrderMark: bom).bytes(table)
      #expect(new == old, "trial \(trial)")
    }
  }
}

/// The CSV writer as it was before `CSVLineBuffer` (verbatim but for the name), the
/// oracle for `csvWriterMatchesTheReplacedWriter`.
private struct LegacyCSVWriter {
  var numberFormat: NumberFormat
  var raw: Bool
  var byteOrderMark: Bool

  func bytes(_ table: Table) -> [UInt8] {
    var out: [UInt8] = []
    if byteOrderMark { out += [0xEF, 0xBB, 0xBF] }
    for (i, column) in table.columns.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      appendText(column.name, to: &out)
    }
    out.append(UInt8(ascii: "\n"))
    for row in 0..<table.rowCount {
      for (i, column) in table.columns.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        appendCell(column[row], to: &out)
      }
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  func appendCell(_ cell: Cell, to out: inout [UInt8]) {
    switch cell {
    case .empty: break
    case .text(let s): appendText(s, to: &out)
    case .number(let x): if let s = numberFormat.string(x) { out += s.utf8 }
    case .integer(let n): out += String(n).utf8
    case .boolean(let b): out += (b ? "true" : "false").utf8
    }
  }

  func appendText(_ text: String, to out: inout [UInt8]) {
    let utf8 = text.utf8
    let guarded = !raw && utf8.first.map { Self.formulaStarters.contains($0) } == true
    let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    if needsQuotes { out.append(0x22) }
    if guarded { out.append(UInt8(ascii: "'")) }
    for byte in utf8 {
      if byte == 0x22 { out.append(0x22) }
      out.append(byte)
    }
    if needsQuotes { out.append(0x22) }
  }

  static let formulaStarters: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
}
