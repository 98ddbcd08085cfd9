import TableIO

extension ObservationReader {
  /// Streams a large, regular agency file into `ObservationColumns`, one block at a
  /// time, without holding the file, its text or an `Observation` per row
  /// (DESIGN.md §8). Returns the row account (an `ObservationSet` with no
  /// observations), or `nil` when the fast lane does not take the file; the caller then
  /// reads it with `read(path:options:)`, which gives the same figures and reports every
  /// irregular row as that reader does.
  ///
  /// The lane takes: a regular file of at least `minimumSize` bytes in UTF-8 or CP950
  /// (as `--encoding` and the auto rule decide); long form with indicator, agency,
  /// year or period, quarter, value and target columns (others ignored, as the general
  /// reader ignores them; unit, n, month and direction columns are not taken); rows of
  /// the header's width with no blank, footnote or bad cell. The header, title lines
  /// and units are resolved by the general reader on the first block, so notes are the
  /// same. `body` gets each block and the key names so far; it returns `false` to give
  /// up (the function then returns `nil`).
  public static func streamColumns(
    path: String?, options: ObservationReadOptions = ObservationReadOptions(),
    minimumSize: Int = 1 << 20, blockSize: Int = 4 << 20,
    _ body: (_ block: ObservationColumns, _ keys: ObservationKeys) throws -> Bool
  ) throws -> ObservationSet? {
    guard var setup = try ColumnarSetup(path: path, options: options, minimumSize: minimumSize, blockSize: blockSize),
      let stream = setup.firstStream()
    else { return nil }
    // Two stages on two cores: this thread runs `body` on block k while the other
    // reads, decodes and parses block k + 1.
    let pipeline = ColumnarPipeline(stream: stream)
    defer { pipeline.cancel() }
    while let block = try pipeline.next() {
      guard try body(block.columns, block.keys) else { return nil }
    }
    guard pipeline.finishedStream() != nil else { return nil }
    return setup.summary([stream.parser])
  }

  /// Reads a large regular file through the fast lane into one set of columns, or `nil`
  /// when the lane does not take it (see `streamColumns`).
  public static func readColumns(
    path: String?, options: ObservationReadOptions = ObservationReadOptions(), minimumSize: Int = 1 << 20,
    blockSize: Int = 4 << 20, parallelMinimum: Int = 16 << 20
  ) throws -> (columns: ObservationColumns, keys: ObservationKeys, set: ObservationSet)? {
    guard
      var (collector, set) = try streamColumns(
        path: path, options: options, minimumSize: minimumSize, blockSize: blockSize,
        parallelMinimum: parallelMinimum, consumer: { ColumnCollector() })
    else { return nil }
    return (collector.joined(), collector.keys, set)
  }

}
