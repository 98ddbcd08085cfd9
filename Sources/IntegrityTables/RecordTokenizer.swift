/// The one CSV tokenizer (RFC 4180) of the project: splits one record of UTF-8 bytes
/// into fields, for the header, title lines and data rows alike, for every reader.
///
/// Rules: fields end at the delimiter, LF, CR or CRLF (found eight bytes at a time by
/// `ByteScanner.fieldEnd`); a field that starts with `"` is quoted: it runs to the
/// next lone `"`, `""` inside stands for `"`, and line breaks inside it are part of
/// the field and count as physical lines. A quote inside an unquoted field is taken
/// literally (as Excel writes it). After a closing quote only spaces may come before
/// the delimiter or line end. A delimiter at the very end of the input ends with one
/// more empty field.
///
/// A record is split in place: `cells[k]` is a range of byte offsets into the span
/// (inside the quotes for a quoted field); `field(k, in:)` gives the field's bytes with
/// doubled quotes unescaped. The three arrays are overwritten from record to record and
/// only grow (to the widest record): entries from `count` on are stale. A record is
/// written through one `MutableSpan` per array (one uniqueness check per record, not one
/// per field and array); a record wider than the arrays doubles them and is split again.
public struct RecordTokenizer {
  public let delimiter: UInt8
  let delimiterWord: UInt64
  let delimiterLanes: SIMD16<UInt8>
  /// Field k < `count` covers `cells[k]` (one array, so that a cell's bounds are
  /// one read and one bounds check).
  public private(set) var cells: [Range<Int>]
  /// Whether field k < `count` holds doubled quotes (`""`) to unescape.
  public private(set) var escaped: [Bool]
  /// The number of fields of the record.
  public private(set) var count = 0
  /// Whether any field of the record holds doubled quotes.
  public private(set) var anyEscaped = false
  /// Where the record's bytes end, before its line end.
  public private(set) var contentEnd = 0
  /// The line ends the record consumed: line breaks inside quotes, plus its own.
  public private(set) var lineBreaks = 0

  /// What `next` found.
  public enum Outcome: Equatable, Sendable {
    /// A record; the next one starts at `next`.
    case record(next: Int)
    /// The bytes end inside the record (more input is needed).
    case incomplete
    /// A quote is never closed (`field` 0-based; `lineBreaks` before the opening quote).
    case unclosedQuote(field: Int, lineBreaks: Int)
    /// Text follows a closing quote; `text` is the field from its opening quote on.
    case textAfterQuote(field: Int, lineBreaks: Int, text: Range<Int>)
  }

  public init(delimiter: UInt8) {
    self.delimiter = delimiter
    self.delimiterWord = ByteScanner.splat(delimiter)
    self.delimiterLanes = SIMD16(repeating: delimiter)
    cells = Array(repeating: 0..<0, count: 32)
    escaped = Array(repeating: false, count: 32)
  }

  /// Splits the record starting at `i`. With `isLast` false, a record must end in a
  /// line end within `s` (else `.incomplete`); with `isLast` true, the end of `s` ends it.
  @inline(__always)
  public mutating func next(_ s: Span<UInt8>, from start: Int, isLast: Bool) -> Outcome {
    while true {
      var record = Record()
      let outcome = Self.split(
        s, from: start, isLast: isLast, delimiter: delimiter, delimiterWord: delimiterWord,
        delimiterLanes: delimiterLanes, cells: &cells, escaped: &escaped, record: &record)
      (count, anyEscaped, lineBreaks) = (record.count, record.anyEscaped, record.lineBreaks)
      if record.contentEnd >= 0 { contentEnd = record.contentEnd }
      if let outcome { return outcome }
      // Wider than the arrays: double them and split the record again.
      let more = cells.count
      cells += repeatElement(0..<0, count: more)
      escaped += repeatElement(false, count: more)
    }
  }

