import Dispatch
import IntegrityStats

/// A CSV output written as it is produced: rows are formatted on another thread into
/// 4 MiB buffers, handed over a `ByteChannel`, and written by the calling thread
/// through the atomic writer, so formatting and the kernel's copy overlap and a large
/// result is never held whole.
struct CSVOutput {
  var line: CSVLineBuffer
  let channel: ByteChannel

  /// Call after each row: hands the buffer over once it holds 4 MiB.
  mutating func endRow() throws {
    if line.count >= 4 << 20 { try handOver() }
  }

  mutating func handOver() throws {
    guard !line.bytes.isEmpty else { return }
    guard channel.send(line.bytes) else { throw ByteChannel.Cancelled() }
    line.removeAll()
  }
}

/// Lends a value to the one producer thread while the caller waits for it (the caller
/// does not touch the value meanwhile).
struct ProducerBox<Value>: @unchecked Sendable {
  var value: Value
}

extension CommonOptions {
  /// Streams CSV rows to `-o` or standard output, atomically: the header, then whatever
  /// `body` appends (calling `endRow()` after each row). `body` runs on another thread.
  func writeCSV(header: [String], _ body: @escaping (inout CSVOutput) throws -> Void) throws {
    var writer = try AtomicFile.Writer(path: output)
    var line = CSVLineBuffer(numberFormat: numberFormat, raw: raw, reservingCapacity: 5 << 20)
    if bom { line.byteOrderMark() }
    line.header(header)
    let channel = ByteChannel(capacity: 2)
    let producer = ProducerBox(value: (line, body))
    DispatchQueue.global().async {
      var out = CSVOutput(line: producer.value.0, channel: channel)
      do {
        try producer.value.1(&out)
        try out.handOver()
        channel.close()
      } catch {
        channel.fail(error)
      }
    }
    do {
      while let bytes = try channel.receive() { try writer.write(bytes) }
    } catch {
      channel.cancel()
      throw error
    }
    try writer.commit()
  }
}
