import Dispatch
import Synchronization

/// Runs a `ColumnarStream` on another core, one block ahead of its consumer: while the
/// caller aggregates block k, the producer reads, decodes and parses block k + 1
/// (DESIGN.md §8, two cores). At most two parsed blocks wait at a time.
final class ColumnarPipeline: @unchecked Sendable {
  struct Block {
    var columns: ObservationColumns
    var keys: ObservationKeys
  }

  private enum Message {
    case block(Block)
    case end
    case failure(any Error)
  }

  /// Touched only by the producer until it has sent `.end` or `.failure` (then read
  /// by the consumer, after the semaphore hand-over).
  private let stream: ColumnarStream
  private let queue = Mutex<[Message]>([])
  private let cancelled = Atomic<Bool>(false)
  private let items = DispatchSemaphore(value: 0)
  /// Free places in the queue (two). Created at 0 and signalled, since libdispatch
  /// refuses to dispose of a semaphore whose count is below its initial value.
  private let spaces = DispatchSemaphore(value: 0)
  private let done = DispatchSemaphore(value: 0)
  private var finished = false

  init(stream: ColumnarStream) {
    self.stream = stream
    spaces.signal()
    spaces.signal()
    DispatchQueue.global().async { self.produce() }
  }

  private func produce() {
    while true {
      spaces.wait()
      if cancelled.load(ordering: .acquiring) { break }
      let message: Message
      do {
        if let columns = try stream.next() {
          message = .block(Block(columns: columns, keys: stream.parser.keys))
        } else {
          message = .end
        }
      } catch {
        message = .failure(error)
      }
      queue.withLock { $0.append(message) }
      items.signal()
      if case .block = message { continue }
      break
    }
    done.signal()
  }

  /// The next parsed block, nil at the end (or once the stream gave up).
  func next() throws -> Block? {
    guard !finished else { return nil }
    items.wait()
    let message = queue.withLock { $0.removeFirst() }
    spaces.signal()
    switch message {
    case .block(let block):
      return block
    case .end:
      finished = true
      return nil
    case .failure(let error):
      finished = true
      throw error
    }
  }

  /// The stream, once every block was consumed, if it did not give up.
  func finishedStream() -> ColumnarStream? {
    finished && stream.irregular == nil ? stream : nil
  }

  /// Stops the producer and waits for it; call once, when done with the pipeline.
  func cancel() {
    cancelled.store(true, ordering: .releasing)
    spaces.signal()
    done.wait()
  }
}
