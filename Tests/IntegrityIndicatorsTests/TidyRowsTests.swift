import Foundation
import Testing
import IntegrityTables
@testable import IntegrityAgencyData

/// `tidy`'s CSV written straight from the reader's columns (`TidyRows`, the CLI's path)
/// is byte for byte the CSV of `ObservationSet.tidyTable` (the library's table, whose
/// columns the CLI tests check against hand-made expectations): every kind of column,
/// each number format and quoting mode, and more rows than one chunk.
@Suite struct TidyRowsTests {
  /// Every canonical column: names that need quoting or the injection guard, ROC years,
  /// quarters and months, decimals, missing figures, units that scale, n, directions
  /// and revised figures.
  static func text(rows: Int) -> String {
    var lines = ["指標,機關,期間,實際值,目標值,樣本數,單位,指標方向"]
    let names = ["起訴件數", "定罪率", "=SUM(A1)", "名稱, 有逗號", "\"引號\""]
    let agencies = ["臺北地檢署", "士林地檢署", "", "-機關"]
    let periods = ["112年第1季", "112年3月", "113年", "2024Q2"]
    let units = ["件", "千元", "%", ""]
    let directions = ["正向", "負向", "", "里程碑"]
    for i in 0..<rows {
      let value = i % 11 == 0 ? "…" : i % 7 == 0 ? "\"1,2\(i % 10)0.5\"" : "\(i % 997).\(i % 10)r"
      let target = i % 5 == 0 ? "" : "\(100 + i % 50)"
      lines.append(
        [
          names[i % names.count].contains(",") || names[i % names.count].contains("\"")
            ? "\"" + names[i % names.count].replacingOccurrences(of: "\"", with: "\"\"") + "\"" : names[i % names.count],
          agencies[i % agencies.count], periods[i % periods.count], value, target, i % 3 == 0 ? "" : "\(400 + i % 9)",
          units[i % units.count], directions[i % directions.count],
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func compare(_ text: String, format: NumberFormat, raw: Bool, bom: Bool) throws {
    let bytes = Array(text.utf8)
    let path = NSTemporaryDirectory() + "tidy-rows-\(UUID().uuidString).csv"
    let out = path + ".out"
    defer {
      try? FileManager.default.removeItem(atPath: path)
      try? FileManager.default.removeItem(atPath: out)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let options = ObservationReadOptions(skipBadRows: true)
    let expected = CSVWriter(numberFormat: format, raw: raw, byteOrderMark: bom).bytes(
      try ObservationReader.read(path: path, options: options).tidyTable)
    let (rows, set) = try TidyRows.read(path: path, options: options)
    #expect(set.rowsRead == bytes.filter { $0 == 0x0A }.count - 1)
    try StreamingTableWriter(path: out, numberFormat: format, raw: raw, byteOrderMark: bom)
      .writeCSV(header: rows.header, chunks: rows.chunkCount, state: TidyRows.Interned.self) { chunk, out in
        try rows.appendCSV(rows: rows.rows(ofChunk: chunk), to: &out)
      }
    let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
    #expect(written.count == expected.count)
    #expect(written == expected)
  }

  @Test(arguments: [
    (NumberFormat.shortest, false, false), (.significant(3), false, false), (.shortest, true, false),
    (.shortest, false, true),
  ])
  func sameBytesAsTheTidyTable(format: NumberFormat, raw: Bool, bom: Bool) throws {
    try compare(Self.text(rows: 400), format: format, raw: raw, bom: bom)
  }

  /// More rows than one chunk (65,536): chunks formatted on two threads, each interning
  /// the names once, joined in order.
  @Test func manyChunks() throws {
    try compare(Self.text(rows: 140_000), format: .shortest, raw: false, bom: false)
  }

  /// No rows: the header alone.
  @Test func headerOnly() throws {
    try compare("指標,年度,實際值\n", format: .shortest, raw: false, bom: false)
  }
}
