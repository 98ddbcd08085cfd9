import TableIO

extension ObservationReader {
  /// Reads a large regular file through the fast lane into one set of columns, or `nil`
  /// when the lane does not take it (see `streamColumns`).
  public static func readColumns(
    path: String?, options: ObservationReadOptions = ObservationReadOptions(), minimumSize: Int = 1 << 20,
    blockSize: Int = 4 << 20, parallelMinimum: Int = 16 << 20
  ) throws -> (columns: ObservationColumns, keys: ObservationKeys, set: ObservationSet)? {
    guard
      let streamed = try streamColumns(
        path: path, options: options, minimumSize: minimumSize, blockSize: blockSize,
        parallelMinimum: parallelMinimum, consumer: { ColumnCollector() })
    else { return nil }
    var collector = streamed.0
    return (collector.joined(), collector.keys, streamed.1)
  }
}