  /// What `split` found besides the fields (`contentEnd` -1: not reached).
  private struct Record {
    var count = 0
    var anyEscaped = false
    var lineBreaks = 0
    var contentEnd = -1
  }

  /// `next`, or nil when the record has more fields than the arrays hold.
  @inline(__always)
  private static func split(
    _ s: Span<UInt8>, from start: Int, isLast: Bool, delimiter: UInt8, delimiterWord: UInt64,
    delimiterLanes: SIMD16<UInt8>, cells: inout [Range<Int>], escaped: inout [Bool], record: inout Record
  ) -> Outcome? {
    let n = s.count
    var fieldCells = cells.mutableSpan
    var fieldEscaped = escaped.mutableSpan
    let capacity = fieldCells.count
    var count = 0
    var anyEscaped = false
    var lineBreaks = 0
    defer {
      record.count = count
      record.anyEscaped = anyEscaped
      record.lineBreaks = lineBreaks
    }
    var i = start
    // Unquoted fields, eight bytes at a time: each word's delimiters and line ends
    // (`ByteScanner.fieldMarks`) are walked bit by bit, one field end per mark. A field
    // that opens with a quote, and the last bytes of the span, go to the general loop
    // below, which goes on from the field's start with the fields found so far.
    //
    // The loop's reads and writes are unchecked (a bounds check on each cost the
    // tokenizer a fifth of its instructions: 498 → 392 M on 10⁶ rows, callgrind). Safe:
    // `i` ≤ `word` and `word` + 8 ≤ `n` when the loop tests `s[i]`; a mark `k` lies in
    // `word ..< word + 8`; `s[i]` after a delimiter is read only when `i` < `n`; and a
    // field is written only when `count` < `capacity`, the spans' common length.
    var word = i
    // The marks are found sixteen bytes at a time (`fieldMarks16`): the second word's
    // wait in `ahead` for the loop's next turn (unused when the record ends in the first).
    var ahead: UInt64 = 0
    var hasAhead = false
    scan: while word + 8 <= n && s[unchecked: i] != ByteScanner.quote {
      var marks: UInt64
      if hasAhead {
        marks = ahead
        hasAhead = false
      } else if word + 16 <= n {
        (marks, ahead) = ByteScanner.fieldMarks16(s, at: word, delimiters: delimiterLanes)
        hasAhead = true
      } else {
        marks = ByteScanner.fieldMarks(s, at: word, delimiterWord: delimiterWord)
      }
      while marks != 0 {
        let k = word + marks.trailingZeroBitCount >> 3
        marks &= marks &- 1
        guard count < capacity else { return nil }
        fieldCells[unchecked: count] = Range(uncheckedBounds: (i, k))
        fieldEscaped[unchecked: count] = false
        count += 1
        if s[unchecked: k] == delimiter {
          i = k + 1
          if i < n && s[unchecked: i] == ByteScanner.quote { break scan }
          continue
        }
        // A line end: LF, CR or CRLF.
        record.contentEnd = k
        var next = k + 1
        if s[unchecked: k] == ByteScanner.cr {
          if k + 1 < n {
            if s[k + 1] == ByteScanner.lf { next += 1 }
          } else if !isLast {
            return .incomplete  // a CR at the block end may be half of a CRLF
          }
        }
        lineBreaks += 1
        return .record(next: next)
      }
      word += 8
    }
    while true {
      guard count < capacity else { return nil }
      var hasDoubled = false
      if i < n && s[i] == ByteScanner.quote {
        let opening = i
        let breaksBefore = lineBreaks
        i += 1
        let contentStart = i
        var closed = false
        while true {
          i = ByteScanner.quoteEnd(s, from: i)
          guard i < n else { break }
          if i + 1 < n && s[i + 1] == ByteScanner.quote {
            hasDoubled = true
            i += 2
            continue
          }
          if i + 1 >= n && !isLast {
            // The closing quote may be the first of a doubled pair cut by the block end.
            return .incomplete
          }
          closed = true
          break
        }
        let contentEnd = min(i, n)
        // Count the line breaks passed over (rare: only quoted fields can hold them).
        lineBreaks += Self.lineBreaks(s, contentStart, contentEnd)
        guard closed else {
          return isLast ? .unclosedQuote(field: count, lineBreaks: breaksBefore) : .incomplete
        }
        i += 1
        while i < n && s[i] == 0x20 && delimiter != 0x20 { i += 1 }
        if i < n && s[i] != delimiter && s[i] != ByteScanner.lf && s[i] != ByteScanner.cr {
          let end = ByteScanner.fieldEnd(s, from: i, delimiterWord: delimiterWord, delimiter: delimiter)
          return .textAfterQuote(field: count, lineBreaks: lineBreaks, text: opening..<end)
        }
        fieldCells[count] = contentStart..<contentEnd
        fieldEscaped[count] = hasDoubled
      } else {
        let fieldStart = i
        i = ByteScanner.fieldEnd(s, from: i, delimiterWord: delimiterWord, delimiter: delimiter)
        fieldCells[count] = fieldStart..<i
        fieldEscaped[count] = false
      }
      count += 1
      if hasDoubled { anyEscaped = true }
      // After a field: a delimiter, a line end or the end of the bytes.
      if i < n && s[i] == delimiter {
        i += 1
        if i == n {
          guard isLast else { return .incomplete }
          // A delimiter at the very end: one more empty field.
          guard count < capacity else { return nil }
          fieldCells[count] = i..<i
          fieldEscaped[count] = false
          count += 1
          record.contentEnd = i
          return .record(next: i)
        }
        continue
      }
      record.contentEnd = i
      if i < n {
        if s[i] == ByteScanner.cr {
          if i + 1 < n {
            i += s[i + 1] == ByteScanner.lf ? 2 : 1
          } else if isLast {
            i += 1
          } else {
            return .incomplete  // a CR at the block end may be half of a CRLF
          }
        } else {
          i += 1
        }
        lineBreaks += 1
        return .record(next: i)
      }
      return isLast ? .record(next: i) : .incomplete
    }
  }

