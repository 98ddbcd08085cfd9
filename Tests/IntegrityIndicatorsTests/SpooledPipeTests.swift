import Dispatch
import Foundation
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityAgencyData

#if canImport(Glibc)
import Glibc
#endif

/// A pipe (here a FIFO given as the path, read exactly as standard input is) is spooled
/// to memory up to a limit, the rest to an unnamed file in a spill directory, and read
/// like a regular file of its bytes — cut in two parts, a later part's problem found
/// again on one core at the line the file numbers. Without a usable spill directory a
/// pipe longer than the limit is read as it comes, its spooled bytes first.
@Suite(.serialized) struct SpooledPipeTests {
  /// A FIFO in a fresh directory, fed `bytes` by a writer thread once a reader opens it.
  final class Feeder: @unchecked Sendable {
    let directory: String
    let path: String
    let done = DispatchSemaphore(value: 0)

    init(_ bytes: [UInt8]) throws {
      directory = NSTemporaryDirectory() + "spooled-pipe-\(UUID().uuidString)"
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      path = directory + "/in.csv"
      try #require(mkfifo(path, 0o600) == 0)
      let (path, done) = (path, done)
      DispatchQueue.global().async {
        let fd = open(path, O_WRONLY)
        var written = 0
        while fd >= 0 && written < bytes.count {
          let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
          if n <= 0 { break }
          written += n
        }
        if fd >= 0 { close(fd) }
        done.signal()
      }
    }

