import Dispatch
import IntegrityStats

/// A CSV output written as it is produced: rows are formatted on other threads into
/// buffers of up to 4 MiB, handed over `ByteChannel`s, and written in order by the
/// calling thread through the atomic writer, so formatting runs on both cores beside
/// the kernel's copy, and a large result is never held whole.
struct CSVOutput {
  var line: CSVLineBuffer
  let channel: ByteChannel
  /// Names this thread's buffer has interned, once (`internNames(into:)`).
  var names: InternedNames?

  /// Call after each row: hands the buffer over once it holds 4 MiB.
  mutating func endRow() throws {
    if line.count >= 4 << 20 { try handOver() }
  }

  /// Hands over what the buffer holds, going on in a buffer the writer gave back.
  mutating func handOver() throws {
    guard !line.bytes.isEmpty else { return }
    var full = channel.recycled() ?? []
    if full.capacity < 5 << 20 { full.reserveCapacity(5 << 20) }
    swap(&full, &line.bytes)
    guard channel.send(full) else { throw ByteChannel.Cancelled() }
  }

  /// Marks the end of a chunk (an empty buffer, never sent otherwise).
  mutating func endChunk() throws {
    try handOver()
    guard channel.send([]) else { throw ByteChannel.Cancelled() }
  }
}

/// Lends a value to producer threads while the caller waits for them (the caller does
/// not touch the value meanwhile, and the producers only read it).
struct ProducerBox<Value>: @unchecked Sendable {
  var value: Value
}

extension CommonOptions {
  /// Streams CSV rows to `-o` or standard output, atomically: the header, then the
  /// rows `body` appends for chunks `0..<chunks` (calling `endRow()` after each row),
  /// in chunk order. Chunks are formatted by `threads` threads (chunk k by thread
  /// k mod threads), so `body` must only read shared state.
  func writeCSV(
    header: [String], chunks: Int = 1, threads: Int = 2, _ body: @escaping (Int, inout CSVOutput) throws -> Void
  ) throws {
    ProgressLine.shared?.enter(.writing)
    var first = CSVLineBuffer(numberFormat: numberFormat, raw: raw, reservingCapacity: 64)
    if bom { first.byteOrderMark() }
    first.header(header)
    try writeChunks(opening: first.bytes, chunks: chunks, threads: threads, body) { _ in [] }
  }

  /// Streams the JSON array `write(table)` gives for the whole table, from the tables
  /// `part` makes of chunks `0..<chunks` (on `threads` threads, like `writeCSV`): each
  /// part's rows become array items (`Table.appendJSONItems`, each after a comma); the
  /// first comma is dropped as it is written, and the array closed.
  func writeJSONArray(chunks: Int, threads: Int = 2, _ part: @escaping (Int) throws -> Table) throws {
    ProgressLine.shared?.enter(.writing)
    let format = numberFormat
    try writeChunks(opening: Array("[".utf8), dropsFirstByte: true, chunks: chunks, threads: threads) { chunk, out in
      try part(chunk).appendJSONItems(to: &out.line.bytes, numberFormat: format)
      try out.endRow()
    } closing: {
      Array(($0 ? "\n]\n" : "]\n").utf8)
    }
  }

  /// The streaming core: `opening`, the chunks in order (without the very first byte
  /// of the first non-empty one when `dropsFirstByte`), then `closing(anything written)`.
  private func writeChunks(
    opening: [UInt8], dropsFirstByte: Bool = false, chunks: Int, threads: Int,
    _ body: @escaping (Int, inout CSVOutput) throws -> Void, closing: (Bool) -> [UInt8]
  ) throws {
    var writer = try AtomicFile.Writer(path: output)
    try writer.write(opening)
    let threads = max(1, min(threads, chunks))
    let channels = (0..<threads).map { _ in ByteChannel(capacity: 2) }
    let shared = ProducerBox(value: body)
    let format = numberFormat, raw = raw
    for t in 0..<threads {
      DispatchQueue.global().async {
        var out = CSVOutput(
          line: CSVLineBuffer(numberFormat: format, raw: raw, reservingCapacity: 5 << 20), channel: channels[t])
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
