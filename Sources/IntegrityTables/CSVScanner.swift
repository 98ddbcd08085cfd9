/// The record index under `TableReader`: every record of a UTF-8 text split by the
/// project's one tokenizer (`RecordTokenizer`: quotes, doubled quotes, CR/LF/CRLF,
/// physical lines, text after a closing quote), each cell kept as a byte range.
/// Cells with doubled quotes (`""` → `"`) are unescaped into an area appended to the
/// buffer. Records whose fields are all empty (empty lines, `,,,,` rows from Excel) are
/// not records; they are counted in `blankRows`. (A cell holding a space is data here:
/// a table written with one reads back with it.)
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
  /// Lines that held no data (every cell empty; empty lines are not counted).
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
    var unescaped: [UInt8] = []
    let base = text.count
    var tokenizer = RecordTokenizer(delimiter: delimiter)
    let s = text.span
    var i = 0
    var line = 1
    while i < s.count {
      switch tokenizer.next(s, from: i, isLast: true) {
      case .record(let next):
        defer {
          line += tokenizer.lineBreaks
          i = next
        }
        if (0..<tokenizer.count).allSatisfy({ tokenizer.cells[$0].isEmpty }) {
          if tokenizer.contentEnd > i { blankRows += 1 }
          continue
        }
        for k in 0..<tokenizer.count {
          if tokenizer.escaped[k] {
            let start = base + unescaped.count
            unescaped += tokenizer.field(k, in: s)
            cellStart.append(UInt32(start))
            cellEnd.append(UInt32(base + unescaped.count))
          } else {
            cellStart.append(UInt32(tokenizer.cells[k].lowerBound))
            cellEnd.append(UInt32(tokenizer.cells[k].upperBound))
          }
        }
        recordFirstCell.append(UInt32(cellStart.count))
        recordLine.append(UInt32(line))
        recordByteStart.append(UInt32(i))
        recordByteEnd.append(UInt32(tokenizer.contentEnd))
      case .incomplete:
        preconditionFailure("a last block is never incomplete")
      case .unclosedQuote(let field, let breaks):
        throw DataError(
          file: source, line: line + breaks, column: field + 1,
          message: "quoted field is never closed (a \" opened here has no closing \")")
      case .textAfterQuote(let field, let breaks, let found):
        throw DataError(
          file: source, line: line + breaks, column: field + 1, message: "unexpected text after a closing quote",
          found: String(decoding: text[found], as: UTF8.self))
      }
    }
    self.text += unescaped
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
