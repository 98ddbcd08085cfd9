import Dispatch
import Synchronization
import TableIO

extension ObservationReader {
  /// The observations of one run of consecutive data rows.
  struct Chunk: Sendable {
    var observations: [Observation] = []
    var rejected: [RejectedRow] = []
    /// The first bad row's error when rows are not skipped (the chunk stops there).
    var failure: DataError?
    var sawQuarter = false
    var sawMonth = false
  }

  /// Rows per chunk below which one core does all the work.
  static let rowsPerChunk = 100_000

  /// Cores used by default: one. Measured on this 2-core machine (Benchmarks/reader,
  /// 1,000,000 Big5 rows), two chunks on two cores took as long or longer than one
  /// (wall 1.08–1.22 s against 0.72–1.01 s, same CPU time): both threads retain and
  /// release the same shared text and index buffers for every cell, and the atomic
  /// reference counts contend. Pass `cores:` to `convert` to use more.
  static let defaultCores = 1

  /// Converts `rows` (data rows, in file order) to observations: in one chunk, or for
  /// large files and `cores` > 1 in one chunk per core (DESIGN.md §8), each with its own interned keys,
  /// joined in row order. Without `skipBadRows` the first bad row in file order is
  /// thrown, as in a sequential read.
  static func convert(
    _ rows: [Int], table: TextTable, layout: Layout, options: ObservationReadOptions,
    rowsPerChunk: Int = ObservationReader.rowsPerChunk, cores: Int? = nil
  ) throws -> [Chunk] {
    let cores = max(1, min(cores ?? defaultCores, 8))
    let count = rows.count < 2 * rowsPerChunk ? 1 : min(cores, rows.count / rowsPerChunk)
    let bounds = (0...count).map { rows.count * $0 / count }
    let results = Mutex<[Chunk?]>(Array(repeating: nil, count: count))
    @Sendable func work(_ k: Int) {
      var reader = RowReader(table: table, layout: layout, options: options)
      var chunk = Chunk()
      // Chunk 0 becomes the result: room for every row, so joining never reallocates.
      let rowsToHold = k == 0 ? rows.count : bounds[k + 1] - bounds[k]
      chunk.observations.reserveCapacity(rowsToHold * max(1, layout.periodColumns.count))
      for row in rows[bounds[k]..<bounds[k + 1]] {
        do throws(DataError) {
          try reader.read(row: row, into: &chunk.observations)
        } catch {
          guard options.skipBadRows else {
            chunk.failure = error
            break
          }
          chunk.rejected.append(RejectedRow(line: table.line(row: row), text: table.originalText(row: row), error: error))
        }
      }
      chunk.sawQuarter = reader.sawQuarter
      chunk.sawMonth = reader.sawMonth
      results.withLock { $0[k] = chunk }
    }
    if count == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: count) { work($0) }
    }
    let chunks = results.withLock { $0.map { $0! } }
    if let failure = chunks.lazy.compactMap(\.failure).first { throw failure }
    return chunks
  }
}
