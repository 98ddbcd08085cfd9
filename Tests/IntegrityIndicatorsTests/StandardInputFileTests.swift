import Foundation
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityAgencyData

#if canImport(Glibc)
import Glibc
#endif

/// Standard input redirected from a regular file (`integrity-stats achievement - < FILE`)
/// is read like the file: cut in two parts on two cores, from the offset the shell left
/// it at. Each test puts a file on this process's descriptor 0 for the length of one
/// read and puts the original back (nothing else in the test process reads it).
@Suite(.serialized) struct StandardInputFileTests {
  /// Runs `body` with standard input redirected from `path`, positioned at `offset`.
  static func withStandardInput<T>(from path: String, offset: Int = 0, _ body: () throws -> T) throws -> T {
    let saved = dup(0)
    let fd = open(path, O_RDONLY)
    try #require(saved >= 0 && fd >= 0)
    dup2(fd, 0)
    close(fd)
    lseek(0, off_t(offset), SEEK_SET)
    defer {
      dup2(saved, 0)
      close(saved)
    }
    return try body()
  }

  static func write(_ text: String, _ name: String) -> String {
    let path = NSTemporaryDirectory() + "stdin-file-\(ProcessInfo.processInfo.processIdentifier)-\(name).csv"
    try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Quarterly rows with a title line, thousands, dashes and a footnote.
  static let text: String = {
    var lines = ["表1 各機關辦理情形", "指標,機關,年度,季別,實際值,目標值"]
    for i in 0..<40 {
      for year in 108...112 {
        for quarter in 1...4 {
          let value = (i + year + quarter) % 17 == 0 ? "－" : "\"1,\(100 + (i * 37 + year * 11 + quarter * 7) % 900)\""
          lines.append("I\(i),機關\(i % 7),\(year),第\(quarter)季,\(value),4000")
        }
      }
    }
    lines.append("註：「－」表示無")
    return lines.joined(separator: "\n") + "\n"
  }()

  func read(_ path: String?, parallelMinimum: Int) throws -> ObservationSet {
    let (columns, keys, parts) = try ObservationReader.readColumns(
      path: path, blockSize: 61, parallelMinimum: parallelMinimum)
    return ObservationReader.observations(columns, keys: keys, set: parts)
  }

  /// The same rows and notes (which name `<stdin>` where the path read names the file).
  func expectSame(_ a: ObservationSet, _ b: ObservationSet) {
    #expect(a.rowsRead == b.rowsRead)
    #expect(a.notes.map { $0.description.replacingOccurrences(of: "<stdin>", with: b.source) } == b.notes.map(\.description))
    #expect(a.observations == b.observations)
  }

  @Test func redirectedFileIsCutInTwoLikeThePath() throws {
    let path = Self.write(Self.text, "whole")
    let byPath = try read(path, parallelMinimum: .max)
    #expect(byPath.rowsRead == 800)
    let input = try Self.withStandardInput(from: path) {
      let input = try BlockInput(standardInputBlockSize: 4096)
      return (input.fileSize, input.startOffset)
    }
    #expect(input == (Self.text.utf8.count, 0))
    let onTwoCores = try Self.withStandardInput(from: path) { try read(nil, parallelMinimum: 0) }
    expectSame(onTwoCores, byPath)
    #expect(onTwoCores.source == "<stdin>")
  }

  /// `{ read -r first; integrity-stats achievement -; } < FILE`: the reader starts where
  /// the shell left standard input, not at the file's first byte.
  @Test func redirectedFileIsReadFromItsCurrentOffset() throws {
    let junk = "a line someone else read first\n"
    let shifted = Self.write(junk + Self.text, "shifted")
    let plain = Self.write(Self.text, "plain")
    let byPath = try read(plain, parallelMinimum: .max)
    let start = try Self.withStandardInput(from: shifted, offset: junk.utf8.count) {
      try BlockInput(standardInputBlockSize: 4096).startOffset
    }
    #expect(start == junk.utf8.count)
    for parallelMinimum in [0, Int.max] {
      let fromOffset = try Self.withStandardInput(from: shifted, offset: junk.utf8.count) {
        try read(nil, parallelMinimum: parallelMinimum)
      }
      expectSame(fromOffset, byPath)
    }
  }

  /// A file of unreported size (under /proc, `st_size` 0) is read as it comes, not as empty.
  @Test func fileOfUnreportedSizeIsReadAsAStream() throws {
    var input = try BlockInput(path: "/proc/self/status", blockSize: 64)
    #expect(input.fileSize == 0)
    var total = 0
    while let block = try input.next() { total += block.bytes.count }
    #expect(total > 100)
  }
}
