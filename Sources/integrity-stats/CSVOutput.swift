import IntegrityStats

/// A CSV output written as it is produced: lines go to a buffer that is handed to the
/// atomic writer every few megabytes, so a large result is never held whole.
struct CSVOutput: ~Copyable {
  var line: CSVLineBuffer
  var writer: AtomicFile.Writer

  /// Call after each row: passes the buffer on once it holds 4 MiB.
  mutating func endRow() throws {
    try line.flush(to: &writer, minimumCount: 4 << 20)
  }
}

extension CommonOptions {
  /// Streams CSV rows to `-o` or standard output, atomically: the header, then whatever
  /// `body` appends (calling `endRow()` after each row).
  func writeCSV(header: [String], _ body: (inout CSVOutput) throws -> Void) throws {
    var line = CSVLineBuffer(numberFormat: numberFormat, raw: raw, reservingCapacity: 5 << 20)
    if bom { line.byteOrderMark() }
    line.header(header)
    var out = CSVOutput(line: line, writer: try AtomicFile.Writer(path: output))
    try body(&out)
    try out.line.flush(to: &out.writer)
    try out.writer.commit()
  }
}
