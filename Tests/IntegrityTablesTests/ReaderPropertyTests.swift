import Testing
import TestSupport
@testable import IntegrityTables
@testable import IntegrityDecimal


/// Property: any table our writer produces reads back cell for cell.
@Suite struct ReaderPropertyTests {
  static let pieces = ["a", "年度", "臺北地檢署", ",", "\"", "\n", "\r\n", " ", "1,234", "－", "…", "=1+2", "x\"y", "碁"]

  func randomCell(_ rng: inout SplitMix64) -> String {
    (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
  }

  @Test(arguments: 0..<40)
  func writtenTablesReadBack(_ seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed))
    let columns = Int.random(in: 1...6, using: &rng)
    let rows = Int.random(in: 1...30, using: &rng)
    let header = (0..<columns).map { "c\($0)" }
    var cells = (0..<rows).map { _ in (0..<columns).map { _ in randomCell(&rng) } }
    // A row whose cells are all empty is a blank line by design; give it one character.
    for r in cells.indices where cells[r].allSatisfy(\.isEmpty) { cells[r][0] = "a" }
    let table = Table(columns: (0..<columns).map { c in Column(header[c], text: cells.map { $0[c] }) })
    let bytes = CSVWriter(raw: true).bytes(table)
    let read = try TableReader.read(bytes: bytes, source: "p", options: ReadOptions(delimiter: UInt8(ascii: ",")))
    #expect(read.header == header)
    #expect(read.rowCount == rows)
    for r in 0..<min(rows, read.rowCount) {
      #expect(read.fields(row: r).count == columns, "seed \(seed) row \(r)")
      for c in 0..<columns {
        #expect(read.field(row: r, column: c) == cells[r][c], "seed \(seed) row \(r) column \(c)")
      }
    }
  }

  @Test(arguments: 0..<20)
  func numbersRoundTripThroughText(_ seed: Int) {
    var rng = SplitMix64(seed: UInt64(seed) &+ 1000)
    for _ in 0..<200 {
      let d = DecimalNumber(
        significand: Int64.random(in: -999_999_999_999...999_999_999_999, using: &rng),
        exponent: Int32.random(in: -6...6, using: &rng))
      #expect(NumberParser.parse(d.description) == .number(d, revised: false), "\(d)")
    }
  }
}
