import Dispatch
import Synchronization

/// A bounded hand-over of byte buffers from one producer thread to one consumer: the
/// producer formats output while the consumer writes the previous buffer, so the
/// kernel's copy into the page cache overlaps the formatting (two cores).
///
/// At most `capacity` buffers wait. The producer ends with `close()` or `fail(_:)`;
/// the consumer's `cancel()` makes further `send` calls return `false`.
@usableFromInline package final class ByteChannel: Sendable {
  private enum Item: Sendable {
    case bytes([UInt8])
    case end
    case failure(any Error)
  }

  private let queue = Mutex<[Item]>([])
  private let cancelled = Atomic<Bool>(false)
  private let items = DispatchSemaphore(value: 0)
  /// Free places; created at 0 and signalled (libdispatch refuses to dispose of a
  /// semaphore whose count is below its initial value).
  private let spaces = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  /// Buffers the consumer has written, emptied, for the producer to fill again: their
  /// pages are already mapped, so a large output does not fault in fresh memory. As
  /// many are kept as can wait in the channel.
  private let spare = Mutex<[[UInt8]]>([])
  private let capacity: Int

  public init(capacity: Int = 2) {
    self.capacity = max(1, capacity)
    for _ in 0..<self.capacity { spaces.signal() }
  }

  /// Hands `bytes` over, waiting while the channel is full; `false` once cancelled.
  @discardableResult
  public func send(_ bytes: [UInt8]) -> Bool {
    spaces.wait()
    if cancelled.load(ordering: .acquiring) { return false }
    queue.withLock { $0.append(.bytes(bytes)) }
    items.signal()
    return true
  }

  /// The producer is done: the consumer's `receive` returns nil after the last buffer.
  public func close() {
    queue.withLock { $0.append(.end) }
    items.signal()
    finished.signal()
  }

  /// The producer stopped with `error`; the consumer's `receive` throws it.
  public func fail(_ error: any Error) {
    queue.withLock { $0.append(.failure(error)) }
    items.signal()
    finished.signal()
  }

  /// The next buffer; nil at the end; rethrows the producer's error.
  public func receive() throws -> [UInt8]? {
    items.wait()
    let item = queue.withLock { $0.removeFirst() }
    spaces.signal()
    switch item {
    case .bytes(let bytes): return bytes
    case .end: return nil
    case .failure(let error): throw error
    }
  }

  /// Stops the producer (its next `send` returns false) and waits until it has ended.
  public func cancel() {
    cancelled.store(true, ordering: .releasing)
    spaces.signal()
    finished.wait()
  }

  /// Gives a written buffer back for reuse (the consumer, after writing it).
  public func recycle(_ bytes: consuming [UInt8]) {
    var bytes = bytes
    bytes.removeAll(keepingCapacity: true)
    spare.withLock { if $0.count < capacity { $0.append(bytes) } }
  }

  /// An empty buffer given back by the consumer, if any (the producer, to fill next).
  public func recycled() -> [UInt8]? {
    spare.withLock { $0.popLast() }
  }

  /// The error a producer's `send` reports once the consumer has cancelled.
  public struct Cancelled: Error {
    public init() {}
  }
}
