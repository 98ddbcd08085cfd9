import Testing
import TestSupport
import TableIO
@testable import Indicators

/// Properties of the observation reader: every row is accounted for, and row order
/// carries through.
@Suite struct ReaderPropertyTests {

  func goodRow(_ i: Int) -> String { "\(100 + i % 13),機關\(i % 5),\"\(i * 1000 + 7)\"" }

  @Test(arguments: 0..<30)
  func rowsReadEqualUsedPlusRejected(_ seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed))
    let n = Int.random(in: 1...60, using: &rng)
    var corrupted = 0
    var lines = ["年度,機關,件數"]
    for i in 0..<n {
      switch Int.random(in: 0..<5, using: &rng) {
      case 0:
        lines.append("x\(i),機關,1")  // bad year
        corrupted += 1
      case 1:
        lines.append("\(100 + i % 13),機關,abc\(i)")  // bad number
        corrupted += 1
      default:
        lines.append(goodRow(i))
      }
    }
    let set = try ObservationReader.read(
      bytes: Array((lines.joined(separator: "\n") + "\n").utf8), source: "p.csv",
      options: ObservationReadOptions(skipBadRows: true))
    #expect(set.rowsRead == n)
    #expect(set.rejected.count == corrupted)
    #expect(set.rowsRead == set.rowsUsed + set.rejected.count)
    #expect(set.observations.count == set.rowsUsed)
  }

  @Test(arguments: 0..<10)
  func permutingRowsPermutesObservations(_ seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 77)
    let n = 25
    let rows = (0..<n).map(goodRow)
    let order = Array(0..<n).shuffled(using: &rng)
    func read(_ rows: [String]) throws -> [Observation] {
      try ObservationReader.read(
        bytes: Array((["年度,機關,件數"] + rows).joined(separator: "\n").utf8), source: "p.csv"
      ).observations
    }
    let original = try read(rows)
    let permuted = try read(order.map { rows[$0] })
    for (position, source) in order.enumerated() {
      var expected = original[source]
      expected.line = position + 2  // the line moves with the row
      #expect(permuted[position] == expected)
    }
  }
}

/// The chunked (two-core) conversion gives what one chunk gives, in file order.
@Suite struct ReaderChunkTests {
  func table(_ rows: Int, badEvery: Int) throws -> TextTable {
    var text = "年度,機關,件數\n"
    for i in 0..<rows {
      text += i % badEvery == badEvery - 1 ? "\(100 + i % 9),機關\(i % 7),bad\(i)\n" : "\(100 + i % 9),機關\(i % 7),\(i)\n"
    }
    return try TableReader.read(bytes: Array(text.utf8), source: "c.csv", options: ReadOptions(allowRaggedRows: true))
  }

  @Test(arguments: [1, 2, 3, 5])
  func chunkedEqualsSequential(_ cores: Int) throws {
    let t = try table(1000, badEvery: 97)
    let options = ObservationReadOptions(skipBadRows: true)
    var notes: [String] = []
    let layout = try ObservationReader.layout(t, options: options, notes: &notes)
    let rows = Array(0..<t.rowCount)
    let one = try ObservationReader.convert(rows, table: t, layout: layout, options: options, rowsPerChunk: 10_000, cores: 1)
    let many = try ObservationReader.convert(rows, table: t, layout: layout, options: options, rowsPerChunk: 100, cores: cores)
    #expect(one.count == 1)
    #expect(many.count == cores)
    #expect(many.flatMap(\.observations) == one[0].observations)
    #expect(many.flatMap(\.rejected) == one[0].rejected)
    #expect(one[0].rejected.count == 10)  // rows 96, 193, …, 969: every 97th of 1000
    #expect(one[0].observations.count + one[0].rejected.count == 1000)
  }

  @Test func firstBadRowInFileOrderIsThrown() throws {
    let t = try table(1000, badEvery: 400)  // bad rows 399 and 799 (lines 401 and 801)
    let options = ObservationReadOptions()
    var notes: [String] = []
    let layout = try ObservationReader.layout(t, options: options, notes: &notes)
    #expect(
      throws: DataError(
        file: "c.csv", line: 401, column: 3, columnName: "件數",
        message: "expected a number (such as 1,234, 12.5%, －, … or NA)", found: "bad399")
    ) {
      try ObservationReader.convert(Array(0..<1000), table: t, layout: layout, options: options, rowsPerChunk: 100, cores: 4)
    }
  }
}
