import Foundation
import Testing
import TestSupport

@testable import IntegrityTables

/// A table past `CSVWriter.parallelCells` is formatted in row ranges on several cores:
/// its bytes are the CSV written out by hand here, in row order, header and BOM once —
/// from `CSVWriter.bytes` and as `StreamingTableWriter.writeCSV(_:)` writes a file, in
/// chunks of `parallelCells` cells on two threads.
@Suite struct CSVWriterLargeTableTests {
  @Test(arguments: [CSVWriter.parallelCells / 4 + 1, CSVWriter.parallelCells / 4 + 7, 3 * CSVWriter.parallelCells / 4 - 1, 3, 0])
  func rowsInOrderWithEveryRule(rows: Int) throws {
    let names: [String?] = (0..<rows).map { $0 % 5 == 0 ? nil : $0 % 7 == 0 ? "a,\($0)" : $0 % 11 == 0 ? "=x\($0)" : "r\($0)" }
    let numbers: [Double?] = (0..<rows).map { $0 % 3 == 0 ? nil : Double($0) / 4 }
    let counts: [Int?] = (0..<rows).map { $0 % 13 == 0 ? nil : -$0 }
    let flags: [Bool?] = (0..<rows).map { $0 % 17 == 0 ? nil : $0 % 2 == 0 }
    let table = Table(columns: [
      Column("name", text: names), Column("value", numbers: numbers), Column("count", integers: counts),
      Column("flag", booleans: flags),
    ])
    var expected = "\u{FEFF}name,value,count,flag\n"
    for i in 0..<rows {
      let name = names[i].map { $0.hasPrefix("=") ? "'" + $0 : $0.contains(",") ? "\"\($0)\"" : $0 } ?? ""
      // i/4: a whole number, or ending .25, .5, .75 — the shortest round-trip text.
      let value = numbers[i].map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? ""
      let flag = flags[i].map { $0 ? "true" : "false" } ?? ""
      expected += "\(name),\(value),\(counts[i].map(String.init) ?? ""),\(flag)\n"
    }
    let bytes = CSVWriter(byteOrderMark: true).bytes(table)
    #expect(table.rowCount * table.columns.count >= CSVWriter.parallelCells || rows <= 3)
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
    let path = NSTemporaryDirectory() + "streamed-table-\(ProcessInfo.processInfo.processIdentifier)-\(rows).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try StreamingTableWriter(path: path, byteOrderMark: true).writeCSV(table)
    #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == expected)
  }
}
