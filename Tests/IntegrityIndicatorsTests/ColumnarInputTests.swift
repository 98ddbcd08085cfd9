import Foundation
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// The fast lane's input: `BlockInput` (blocks cut after a line feed, storage reused)
/// and `TextDecoder.firstInvalidUTF8` (the UTF-8 check of each block).
@Suite struct ColumnarInputTests {
  func write(_ bytes: [UInt8], _ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "columnar-i-\(ProcessInfo.processInfo.processIdentifier)-\(name).bin"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test(arguments: [1, 7, 64, 1000])
  func blocksJoinToTheFileAndEndAfterALineFeed(_ blockSize: Int) throws {
    var rng = SplitMix64(seed: UInt64(blockSize))
    var bytes: [UInt8] = []
    for _ in 0..<300 {
      for _ in 0..<Int.random(in: 0...90, using: &rng) { bytes.append(UInt8.random(in: 0x20...0x7E, using: &rng)) }
      bytes.append(0x0A)
    }
    bytes += Array("no line feed at the end".utf8)
    let path = try write(bytes, "b\(blockSize)")
    defer { try? FileManager.default.removeItem(atPath: path) }
    // From the start, and from a line start to a limit, with the storage handed back each time.
    let middle = bytes.firstIndex(of: 0x0A)! + 1
    for (offset, limit) in [(0, nil), (middle, bytes.count / 2)] as [(Int, Int?)] {
      var input = try BlockInput(path: path, offset: offset, limit: limit, blockSize: blockSize)
      var joined: [UInt8] = []
      var storage: [UInt8] = []
      var sawLast = false
      while let block = try input.next(reusing: storage) {
        #expect(!sawLast, "no block after the last")
        #expect(!block.bytes.isEmpty)
        if block.isLast { sawLast = true } else { #expect(block.bytes.last == 0x0A) }
        joined += block.bytes
        storage = block.bytes
      }
      #expect(joined == Array(bytes[offset..<(limit ?? bytes.count)]))
    }
  }

  /// The first invalid byte by a byte-at-a-time reading of RFC 3629's table.
  func reference(_ b: [UInt8]) -> Int? {
    var i = 0
    while i < b.count {
      let c = b[i]
      var length = 1
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch c {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0: (length, low) = (3, 0xA0)
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: (length, high) = (3, 0x9F)
      case 0xF0: (length, low) = (4, 0x90)
      case 0xF1...0xF3: length = 4
      case 0xF4: (length, high) = (4, 0x8F)
      default: return i
      }
      guard i + length <= b.count else { return i }
      for k in 1..<max(length, 1) {
        let lo = k == 1 ? low : 0x80
        let hi = k == 1 ? high : 0xBF
        if b[i + k] < lo || b[i + k] > hi { return i }
      }
      i += length
    }
    return nil
  }

  @Test func utf8CheckFindsTheFirstInvalidByteAtAnyOffset() {
    var rng = SplitMix64(seed: 77)
    // Three-byte characters at each end of the word check's leads (E1, EC, EE, EF) and of
    // the two it leaves to the general rule (E0, ED).
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("臺".utf8), Array("é".utf8), Array("😀".utf8), Array("0123456789,".utf8),
      Array("\u{1000}".utf8), Array("\u{CFFF}".utf8), Array("\u{E000}".utf8), Array("\u{FFFD}".utf8),
      Array("\u{0800}".utf8), Array("\u{D7FF}".utf8),
    ]
    for _ in 0..<2_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...40, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
      if Bool.random(using: &rng), !bytes.isEmpty {
        // One bad byte (a lone continuation, an invalid lead or a cut sequence) somewhere.
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        bytes[at] = [0x80, 0xFF, 0xC0, 0xE4, 0xE0, 0xED, 0xEF, 0x41, 0xA0].randomElement(using: &rng)!
      }
      #expect(TextDecoder.firstInvalidUTF8(bytes) == reference(bytes), "\(bytes)")
    }
  }
}

/// `ByteScanner.shortFigure` (a figure of up to 8 bytes read in one word)
/// against a byte-by-byte reading of `d+(.d+)?`.
@Suite struct ColumnarShortFigureTests {
  func reference(_ cell: [UInt8]) -> (Int64, Int)? {
    let point = cell.firstIndex(of: UInt8(ascii: ".")) ?? cell.count
    let whole = cell[..<point]
    let fraction = point < cell.count ? cell[(point + 1)...] : []
    guard !whole.isEmpty, point == cell.count || !fraction.isEmpty,
      (whole + fraction).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    else { return nil }
    return ((whole + fraction).reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }, fraction.count)
  }

  @Test func shortFiguresReadAsDigitsAndDecimals() {
    var rng = SplitMix64(seed: 5)
    let alphabet = Array("0123456789".utf8) + Array(".-,/:e ".utf8) + [0x00, 0xFF, 0x3A, 0x2F]
    for _ in 0..<20_000 {
      let length = Int.random(in: 1...8, using: &rng)
      var cell = (0..<length).map { _ in
        Int.random(in: 0..<4, using: &rng) == 0 ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0x30...0x39, using: &rng)
      }
      if Bool.random(using: &rng), length >= 3 { cell[Int.random(in: 1..<(length - 1), using: &rng)] = UInt8(ascii: ".") }
      // The cell inside a span with bytes after it (a word must fit), as in a block.
      let bytes = [UInt8(ascii: ",")] + cell + Array(",999999,\n".utf8)
      let got = ByteScanner.shortFigure(bytes.span, 1, 1 + length)
      let want = reference(cell)
      #expect(got?.0 == want?.0 && got?.1 == want?.1, "\(String(decoding: cell, as: UTF8.self))")
    }
    // No word fits after the cell's start: declined (the byte loop reads it).
    #expect(ByteScanner.shortFigure(Array("12.5".utf8).span, 0, 4) == nil)
  }
}

