import IntegrityTables
import IntegrityAgencyData

extension ActionPlanCatalog {
  /// The header of `catalog.tsv`, as `scripts/extract_catalog.py` writes it.
  public static let tsvColumns = [
    "strategy", "strategy_name", "strategy_name_en", "measure", "measure_text", "target_no",
    "target", "lead_agencies", "supporting_agencies", "frequency", "kind", "direction",
  ]

  /// Reads a catalog from the TSV that `scripts/extract_catalog.py` writes: a header line
  /// (`tsvColumns`), then one row per target, tab-separated, no quoting; agency lists are
  /// `;`-separated. Strategies and measures are taken in order of first appearance; a row
  /// repeating a strategy or measure must repeat its name or text exactly (byte for byte).
  ///
  /// Works on the UTF-8 bytes: a tab, a line feed, `-` and `;` are never part of a
  /// multi-byte sequence, and only the cells kept become `String`s. Splitting `String`s and
  /// comparing them (canonical equivalence, grapheme breaking) cost every command that reads
  /// the catalog ~10 M instructions at start-up.
  ///
  /// - Throws: `DataError` naming the line and column of the first bad cell.
  public init(tsv: String, file: String) throws {
    var strategies: [Strategy] = []
    var measures: [Measure] = []
    var targets: [CatalogTarget] = []
    var seenIDs: Set<Int> = []  // strategy, measure, index: below 2²⁰ each (`positive`)
    let bytes = Array(tsv.utf8)
    let columnCount = Self.tsvColumns.count
    var lineNumber = 0
    var lineStart = 0
    // The byte ranges of the previous row's strategy names and measure text.
    var strategyCells: (name: Range<Int>, english: Range<Int>) = (0..<0, 0..<0)
    var measureCell: Range<Int> = 0..<0
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool { bytes[a].elementsEqual(bytes[b]) }
    while lineStart < bytes.count {
      lineNumber += 1
      let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
      defer { lineStart = lineEnd + 1 }
      var cells: [Range<Int>] = []
      cells.reserveCapacity(columnCount)
      var cellStart = lineStart
      while let tab = bytes[cellStart..<lineEnd].firstIndex(of: UInt8(ascii: "\t")) {
        cells.append(cellStart..<tab)
        cellStart = tab + 1
      }
      cells.append(cellStart..<lineEnd)
      if lineNumber == 1 {
        guard cells.map(text) == Self.tsvColumns else {
          throw DataError(file: file, line: 1, column: 1,
                          message: "expected the header \(Self.tsvColumns.joined(separator: ","))")
        }
        continue
      }
      if lineEnd == lineStart { continue }
      func fail(_ column: Int, _ message: String) -> DataError {
        DataError(file: file, line: lineNumber, column: column + 1,
                  columnName: column < columnCount ? Self.tsvColumns[column] : nil,
                  message: message, found: column < cells.count ? text(cells[column]) : nil)
      }
      guard cells.count == columnCount else {
        throw fail(min(cells.count, columnCount - 1), "expected \(columnCount) tab-separated cells, found \(cells.count)")
      }
      func positive(_ range: Range<Int>) -> Int? {
        guard let n = Int(text(range)), n > 0, n < 1 << 20 else { return nil }
        return n
      }
      guard let strategyNumber = positive(cells[0]) else { throw fail(0, "expected a positive integer") }
      guard let measureNumber = positive(cells[3]) else { throw fail(3, "expected a positive integer") }
      if let last = strategies.last, last.number == strategyNumber {
        guard same(strategyCells.name, cells[1]), same(strategyCells.english, cells[2]) else {
          throw fail(1, "expected the same strategy name as above")
        }
      } else {
        guard strategyNumber == strategies.count + 1 else {
          throw fail(0, "expected strategy \(strategies.count + 1)")
        }
        guard !cells[1].isEmpty else { throw fail(1, "expected a strategy name") }
        strategies.append(Strategy(number: strategyNumber, name: text(cells[1]), englishName: text(cells[2])))
        strategyCells = (cells[1], cells[2])
      }
      if let last = measures.last, last.strategy == strategyNumber, last.number == measureNumber {
        guard same(measureCell, cells[4]) else { throw fail(4, "expected the same measure text as above") }
      } else {
        let expected = (measures.last?.strategy == strategyNumber ? measures.last!.number : 0) + 1
        guard measureNumber == expected else { throw fail(3, "expected measure \(expected)") }
        guard !cells[4].isEmpty else { throw fail(4, "expected the measure's text") }
        measures.append(Measure(strategy: strategyNumber, number: measureNumber, text: text(cells[4])))
        measureCell = cells[4]
      }
      let idParts = bytes[cells[5]].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        .map { positive($0.startIndex..<$0.endIndex) }
      guard idParts.count == 3, idParts[0] == strategyNumber, idParts[1] == measureNumber,
        let index = idParts[2]
      else {
        throw fail(5, "expected \(strategyNumber)-\(measureNumber)-INDEX")
      }
      guard seenIDs.insert((strategyNumber << 40) | (measureNumber << 20) | index).inserted else {
        throw fail(5, "expected a target number not used above")
      }
      guard !cells[6].isEmpty else { throw fail(6, "expected the target's text") }
      guard let frequency = CatalogTarget.Frequency(rawValue: text(cells[9])) else {
        throw fail(9, "expected one of \(CatalogTarget.Frequency.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard let kind = CatalogTarget.Kind(rawValue: text(cells[10])) else {
        throw fail(10, "expected one of \(CatalogTarget.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard let direction = Direction(rawValue: text(cells[11])) else {
        throw fail(11, "expected one of \(Direction.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      func agencies(_ column: Int) -> [String] {
        bytes[cells[column]].split(separator: UInt8(ascii: ";")).map { String(decoding: $0, as: UTF8.self) }
      }
      targets.append(CatalogTarget(
        strategy: strategyNumber, measure: measureNumber, index: index, text: text(cells[6]),
        leadAgencies: agencies(7), supportingAgencies: agencies(8),
        frequency: frequency, kind: kind, direction: direction))
    }
    guard lineNumber > 0 else {
      throw DataError(file: file, line: 1, column: 1, message: "expected the header \(Self.tsvColumns.joined(separator: ","))")
    }
    self.init(strategies: strategies, measures: measures, targets: targets)
  }
}