  /// Line breaks (LF, CR alone, CRLF counted once) in `s[a..<b]`.
  static func lineBreaks(_ s: Span<UInt8>, _ a: Int, _ b: Int) -> Int {
    var count = 0
    var k = a
    while k < b {
      let c = s[k]
      if c == ByteScanner.lf {
        count += 1
      } else if c == ByteScanner.cr && !(k + 1 < b && s[k + 1] == ByteScanner.lf) {
        count += 1
      }
      k += 1
    }
    return count
  }

  /// Whether field `k` < `count` holds doubled quotes: `anyEscaped` is asked first, so
  /// that a record without any (nearly every record) answers without reading the array.
  @inlinable
  public func isEscaped(_ k: Int) -> Bool { anyEscaped && escaped[k] }

  /// Field k's bytes, doubled quotes unescaped.
  public func field(_ k: Int, in s: Span<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(cells[k].count)
    var i = cells[k].lowerBound
    let end = cells[k].upperBound
    while i < end {
      out.append(s[i])
      i += escaped[k] && s[i] == ByteScanner.quote ? 2 : 1
    }
    return out
  }

  /// Field k as a string (doubled quotes unescaped).
  public func string(_ k: Int, in s: Span<UInt8>) -> String {
    String(decoding: field(k, in: s), as: UTF8.self)
  }

  /// Whether every field is empty or only spaces and tabs (`" "," "` and `,,,,` lines).
  /// Inlinable: asked of every record, and a data row answers at its first byte.
  @inlinable
  public func isBlank(_ s: Span<UInt8>) -> Bool {
    for k in 0..<count {
      for i in cells[k] where s[i] != 0x20 && s[i] != 0x09 { return false }
    }
    return true
  }
}