/// `ByteScanner.fieldMarks16` (the tokenizer's marks of sixteen bytes in vector lanes)
/// against the marks written out byte by byte: 0x80 in the byte of each delimiter, LF
/// and CR of the word at `i` (first) and of the word after it (second).
@Suite struct ColumnarFieldMarksTests {
  func reference(_ bytes: [UInt8], _ i: Int, _ delimiter: UInt8) -> (UInt64, UInt64) {
    var words: [UInt64] = [0, 0]
    for k in 0..<16 where [delimiter, 0x0A, 0x0D].contains(bytes[i + k]) {
      words[k / 8] |= 0x80 << UInt64(8 * (k % 8))
    }
    return (words[0], words[1])
  }

  @Test(arguments: [UInt8(ascii: ","), 0x09, UInt8(ascii: ";"), UInt8(ascii: "|")])
  func marksAreTheDelimitersAndLineEnds(_ delimiter: UInt8) {
    var rng = SplitMix64(seed: UInt64(delimiter))
    // The bytes marked, their neighbours (a borrow or carry across lanes would mark
    // these), zero, the high bytes of UTF-8 and Big5, and any byte.
    let alphabet: [UInt8] = [delimiter, delimiter &- 1, delimiter &+ 1, 0x0A, 0x0B, 0x09, 0x0D, 0x0C, 0x0E, 0x00, 0x80, 0xE4, 0xFF, 0x7F, 0x2C, 0x22]
    let lanes = SIMD16<UInt8>(repeating: delimiter)
    for _ in 0..<20_000 {
      let bytes = (0..<24).map { _ in
        Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
      }
      let i = Int.random(in: 0...8, using: &rng)
      let got = ByteScanner.fieldMarks16(bytes.span, at: i, delimiters: lanes)
      let want = reference(bytes, i, delimiter)
      #expect(got.0 == want.0 && got.1 == want.1, "\(bytes[i..<(i + 16)])")
      // The same as the word-at-a-time marks of its two words.
      let words = (
        ByteScanner.fieldMarks(bytes.span, at: i, delimiterWord: ByteScanner.splat(delimiter)),
        ByteScanner.fieldMarks(bytes.span, at: i + 8, delimiterWord: ByteScanner.splat(delimiter)))
      #expect(got.0 == words.0 && got.1 == words.1)
    }
  }
}

/// `GroupIndex.expectedGroups`: the room a consumer reserves after its first block.
@Suite struct ColumnarReserveTests {
  @Test func expectedGroupsFollowTheGroupsPerRowUpToACap() {
    #expect(GroupIndex.expectedGroups(250, after: 1000, of: 10_000_000) == 2_500_016)
    #expect(GroupIndex.expectedGroups(1000, after: 1000, of: 1 << 40) == 1 << 26)
    #expect(GroupIndex.expectedGroups(7, after: 0, of: 100) == 7)
  }
}

/// `GroupIndex` numbers keys in first-seen order however they come: in runs of one
/// pair with rising years (sorted files, also with pair ids out of key order, as a part
/// cut from the middle of a file has them), with a pair that comes back, a year out of
/// order, or at random — checked against a dictionary that numbers keys as they come.
@Suite struct GroupIndexTests {
  func expectFirstSeenNumbering(_ keys: [UInt64], _ comment: Comment) {
    var index = GroupIndex()
    var reference: [UInt64: Int] = [:]
    for key in keys {
      let want = reference[key] ?? reference.count
      reference[key] = want
      let got = index.group(for: key)
      guard got == want else {
        Issue.record("key \(String(key, radix: 16)): group \(got), expected \(want) — \(comment)")
        return
      }
    }
    #expect(index.count == reference.count, comment)
    #expect(index.keys.count == reference.count, comment)
  }

  @Test(arguments: 0..<20)
  func firstSeenNumberingInAnyOrder(_ seed: Int) {
    var rng = SplitMix64(seed: UInt64(seed) &+ 7)
    // Sorted by names, the ids given in the order a part that starts mid-file meets
    // them: agencies from the middle of their list first.
    let agencies = Int.random(in: 1...300, using: &rng)
    let shift = Int.random(in: 0..<agencies, using: &rng)
    var sorted: [UInt64] = []
    for indicator in 1...Int.random(in: 1...4, using: &rng) {
      for name in 0..<agencies {
        let agency = (name - shift + agencies) % agencies + 1
        for year in 2000..<2000 + Int.random(in: 1...12, using: &rng) {
          // Each key as often as a file's quarters give it (1–4 rows).
          for _ in 0..<Int.random(in: 1...4, using: &rng) {
            sorted.append(GroupKey(indicator: Int32(indicator), agency: Int32(agency), year: Int32(year)).packed)
          }
        }
      }
    }
    expectFirstSeenNumbering(sorted, "runs, seed \(seed)")
    // A pair that comes back after another pair's run: the table is built from there.
    var back = sorted
    if back.count > 10 { back.append(contentsOf: back[0..<10]) }
    back.append(sorted[sorted.count / 2] &+ 100)
    expectFirstSeenNumbering(back, "a pair comes back, seed \(seed)")
    // A year out of order inside its run: a year seen before is found, a new one is numbered.
    var years = sorted
    let k = Int.random(in: 1..<max(2, years.count), using: &rng)
    years.insert(years[k] &- 1, at: k + 1)
    years.insert(years[k - 1], at: k + 2)
    expectFirstSeenNumbering(years, "a year out of order, seed \(seed)")
    // Any order.
    expectFirstSeenNumbering(sorted.shuffled(using: &rng), "shuffled, seed \(seed)")
  }
}
