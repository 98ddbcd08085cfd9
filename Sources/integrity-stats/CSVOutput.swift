import IntegrityStats

/// Where a streamed chunk's rows go; `state` holds the names a formatting thread
/// interned once (`internNames(into:)`).
typealias CSVOutput = StreamingTableWriter.Output<InternedNames>

extension CommonOptions {
  /// `-o`, `--digits`, `--raw` and `--bom` as a streaming writer.
  var streamingWriter: StreamingTableWriter {
    StreamingTableWriter(path: output, numberFormat: numberFormat, raw: raw, byteOrderMark: bom)
  }

  /// Streams CSV rows to `-o` or standard output, atomically
  /// (`StreamingTableWriter.writeCSV`): the header, then the rows `body` appends for
  /// chunks `0..<chunks`, in chunk order, formatted on two threads.
  func writeCSV(header: [String], chunks: Int = 1, _ body: @escaping (Int, inout CSVOutput) throws -> Void) throws {
    ProgressLine.shared?.enter(.writing)
    try streamingWriter.writeCSV(header: header, chunks: chunks, state: InternedNames.self, body)
  }

  /// Writes a chunked result (`AchievementReport`, `QuarterlyPaceReport`): CSV lines
  /// from `csv`, formatted on two threads, or the JSON array of the chunks' tables.
  func write(
    header: [String], chunks: Int, table: @escaping (Int) -> Table,
    csv: @escaping (Int, inout CSVOutput) throws -> Void
  ) throws {
    switch format {
    case .json: try writeJSONArray(chunks: chunks) { table($0) }
    case .csv: try writeCSV(header: header, chunks: chunks, csv)
    }
  }

  /// Streams the JSON array `write(table)` gives for the whole table, from the tables
  /// `part` makes of chunks `0..<chunks` (`StreamingTableWriter.writeJSONArray`).
  func writeJSONArray(chunks: Int, _ part: @escaping (Int) throws -> Table) throws {
    ProgressLine.shared?.enter(.writing)
    try streamingWriter.writeJSONArray(chunks: chunks, part)
  }
}
