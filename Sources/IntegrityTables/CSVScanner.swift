/// The byte-level CSV scanner (RFC 4180) under `TableReader`.
///
/// One pass over UTF-8 bytes records each cell as a byte range: quoted fields,
/// doubled quotes (`""` → `"`, unescaped into an area appended to the buffer), CR,
/// LF and CRLF line ends, newlines inside quotes, a last line without a newline.
/// A quote inside an unquoted field is taken literally (as Excel writes it); text
/// after a closing quote other than spaces is an error, as is a quote never closed.
/// Rows whose cells are all empty (blank lines, `,,,,` rows from Excel) are not
/// records; they are counted in `blankRows`.
///
/// - Complexity: O(n) in the input's bytes; about 9 bytes of index per cell.
struct CSVScanner {
  /// The UTF-8 text, followed by unescaped copies of cells that had doubled quotes.
  var text: [UInt8]
  /// Cell byte ranges `cellStart[k] ..< cellEnd[k]` into `text`.
  var cellStart: [UInt32] = []
  var cellEnd: [UInt32] = []
  /// Record r holds cells `recordFirstCell[r] ..< recordFirstCell[r + 1]`.
  var recordFirstCell: [UInt32] = [0]
  /// The 1-based physical line each record starts on.
  var recordLine: [UInt32] = []
  /// The record's original bytes, `recordByteStart[r] ..< recordByteEnd[r]` (without its line end).
  var recordByteStart: [UInt32] = []
  var recordByteEnd: [UInt32] = []
  /// Lines that held no data (empty, or every cell empty).
  var blankRows = 0

  var recordCount: Int { recordLine.count }

  /// Scans `text`, splitting fields at `delimiter`.
  init(text: [UInt8], delimiter: UInt8, source: String) throws(DataError) {
    guard text.count < Int(UInt32.max / 2) else {
      throw DataError(file: source, line: 0, column: 0, message: "input larger than 2 GiB is not supported")
    }
    self.text = text
    let estimate = text.count / 8 + 16
    cellStart.reserveCapacity(estimate)
    cellEnd.reserveCapacity(estimate)
    var escaped: [UInt8] = []
    var failure: DataError? = nil
    let quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
    let base = UInt32(text.count)
    text.withUnsafeBufferPointer { p in
      let n = p.count
      var i = 0
      var line: UInt32 = 1
      while i < n {
        // Start of a record.
        let recordLineNumber = line
        let recordStart = i
        let firstCell = cellStart.count
        var allEmpty = true
        var recordEnd = i
        fieldLoop: while true {
          // Start of a field at i.
          if i < n && p[i] == quote {
            let openLine = line
            i += 1
            let contentStart = i
            var hasDoubled = false
            var closed = false
            while i < n {
              let b = p[i]
              if b == quote {
                if i + 1 < n && p[i + 1] == quote {
                  hasDoubled = true
                  i += 2
                  continue
                }
                closed = true
                break
              }
              if b == lf { line += 1 } else if b == cr && !(i + 1 < n && p[i + 1] == lf) { line += 1 }
              i += 1
            }
            guard closed else {
              failure = DataError(
                file: source, line: Int(openLine), column: cellStart.count - firstCell + 1,
                message: "quoted field is never closed (a \" opened here has no closing \")")
              return
            }
            let contentEnd = i
            i += 1  // closing quote
            while i < n && p[i] == 0x20 && delimiter != 0x20 { i += 1 }
            if i < n && p[i] != delimiter && p[i] != cr && p[i] != lf {
              var end = i
              while end < n && p[end] != delimiter && p[end] != cr && p[end] != lf { end += 1 }
              failure = DataError(
                file: source, line: Int(line), column: cellStart.count - firstCell + 1,
                message: "unexpected text after a closing quote",
                found: String(decoding: UnsafeBufferPointer(rebasing: p[(contentStart - 1)..<end]), as: UTF8.self))
              return
            }
            if hasDoubled {
              let start = base + UInt32(escaped.count)
              var k = contentStart
              while k < contentEnd {
                escaped.append(p[k])
                k += p[k] == quote ? 2 : 1
              }
              cellStart.append(start)
              cellEnd.append(base + UInt32(escaped.count))
            } else {
              cellStart.append(UInt32(contentStart))
              cellEnd.append(UInt32(contentEnd))
            }
            if contentEnd > contentStart { allEmpty = false }
          } else {
            let start = i
            while i < n {
              let b = p[i]
              if b == delimiter || b == lf || b == cr { break }
              i += 1
            }
            cellStart.append(UInt32(start))
            cellEnd.append(UInt32(i))
            if i > start { allEmpty = false }
          }
          // After a field: delimiter, line end or end of input.
          if i < n && p[i] == delimiter {
            i += 1
            if i == n {  // trailing delimiter at end of input: one more empty field
              cellStart.append(UInt32(i))
              cellEnd.append(UInt32(i))
              recordEnd = i
              break fieldLoop
            }
            continue fieldLoop
          }
          recordEnd = i
          if i < n {
            if p[i] == cr && i + 1 < n && p[i + 1] == lf { i += 2 } else { i += 1 }
            line += 1
          }
          break fieldLoop
        }
        if allEmpty {
          cellStart.removeSubrange(firstCell...)
          cellEnd.removeSubrange(firstCell...)
          blankRows += recordEnd > recordStart ? 1 : 0
          continue
        }
        recordFirstCell.append(UInt32(cellStart.count))
        recordLine.append(recordLineNumber)
        recordByteStart.append(UInt32(recordStart))
        recordByteEnd.append(UInt32(recordEnd))
      }
    }
    if let failure { throw failure }
    self.text += escaped
  }

  /// The cells of record `r`, as strings.
  func fields(record r: Int) -> [String] {
    (Int(recordFirstCell[r])..<Int(recordFirstCell[r + 1])).map { cell($0) }
  }

  /// Cell `k` as a string.
  func cell(_ k: Int) -> String {
    String(decoding: text[Int(cellStart[k])..<Int(cellEnd[k])], as: UTF8.self)
  }
}
