import Foundation
import Testing
import TestSupport
import IntegrityTables
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

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

/// Reading in parts on every core (two, or with `partBytes` 1 two per core) gives what
/// one part gives, in file order, and the first bad row in file order is the one thrown.
@Suite struct ReaderChunkTests {
  func file(_ rows: Int, badEvery: Int) throws -> String {
    var text = "年度,機關,件數\n"
    for i in 0..<rows {
      text += i % badEvery == badEvery - 1 ? "\(100 + i % 9),機關\(i % 7),bad\(i)\n" : "\(100 + i % 9),機關\(i % 7),\(i)\n"
    }
    let path = NSTemporaryDirectory() + "chunks-\(ProcessInfo.processInfo.processIdentifier)-\(rows)-\(badEvery).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func twoPartsEqualOne() throws {
    let path = try file(1000, badEvery: 97)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let options = ObservationReadOptions(skipBadRows: true)
    let one = try ObservationReader.readColumns(path: path, options: options, blockSize: 1 << 20, parallelMinimum: .max)
    let two = try ObservationReader.readColumns(path: path, options: options, blockSize: 512, parallelMinimum: 0)
    let many = try ObservationReader.readColumns(
      path: path, options: options, blockSize: 512, parallelMinimum: 0, partBytes: 1)
    let a = ObservationReader.observations(one.columns, keys: one.keys, set: one.set)
    let b = ObservationReader.observations(two.columns, keys: two.keys, set: two.set)
    let c = ObservationReader.observations(many.columns, keys: many.keys, set: many.set)
    #expect(a.observations == b.observations)
    #expect(a.rejected == b.rejected)
    #expect(a.observations == c.observations)
    #expect(a.rejected == c.rejected)
    #expect(c.rowsRead == 1000)
    #expect(a.rejected.count == 10)  // rows 96, 193, …, 969: every 97th of 1000
    #expect(a.rejected.map(\.line) == stride(from: 98, through: 971, by: 97).map { $0 })
    #expect(a.observations.count + a.rejected.count == 1000)
    #expect(b.rowsRead == 1000)
  }

  @Test func firstBadRowInFileOrderIsThrown() throws {
    let path = try file(1000, badEvery: 400)  // bad rows 399 and 799 (lines 401 and 801)
    defer { try? FileManager.default.removeItem(atPath: path) }
    // In two parts the first bad row is in the first; in two per core, in a later one.
    for partBytes in [ObservationReader.partBytes, 1] {
      do {
        _ = try ObservationReader.readColumns(path: path, blockSize: 512, parallelMinimum: 0, partBytes: partBytes)
        Issue.record("a bad row must stop the read")
      } catch let error as DataError {
        #expect(error.description == "\(path):401:3: expected a number (such as 1,234, 12.5%, －, … or NA) in column \"件數\" (found \"bad399\")")
        #expect(error.account == RowAccount(read: 400, used: 399, rejected: 1))
      }
    }
  }
}
