import IntegrityTables

extension ObservationReader {
  /// Reads an input into one set of columns (interned keys, exact scaled integers,
  /// about 50 bytes a row): `path` a file, or standard input when `nil` or `-`.
  public static func readColumns(
    path: String?, options: ObservationReadOptions = ObservationReadOptions(),
    blockSize: Int = ObservationReader.blockSize,
    parallelMinimum: Int = 16 << 20, partBytes: Int = ObservationReader.partBytes
  ) throws -> (columns: ObservationColumns, keys: ObservationKeys, set: ObservationSet) {
    var (collector, set) = try streamColumns(
      path: path, options: options, blockSize: blockSize, parallelMinimum: parallelMinimum, partBytes: partBytes,
      consumer: { ColumnCollector() })
    return (collector.joined(), collector.keys, set)
  }
}
