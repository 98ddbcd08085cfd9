import Dispatch

/// Writes a large CSV or JSON table as it is produced, to a file (atomically) or to
/// standard output, with the rows formatted on other threads.
///
/// The rows come in chunks `0..<chunks`; chunk k is formatted by thread k mod `threads`
/// into buffers of about 1 MiB, handed over `ByteChannel`s (package plumbing) and written in chunk order
/// by the calling thread through ``AtomicFile/Writer``. Formatting runs on both cores
/// beside the kernel's copy, and a large result is never held whole. The output is the
/// same bytes whatever `threads` is.
///
/// ```swift
/// let writer = StreamingTableWriter(path: "out.csv")
/// try writer.writeCSV(header: ["name", "value"], chunks: 4, state: Void.self) { chunk, out in
///   for row in rows(ofChunk: chunk) {
///     out.line.text(row.name)
///     out.line.number(row.value)
///     out.line.endLine()
///     try out.endRow()
///   }
/// }
/// ```
public struct StreamingTableWriter: Sendable {
  /// The output file; nil for standard output.
  public var path: String?
  /// How numbers print.
  public var numberFormat: NumberFormat
  /// Whether text cells are written without the CSV-injection guard.
  public var raw: Bool
  /// Whether CSV output starts with a UTF-8 byte order mark.
  public var byteOrderMark: Bool
  /// How many threads format chunks (at least 1).
  public var threads: Int

  /// A buffer is handed over once it holds this many bytes.
  static let handOverBytes = 1 << 20
  /// The room a buffer is made with: the hand-over size and a quarter more, so the row
  /// that crosses it still fits without the array growing.
  static let bufferBytes = handOverBytes + handOverBytes / 4
  /// How many buffers a formatting thread may have waiting for the writer: 8 MiB, so a
  /// write that stalls (the page cache growing by hundreds of MB at 10⁷ rows) does not
  /// stop the formatting at once. Buffers are made only as the queue needs them, and
  /// written ones are filled again (`ByteChannel.recycled()`).
  static let queuedBuffers = 8

  public init(
    path: String?, numberFormat: NumberFormat = .shortest, raw: Bool = false, byteOrderMark: Bool = false,
    threads: Int = 2
  ) {
    self.path = path
    self.numberFormat = numberFormat
    self.raw = raw
    self.byteOrderMark = byteOrderMark
    self.threads = threads
  }

  /// Where a chunk's rows go: a line buffer, and `state` the formatting thread keeps
  /// across its chunks (e.g. names it interned once).
  public struct Output<State> {
    /// The rows formatted so far, not yet handed over.
    public var line: CSVLineBuffer
    /// The thread's own state, nil until the body sets it.
    public var state: State?
    let channel: ByteChannel

    /// Call after each row: hands the buffer over once it holds 1 MiB.
    public mutating func endRow() throws {
      if line.count >= StreamingTableWriter.handOverBytes { try handOver() }
    }

    /// Hands over what the buffer holds, going on in a buffer the writer gave back.
    mutating func handOver() throws {
      guard !line.bytes.isEmpty else { return }
      var full = channel.recycled() ?? []
      if full.capacity < StreamingTableWriter.bufferBytes { full.reserveCapacity(StreamingTableWriter.bufferBytes) }
      swap(&full, &line.bytes)
      guard channel.send(full) else { throw ByteChannel.Cancelled() }
    }

    /// Marks the end of a chunk (an empty buffer, never sent otherwise).
    mutating func endChunk() throws {
      try handOver()
      guard channel.send([]) else { throw ByteChannel.Cancelled() }
    }
  }

  /// Writes the header, then the rows `body` appends for chunks `0..<chunks` (calling
  /// `endRow()` after each row), in chunk order. `body` runs on other threads and must
  /// only read shared state. Nothing replaces the output unless every chunk succeeded.
  public func writeCSV<State>(
    header: [String], chunks: Int = 1, state: State.Type, _ body: @escaping (Int, inout Output<State>) throws -> Void
  ) throws {
    var first = CSVLineBuffer(numberFormat: numberFormat, raw: raw, reservingCapacity: 64)
    if byteOrderMark { first.byteOrderMark() }
    first.header(header)
    try writeChunks(opening: first.bytes, chunks: chunks, body) { _ in [] }
  }

