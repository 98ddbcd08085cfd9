import Dispatch
import TableIO

/// A computation over the fast lane's blocks that can run on parts of a file at once
/// (DESIGN.md §8, two cores): one consumer per part, merged in file order.
public protocol ColumnarConsumer {
  /// Adds a row as it is parsed (its ids index `keys`, the names of this part so far);
  /// `false` when the file needs the general reader.
  mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) -> Bool
  /// Takes in the consumer of the part that follows this one in the file, whose line
  /// numbers are `lineOffset` short; `false` when the two cannot be merged.
  mutating func merge(_ next: Self, lineOffset: Int) -> Bool
  /// Told once, after the first block of its part, about how many rows it will have
  /// taken in the end (its part's and those of the parts merged into it, estimated from
  /// the bytes per row so far) and how many it has taken: room for its state can be
  /// made once instead of growing by copies. A hint only; the default does nothing.
  mutating func expect(rows: Int, after seen: Int)
}

extension ColumnarConsumer {
  public mutating func expect(rows: Int, after seen: Int) {}
}

/// One part of a file on its way through a consumer.
final class ColumnarPart<Consumer: ColumnarConsumer>: @unchecked Sendable {
  // Unchecked: each part is run by one thread at a time, handed over through
  // `DispatchSemaphore` (which orders the memory accesses), and read after it finished.
  var consumer: Consumer
  let stream: ColumnarStream
  /// The bytes of the file whose rows end up in `consumer` (this part's, plus those of
  /// the parts merged into it).
  let bytes: Int
  var declined = false
  var failure: (any Error)?

  init(consumer: Consumer, stream: ColumnarStream, bytes: Int) {
    self.consumer = consumer
    self.stream = stream
    self.bytes = bytes
  }

  func run() {
    do {
      if try stream.next(into: &consumer), stream.bytesParsed > 0 {
        let rows = stream.parser.rows
        consumer.expect(rows: Int(Double(bytes) / Double(stream.bytesParsed) * Double(rows) * 1.02) + 64, after: rows)
      }
      while try stream.next(into: &consumer) {}
      if stream.irregular != nil { declined = true }
    } catch {
      failure = error
    }
  }
}

extension ObservationReader {
  /// Streams a large, regular agency file through `Consumer`s, row by row, without
  /// holding the file, its text or an `Observation` per row (DESIGN.md §8). Returns the
  /// merged consumer and the row account (an `ObservationSet` with no observations), or
  /// `nil` when the fast lane or a consumer declines the file; the caller then reads it
  /// with `read(path:options:)`, which gives the same figures and reports every
  /// irregular row as that reader does.
  ///
  /// The lane takes: a regular file of at least `minimumSize` bytes in UTF-8 or CP950
  /// (as `--encoding` and the auto rule decide); long form with indicator, agency,
  /// year or period, quarter, value and target columns (others ignored, as the general
  /// reader ignores them; unit, n, month and direction columns are not taken); rows of
  /// the header's width with no blank, footnote or bad cell. The header, title lines
  /// and units are resolved by the general reader on the first block, so notes are the
  /// same.
  ///
  /// Files of `parallelMinimum` bytes or more are cut at the first line start after
  /// their middle; the two halves are read, decoded, parsed and consumed on two cores,
  /// then merged. The cut is checked: the first half must end in a complete record
  /// exactly there (a cut inside a quoted field makes it irregular).
  public static func streamColumns<Consumer: ColumnarConsumer>(
    path: String?, options: ObservationReadOptions = ObservationReadOptions(), minimumSize: Int = 1 << 20,
    blockSize: Int = 4 << 20, parallelMinimum: Int = 16 << 20, consumer makeConsumer: () -> Consumer
  ) throws -> (consumer: Consumer, set: ObservationSet)? {
    guard var setup = try ColumnarSetup(path: path, options: options, minimumSize: minimumSize, blockSize: blockSize)
    else { return nil }
    var parts: [ColumnarPart<Consumer>] = []
    if setup.fileSize >= parallelMinimum, let middle = setup.middleLineStart, let second = try setup.stream(from: middle),
      let first = setup.firstStream(limit: middle)
    {
      // The first part's consumer takes in the second's: it expects the whole file.
      parts = [
        ColumnarPart(consumer: makeConsumer(), stream: first, bytes: setup.fileSize),
        ColumnarPart(consumer: makeConsumer(), stream: second, bytes: setup.fileSize - middle),
      ]
    } else if let only = setup.firstStream() {
      parts = [ColumnarPart(consumer: makeConsumer(), stream: only, bytes: setup.fileSize)]
    } else {
      return nil
    }
    if parts.count == 2 {
      let done = DispatchSemaphore(value: 0)
      let second = parts[1]
      DispatchQueue.global().async {
        second.run()
        done.signal()
      }
      parts[0].run()
      done.wait()
    } else {
      parts[0].run()
    }
    for part in parts { if let failure = part.failure { throw failure } }
    guard !parts.contains(where: \.declined) else { return nil }
    var merged = parts[0].consumer
    if parts.count == 2 {
      guard merged.merge(parts[1].consumer, lineOffset: parts[0].stream.parser.line - 1) else { return nil }
    }
    return (merged, setup.summary(parts.map(\.stream.parser)))
  }
}
