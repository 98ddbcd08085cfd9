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
  /// repeating a strategy or measure must repeat its name or text exactly.
  ///
  /// - Throws: `DataError` naming the line and column of the first bad cell.
  public init(tsv: String, file: String) throws {
    var strategies: [Strategy] = []
    var measures: [Measure] = []
    var targets: [CatalogTarget] = []
    var seenIDs: Set<String> = []
    // Split on the UTF-8 bytes: a tab and a line feed are never part of a multi-byte
    // sequence, and splitting `Character`s (grapheme clusters) cost every command that
    // reads the catalog several milliseconds at start-up.
    let lines = tsv.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    func cells(of line: Substring.UTF8View) -> [String] {
      line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(Substring($0)) }
    }
    guard let header = lines.first, cells(of: header) == Self.tsvColumns else {
      throw DataError(file: file, line: 1, column: 1,
                      message: "expected the header \(Self.tsvColumns.joined(separator: ","))")
    }
    for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let lineNumber = offset + 1
      let cells = cells(of: line)
      func fail(_ column: Int, _ message: String) -> DataError {
        DataError(file: file, line: lineNumber, column: column + 1,
                  columnName: column < Self.tsvColumns.count ? Self.tsvColumns[column] : nil,
                  message: message, found: column < cells.count ? cells[column] : nil)
      }
      guard cells.count == Self.tsvColumns.count else {
        throw fail(min(cells.count, Self.tsvColumns.count - 1),
                   "expected \(Self.tsvColumns.count) tab-separated cells, found \(cells.count)")
      }
      func positive(_ column: Int) throws -> Int {
        guard let n = Int(cells[column]), n > 0 else { throw fail(column, "expected a positive integer") }
        return n
      }
      let strategyNumber = try positive(0)
      let measureNumber = try positive(3)
      let strategy = Strategy(number: strategyNumber, name: cells[1], englishName: cells[2])
      if let last = strategies.last, last.number == strategyNumber {
        guard last == strategy else { throw fail(1, "expected the same strategy name as above") }
      } else {
        guard strategyNumber == strategies.count + 1 else {
          throw fail(0, "expected strategy \(strategies.count + 1)")
        }
        strategies.append(strategy)
        guard !cells[1].isEmpty else { throw fail(1, "expected a strategy name") }
      }
      let measure = Measure(strategy: strategyNumber, number: measureNumber, text: cells[4])
      if let last = measures.last, last.strategy == strategyNumber, last.number == measureNumber {
        guard last == measure else { throw fail(4, "expected the same measure text as above") }
      } else {
        let expected = (measures.last?.strategy == strategyNumber ? measures.last!.number : 0) + 1
        guard measureNumber == expected else { throw fail(3, "expected measure \(expected)") }
        guard !cells[4].isEmpty else { throw fail(4, "expected the measure's text") }
        measures.append(measure)
      }
      let idParts = cells[5].split(separator: "-").map { Int($0) }
      guard idParts.count == 3, idParts[0] == strategyNumber, idParts[1] == measureNumber,
        let index = idParts[2], index > 0
      else {
        throw fail(5, "expected \(strategyNumber)-\(measureNumber)-INDEX")
      }
      guard seenIDs.insert(cells[5]).inserted else { throw fail(5, "expected a target number not used above") }
      guard !cells[6].isEmpty else { throw fail(6, "expected the target's text") }
      guard let frequency = CatalogTarget.Frequency(rawValue: cells[9]) else {
        throw fail(9, "expected one of \(CatalogTarget.Frequency.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard let kind = CatalogTarget.Kind(rawValue: cells[10]) else {
        throw fail(10, "expected one of \(CatalogTarget.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard let direction = Direction(rawValue: cells[11]) else {
        throw fail(11, "expected one of \(Direction.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      func agencies(_ column: Int) -> [String] {
        cells[column].split(separator: ";").map(String.init)
      }
      targets.append(CatalogTarget(
        strategy: strategyNumber, measure: measureNumber, index: index, text: cells[6],
        leadAgencies: agencies(7), supportingAgencies: agencies(8),
        frequency: frequency, kind: kind, direction: direction))
    }
    self.init(strategies: strategies, measures: measures, targets: targets)
  }
}
