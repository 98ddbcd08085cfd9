import Dispatch
import Foundation
import Testing
@testable import IntegrityTables

#if canImport(Glibc)
import Glibc
#endif

/// A stream's bytes are kept in memory up to a limit, then in an unnamed file in the
/// spill directory; a spill file that stops growing (a full disk, here a capacity) leaves
/// its bytes and those read but not written as pieces, and the rest of the stream
/// unread, so that nothing is lost or read twice.
@Suite struct StreamSpoolTests {
  /// 300,000 bytes that differ from position to position.
  static let bytes: [UInt8] = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }

  /// A pipe fed `bytes` by a writer thread; the read end is returned.
  static func pipeFed(_ bytes: [UInt8]) throws -> (read: Int32, done: DispatchSemaphore) {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let (readEnd, writeEnd) = (ends[0], ends[1])
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      var written = 0
      while written < bytes.count {
        let n = bytes[written...].withUnsafeBytes { write(writeEnd, $0.baseAddress!, $0.count) }
        if n <= 0 { break }
        written += n
      }
      close(writeEnd)
      done.signal()
    }
    return (readEnd, done)
  }

  static func contents(_ spool: StreamSpool) throws -> [UInt8] {
    var block = [UInt8](repeating: 0, count: spool.count)
    let n = try spool.read(into: &block, at: 0, from: 0, count: spool.count, path: "pipe")
    #expect(n == spool.count)
    return block
  }

  /// The rest of a stream, read to its end.
  static func rest(of fd: Int32) throws -> [UInt8] {
    var all: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = try BlockInput.read(fd, path: "pipe", into: &chunk, at: 0, count: chunk.count, position: nil)
      if n == 0 { return all }
      all += chunk[..<n]
    }
  }

  static func spillDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "stream-spool-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func streamThatEndsWithinTheLimitStaysInMemory() throws {
    let (fd, done) = try Self.pipeFed(Self.bytes)
    defer { close(fd); done.wait() }
    let (pieces, ended) = try StreamSpool.spool(fd, path: "pipe", memoryLimit: 1 << 20, spillDirectory: "/tmp")
    #expect(ended)
    #expect(pieces.count == 1)
    #expect(pieces.first?.isFile == false)
    #expect(try pieces.map(Self.contents) == [Self.bytes])
  }

  @Test func longerStreamIsSpilledWholeToAnUnlinkedFile() throws {
    let directory = try Self.spillDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let (fd, done) = try Self.pipeFed(Self.bytes)
    defer { close(fd); done.wait() }
    let (pieces, ended) = try StreamSpool.spool(fd, path: "pipe", memoryLimit: 10_000, spillDirectory: directory)
    #expect(ended)
    #expect(pieces.count == 1)
    #expect(pieces.first?.isFile == true)
    #expect(try pieces.map(Self.contents) == [Self.bytes])
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [])
    // A line start is found from any offset, in the file as in memory.
    let spool = try #require(pieces.first)
    let k = try #require(Self.bytes[5000...].firstIndex(of: 0x0A))
    #expect(spool.lineStart(atOrAfter: 5000, path: "pipe") == k + 1)
  }

  @Test func noSpillDirectoryKeepsTheMemoryPieceAndTheRestOfTheStream() throws {
    let (fd, done) = try Self.pipeFed(Self.bytes)
    defer { close(fd); done.wait() }
    let (pieces, ended) = try StreamSpool.spool(
      fd, path: "pipe", memoryLimit: 10_000, spillDirectory: "/nonexistent-spill-directory")
    #expect(!ended)
    #expect(pieces.map(\.isFile) == [false])
    let kept = try pieces.flatMap(Self.contents)
    #expect(kept.count >= 10_000)
    #expect(kept + (try Self.rest(of: fd)) == Self.bytes)
  }

  /// A spill file that fills while the memory bytes are written (capacity 4,000), while
  /// the rest is copied (150,000), or at once (0).
  @Test(arguments: [4_000, 150_000, 0])
  func spillThatStopsGrowingLosesNothing(capacity: Int) throws {
    let directory = try Self.spillDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let (fd, done) = try Self.pipeFed(Self.bytes)
    defer { close(fd); done.wait() }
    let (pieces, ended) = try StreamSpool.spool(
      fd, path: "pipe", memoryLimit: 10_000, spillDirectory: directory, spillCapacity: capacity)
    // (The stream may have ended while the last bytes were read: they are the last piece.)
    _ = ended
    #expect(pieces.map(\.isFile) == (capacity == 0 ? [false] : [true, false]))
    if capacity > 0 { #expect(pieces.first?.count == capacity) }
    let kept = try pieces.flatMap(Self.contents)
    #expect(kept + (try Self.rest(of: fd)) == Self.bytes)
  }
}
