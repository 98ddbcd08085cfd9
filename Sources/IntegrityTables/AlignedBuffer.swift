import Glibc

/// A fixed-capacity byte buffer whose start is aligned (for `O_DIRECT` writes, which
/// need the memory, the file offset and the length aligned to the device's logical
/// block size: `AtomicFile.Writer` uses 4096, which every Linux block size divides).
///
/// The one place the direct output path touches raw memory: `append` copies into it,
/// `withBytes` lends what it holds, `removeFirst` drops a written prefix.
final class AlignedBuffer {
  /// The number of bytes it can hold (a multiple of `alignment`).
  let capacity: Int
  let alignment: Int
  private let base: UnsafeMutableRawPointer
  /// The bytes held: `base[0..<count]`.
  private(set) var count = 0

  /// Allocates `capacity` bytes aligned to `alignment` (a power of two); nil when
  /// the memory cannot be had.
  init?(capacity: Int, alignment: Int) {
    precondition(alignment > 0 && alignment & (alignment - 1) == 0 && capacity % alignment == 0)
    var memory: UnsafeMutableRawPointer? = nil
    guard posix_memalign(&memory, alignment, capacity) == 0, let memory else { return nil }
    self.base = memory
    self.capacity = capacity
    self.alignment = alignment
  }

  deinit { free(base) }

  var freeCapacity: Int { capacity - count }

  /// Copies as many of `bytes[offset...]` as fit; returns how many.
  func append(_ bytes: [UInt8], from offset: Int) -> Int {
    let n = min(bytes.count - offset, freeCapacity)
    guard n > 0 else { return 0 }
    // Safe: offset + n ≤ bytes.count and count + n ≤ capacity, so both ranges lie inside
    // their allocations; the source is only read, inside the scope that lends it.
    bytes.withUnsafeBytes { source in
      (base + count).copyMemory(from: source.baseAddress! + offset, byteCount: n)
    }
    count += n
    return n
  }

  /// Lends the first `prefix` bytes held (their start is aligned).
  func withBytes<R>(prefix: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    precondition(prefix >= 0 && prefix <= count)
    // Safe: base[0..<prefix] is allocated and initialised; the buffer is only lent
    // for the call.
    return body(UnsafeRawBufferPointer(start: base, count: prefix))
  }

  /// Drops the first `k` bytes, moving the rest to the start.
  func removeFirst(_ k: Int) {
    precondition(k >= 0 && k <= count)
    // Safe: both ranges lie inside base[0..<count]; `moveMemory`-style overlap is
    // handled by memmove.
    if k < count { memmove(base, base + k, count - k) }
    count -= k
  }
}