  /// Writes `table` as CSV: the bytes `CSVWriter.bytes(_:)` gives, with the rows
  /// formatted on `threads` threads in chunks of about 64 Ki cells and written as they
  /// come. The whole text is never held: for `trend`'s 17,857 rows the joined parts and
  /// their copy into one array were 9 MB of fresh memory (2,300 page faults, ~6 ms).
  public func writeCSV(_ table: Table) throws {
    let columns = CSVWriter.Columns(table)
    let rows = max(1, CSVWriter.parallelCells / max(1, table.columns.count))
    let count = table.rowCount
    try writeCSV(header: table.names, chunks: (count + rows - 1) / rows, state: Void.self) { chunk, out in
      for row in chunk * rows..<min((chunk + 1) * rows, count) {
        columns.append(rows: row..<row + 1, to: &out.line)
        try out.endRow()
      }
    }
  }

  /// Writes the JSON array `Table.jsonBytes` gives for the whole table, from the tables
  /// `part` makes of chunks `0..<chunks`: each part's rows become array items
  /// (`Table.appendJSONItems`, each after a comma); the first comma is dropped as it is
  /// written, and the array closed.
  public func writeJSONArray(chunks: Int, _ part: @escaping (Int) throws -> Table) throws {
    let format = numberFormat
    try writeChunks(opening: Array("[".utf8), dropsFirstByte: true, chunks: chunks) { (chunk, out: inout Output<Void>) in
      try part(chunk).appendJSONItems(to: &out.line.bytes, numberFormat: format)
      try out.endRow()
    } closing: {
      Array(($0 ? "\n]\n" : "]\n").utf8)
    }
  }

  /// Lends the body to producer threads while the caller waits for them (the caller
  /// does not touch it meanwhile, and the producers only call it).
  private struct ProducerBox<Value>: @unchecked Sendable {
    var value: Value
  }

  /// The streaming core: `opening`, the chunks in order (without the very first byte
  /// of the first non-empty one when `dropsFirstByte`), then `closing(anything written)`.
  private func writeChunks<State>(
    opening: [UInt8], dropsFirstByte: Bool = false, chunks: Int,
    _ body: @escaping (Int, inout Output<State>) throws -> Void, closing: (Bool) -> [UInt8]
  ) throws {
    var writer = try AtomicFile.Writer(path: path)
    try writer.write(opening)
    let threads = max(1, min(threads, chunks))
    let channels = (0..<threads).map { _ in ByteChannel(capacity: StreamingTableWriter.queuedBuffers) }
    let shared = ProducerBox(value: body)
    let format = numberFormat, raw = raw
    for t in 0..<threads {
      DispatchQueue.global().async {
        var out = Output<State>(
          line: CSVLineBuffer(numberFormat: format, raw: raw, reservingCapacity: StreamingTableWriter.bufferBytes),
          state: nil, channel: channels[t])
        do {
          for chunk in stride(from: t, to: chunks, by: threads) {
            try shared.value(chunk, &out)
            try out.endChunk()
          }
          channels[t].close()
        } catch {
          channels[t].fail(error)
        }
      }
    }
    var wrote = false
    do {
      for chunk in 0..<chunks {
        let channel = channels[chunk % threads]
        while let bytes = try channel.receive(), !bytes.isEmpty {
          if dropsFirstByte && !wrote {
            try writer.write(Array(bytes.dropFirst()))
          } else {
            try writer.write(bytes)
          }
          wrote = true
          channel.recycle(bytes)
        }
      }
    } catch {
      for channel in channels { channel.cancel() }
      throw error
    }
    try writer.write(closing(wrote))
    try writer.commit()
  }
}
