import Testing
import TestSupport
@testable import IntegrityTables

/// `RecordTokenizer` record by record against the records it was given: random cells
/// (ASCII, CJK, the delimiter, quotes, CR, LF, spaces) written as RFC 4180 writes them
/// (quoted when they hold the delimiter, a quote or a line end; quotes doubled), joined
/// by the delimiter and ended by LF, CRLF or a lone CR, many records to a buffer — so
/// that records end anywhere in the tokenizer's 16-byte windows and near the buffer's
/// end, where it reads eight bytes at a time and then byte by byte.
@Suite struct RecordTokenizerTests {
  static let pieces = ["a", "7", "12.5", "年度", "臺北地檢署", "\"", "\n", "\r", "\r\n", " ", "x\"y", "碁", "ABCDEFGHIJ"]

  /// A record's bytes as a CSV writer writes them, and the line breaks inside its quotes.
  func written(_ cells: [String], delimiter: UInt8) -> (bytes: [UInt8], breaks: Int) {
    var bytes: [UInt8] = []
    var breaks = 0
    for (k, cell) in cells.enumerated() {
      if k > 0 { bytes.append(delimiter) }
      let utf8 = Array(cell.utf8)
      if utf8.contains(where: { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
        bytes.append(0x22)
        for b in utf8 {
          bytes.append(b)
          if b == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        breaks += RecordTokenizer.lineBreaks(utf8.span, 0, utf8.count)
      } else {
        bytes += utf8
      }
    }
    return (bytes, breaks)
  }

  @Test(arguments: [UInt8(ascii: ","), 0x09, UInt8(ascii: ";")])
  func recordsSplitIntoTheirCells(_ delimiter: UInt8) {
    var rng = SplitMix64(seed: UInt64(delimiter) &* 7919)
    let pieces = Self.pieces + [String(decoding: [delimiter], as: UTF8.self)]
    for round in 0..<300 {
      var buffer: [UInt8] = []
      var expected: [(cells: [String], breaks: Int, contentEnd: Int)] = []
      for _ in 0..<Int.random(in: 1...40, using: &rng) {
        let width = Int.random(in: 1...8, using: &rng)
        let cells = (0..<width).map { _ in
          (0..<Int.random(in: 0...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
        let (bytes, breaks) = written(cells, delimiter: delimiter)
        // An empty record after a lone CR would make its LF half of a CRLF: that CR
        // becomes an LF (the same place, the same content end).
        if bytes.isEmpty, buffer.last == 0x0D { buffer[buffer.count - 1] = 0x0A }
        buffer += bytes
        expected.append((cells, breaks + 1, buffer.count))
        buffer += [[0x0A], [0x0D, 0x0A], [0x0D]].randomElement(using: &rng)!
      }
      var tokenizer = RecordTokenizer(delimiter: delimiter)
      var i = 0
      for (r, want) in expected.enumerated() {
        // Not the last block: the same records, but a CR at the very end may be half of
        // a CRLF (the next block would tell).
        if r == expected.count - 1 && buffer.last == 0x0D {
          #expect(tokenizer.next(buffer.span, from: i, isLast: false) == .incomplete)
        }
        let isLast = r == expected.count - 1 || Bool.random(using: &rng)
        guard case .record(let next) = tokenizer.next(buffer.span, from: i, isLast: isLast) else {
          Issue.record("round \(round) record \(r): not a record")
          break
        }
        let context = "round \(round) record \(r): \(String(decoding: buffer[i..<next], as: UTF8.self).debugDescription)"
        let got = (0..<tokenizer.count).map { tokenizer.string($0, in: buffer.span) }
        #expect(got == want.cells, "\(context)")
        #expect(tokenizer.lineBreaks == want.breaks, "\(context)")
        #expect(tokenizer.contentEnd == want.contentEnd, "\(context)")
        // A cell holding a quote was written with it doubled: escaped, and only then.
        #expect((0..<tokenizer.count).map { tokenizer.isEscaped($0) } == want.cells.map { $0.contains("\"") }, "\(context)")
        i = next
      }
      #expect(i == buffer.count, "round \(round)")
    }
  }

  @Test func aRecordCutByTheBlockEndIsIncomplete() {
    var tokenizer = RecordTokenizer(delimiter: UInt8(ascii: ","))
    let bytes = Array("indicator,agency,year,quarter,value,target\nI000,A0000,1999,1,268.3,68".utf8)
    guard case .record(let next) = tokenizer.next(bytes.span, from: 0, isLast: false) else {
      Issue.record("the header is a record")
      return
    }
    #expect(tokenizer.count == 6)
    #expect(tokenizer.next(bytes.span, from: next, isLast: false) == .incomplete)
    #expect(tokenizer.next(bytes.span, from: next, isLast: true) == .record(next: bytes.count))
    #expect((0..<tokenizer.count).map { tokenizer.string($0, in: bytes.span) } == ["I000", "A0000", "1999", "1", "268.3", "68"])
  }
}
