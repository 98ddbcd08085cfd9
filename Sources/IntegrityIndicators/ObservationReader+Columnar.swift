import Glibc
import IntegrityTables

extension ObservationReader {
  /// Reads an input into one set of columns (interned keys, exact scaled integers,
  /// about 50 bytes a row): `path` a file, or standard input when `nil` or `-`.
  public static func readColumns(
    path: String?, options: ObservationReadOptions = ObservationReadOptions(), blockSize: Int = 4 << 20,
    parallelMinimum: Int = 16 << 20
  ) throws -> (columns: ObservationColumns, keys: ObservationKeys, set: ObservationSet) {
    guard
      let streamed = try streamColumns(
        path: path, options: options, blockSize: blockSize, parallelMinimum: parallelMinimum,
        consumer: { ColumnCollector() })
    else { preconditionFailure("ColumnCollector takes every row") }
    var collector = streamed.0
    return (collector.joined(), collector.keys, streamed.1)
  }

  /// Whether `path` is a regular file of at least `minimumSize` bytes (the commands'
  /// streaming computations take those; smaller files and standard input go through
  /// the observations).
  public static func isLarge(_ path: String?, minimumSize: Int) -> Bool {
    guard let path, path != "-", BlockInput.isRegularFile(path) else { return false }
    guard minimumSize > 0 else { return true }
    var info = stat()
    return stat(path, &info) == 0 && Int(info.st_size) >= minimumSize
  }
}