    /// Waits for the writer and removes the directory. A writer still waiting for a
    /// reader (a test that stopped before opening the FIFO) is let in and drained, so
    /// that no thread is left blocked.
    func finish() {
      let fd = open(path, O_RDONLY | O_NONBLOCK)
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while done.wait(timeout: .now() + .milliseconds(10)) == .timedOut {
        if fd >= 0 { _ = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) } }
      }
      if fd >= 0 { close(fd) }
      try? FileManager.default.removeItem(atPath: directory)
    }
  }

  /// Quarterly rows of 30 agencies over 8 years, with a title line and a footnote.
  static let text: String = {
    var lines = ["表2 各機關辦理情形", "indicator,agency,year,quarter,value,target"]
    for agency in 0..<30 {
      for year in 2015...2022 {
        for quarter in 1...4 {
          lines.append("I\(agency % 4),A\(agency),\(year),\(quarter),\((agency * 31 + year * 7 + quarter) % 500).5,900")
        }
      }
    }
    lines.append("註：資料來源為各機關")
    return lines.joined(separator: "\n") + "\n"
  }()

  static func scratchFile(_ text: String) throws -> (path: String, remove: () -> Void) {
    let path = NSTemporaryDirectory() + "spooled-pipe-\(UUID().uuidString).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return (path, { try? FileManager.default.removeItem(atPath: path) })
  }

  /// A fresh spill directory, and a function that removes it after checking that no
  /// spool file was left in it (they are unlinked as soon as they are made).
  static func spillDirectory() throws -> (path: String, remove: () -> [String]) {
    let path = NSTemporaryDirectory() + "spill-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return (
      path,
      {
        let left = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]
        try? FileManager.default.removeItem(atPath: path)
        return left
      }
    )
  }

  func read(
    _ path: String, parallelMinimum: Int, spoolLimit: Int, spillDirectory: String? = nil, skipBadRows: Bool = false
  ) throws -> ObservationSet {
    var options = ObservationReadOptions()
    options.skipBadRows = skipBadRows
    var (collector, set) = try ObservationReader.streamColumns(
      path: path, options: options, blockSize: 97, parallelMinimum: parallelMinimum, spoolLimit: spoolLimit,
      spillDirectory: spillDirectory, consumer: { ColumnCollector() })
    return ObservationReader.observations(collector.joined(), keys: collector.keys, set: set)
  }

  func expectSame(_ piped: ObservationSet, _ file: ObservationSet, fifo: String, path: String) {
    #expect(piped.rowsRead == file.rowsRead)
    #expect(piped.observations == file.observations)
    #expect(piped.notes.map { $0.description.replacingOccurrences(of: fifo, with: path) } == file.notes.map(\.description))
  }

  @Test func pipeThatEndsWithinTheSpoolIsHeldAsAFile() throws {
    let bytes = Array(Self.text.utf8)
    let feeder = try Feeder(bytes)
    defer { feeder.finish() }
    let input = try BlockInput(path: feeder.path, blockSize: 64, spooling: bytes.count + 1)
    #expect(input.fileSize == bytes.count)
    let spool = input.spooled
    let spooled = try #require(spool)
    #expect(!spooled.isFile)
    try expectParts(of: input, spooled, bytes)
  }

  /// A spooled input holds `bytes`; a part read again from a line start gets the rest,
  /// in blocks that end after a line feed.
  func expectParts(of input: borrowing BlockInput, _ spooled: StreamSpool, _ bytes: [UInt8]) throws {
    #expect(spooled.count == bytes.count)
    var whole = BlockInput(spooled: spooled, source: "pipe", blockSize: 4096)
    var all: [UInt8] = []
    while let block = try whole.next() { all += block.bytes }
    #expect(all == bytes)
    let cut = input.lineStart(atOrAfter: bytes.count / 2)
    let middle = try #require(cut)
    #expect(bytes[middle - 1] == 0x0A)
    var part = BlockInput(spooled: spooled, source: "pipe", offset: middle, blockSize: 64)
    var rest: [UInt8] = []
    while let block = try part.next() {
      #expect(block.bytes.last == 0x0A)
      rest += block.bytes
    }
    #expect(rest == Array(bytes[middle...]))
  }

  @Test func pipeLongerThanTheMemorySpoolIsSpilledToAFile() throws {
    let bytes = Array(Self.text.utf8)
    let feeder = try Feeder(bytes)
    defer { feeder.finish() }
    let spill = try Self.spillDirectory()
    let input = try BlockInput(path: feeder.path, blockSize: 64, spooling: 1000, spillDirectory: spill.path)
    #expect(input.fileSize == bytes.count)
    let spool = input.spooled
    let spooled = try #require(spool)
    #expect(spooled.isFile)
    try expectParts(of: input, spooled, bytes)
    #expect(spill.remove() == [])
  }

  @Test(arguments: [nil, "/nonexistent-spill-directory"])
  func pipeLongerThanTheSpoolIsReadAsItComes(spillDirectory: String?) throws {
    let bytes = Array(Self.text.utf8)
    let feeder = try Feeder(bytes)
    defer { feeder.finish() }
    var input = try BlockInput(path: feeder.path, blockSize: 64, spooling: 1000, spillDirectory: spillDirectory)
    #expect(input.fileSize == 0)
    #expect(input.spooled == nil)
    var all: [UInt8] = []
    var blocks = 0
    while let block = try input.next() {
      if !block.isLast { #expect(block.bytes.last == 0x0A) }
      all += block.bytes
      blocks += 1
    }
    #expect(all == bytes)
    #expect(blocks > bytes.count / 1000)
  }

  /// The observations and notes of a pipe are those of the file, whether it is cut in
  /// two (spooled whole, in memory or spilled to a file) or read as it comes (memory
  /// spool too short, no spill directory).
  @Test(arguments: [(Int.max, false), (4096, true), (4096, false)])
  func pipeReadsLikeTheFile(spoolLimit: Int, spills: Bool) throws {
    let file = try Self.scratchFile(Self.text)
    defer { file.remove() }
    let byPath = try read(file.path, parallelMinimum: .max, spoolLimit: 0)
    #expect(byPath.rowsRead == 30 * 8 * 4)
    let feeder = try Feeder(Array(Self.text.utf8))
    defer { feeder.finish() }
    let spill = try Self.spillDirectory()
    let piped = try read(feeder.path, parallelMinimum: 0, spoolLimit: spoolLimit, spillDirectory: spills ? spill.path : nil)
    expectSame(piped, byPath, fifo: feeder.path, path: file.path)
    #expect(spill.remove() == [])
  }

  /// A bad row in the second half of a spooled pipe (in memory, or spilled to a file
  /// past a memory spool of 1000 bytes) stops the read at the line the file
  /// numbers it, with the rows before it counted; under `skipBadRows` it is rejected at
  /// that line. (The part after the cut counts its lines from 1: its problem is found
  /// again on one core, from the spool, since a pipe cannot be read twice.)
  @Test(arguments: [Int.max, 1000])
  func badRowAfterTheCutIsFoundAtItsLine(spoolLimit: Int) throws {
    var lines = Self.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let bad = lines.count * 3 / 4
    lines[bad] = "I1,A9,2020,5,12.5,900"
    let text = lines.joined(separator: "\n")
    let file = try Self.scratchFile(text)
    defer { file.remove() }
    func failure(_ body: () throws -> ObservationSet) -> DataError? {
      do {
        _ = try body()
        return nil
      } catch { return error as? DataError }
    }
    let fromFile = try #require(failure { try read(file.path, parallelMinimum: .max, spoolLimit: 0) })
    #expect(fromFile.line == bad + 1)
    let spill = try Self.spillDirectory()
    defer { #expect(spill.remove() == []) }
    let feeder = try Feeder(Array(text.utf8))
    defer { feeder.finish() }
    let fromPipe = try #require(
      failure { try read(feeder.path, parallelMinimum: 0, spoolLimit: spoolLimit, spillDirectory: spill.path) })
    #expect(fromPipe.line == bad + 1)
    #expect(fromPipe.column == fromFile.column)
    #expect(fromPipe.account?.read == fromFile.account?.read)
    #expect(fromPipe.account?.read == bad - 1)

    let skipping = try Feeder(Array(text.utf8))
    defer { skipping.finish() }
    let kept = try read(
      skipping.path, parallelMinimum: 0, spoolLimit: spoolLimit, spillDirectory: spill.path, skipBadRows: true)
    #expect(kept.rejected.map(\.line) == [bad + 1])
    #expect(kept.rowsRead == 30 * 8 * 4)
    #expect(kept.observations.count == 30 * 8 * 4 - 1)
  }
}
