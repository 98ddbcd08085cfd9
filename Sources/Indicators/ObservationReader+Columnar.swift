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
    guard let path, path != "-", !options.wide, options.table.encoding != .utf16,
      BlockInput.isRegularFile(path)
    else { return nil }
    var input = try BlockInput(path: path, blockSize: min(max(blockSize, 4096), 1 << 20))
    guard input.fileSize >= minimumSize, let first = try input.next(carry: []) else { return nil }
    input.blockSize = blockSize
    // The header, title lines, layout and units, by the general reader on the first block.
    guard let table = try? TableReader.read(bytes: first.bytes, source: path, options: tableOptions(options)),
      table.encoding != .utf16, table.blankRows == 0, table.rowCount > 0,
      let parsed = try? parse(table: table, options: options),
      parsed.set.warnings.isEmpty, parsed.set.rejected.isEmpty,
      let kinds = columnKinds(parsed.layout, width: table.header.count),
      let offset = byteOffset(ofLine: table.line(row: 0), in: first.bytes)
    else { return nil }
    let layout = parsed.layout
    let parser = ColumnarBlockParser(
      kinds: kinds, delimiter: table.delimiter, dashMeansMissing: options.dashMeansMissing,
      valueScale: layout.units[.value], targetScale: layout.units[.target], titleUnit: layout.titleUnit,
      firstLine: table.line(row: 0))
    guard
      let stream = ColumnarStream(
        input: input, parser: parser, isBig5: table.encoding == .big5, source: path,
        first: first.bytes[offset...], firstIsLast: first.isLast)
    else { return nil }
    // Two stages on two cores: this thread runs `body` on block k while the other
    // reads, decodes and parses block k + 1.
    let pipeline = ColumnarPipeline(stream: stream)
    defer { pipeline.cancel() }
    while let block = try pipeline.next() {
      guard try body(block.columns, block.keys) else { return nil }
    }
    guard pipeline.finishedStream() != nil else { return nil }
    var set = parsed.set
    set.observations = []
    set.rowsRead = stream.parser.rows
    var present = Set(layout.index.keys)
    present.remove(.period)
    present.insert(.year)
    present.insert(.value)
    if stream.parser.sawQuarter { present.insert(.quarter) }
    if stream.parser.sawUnit || layout.units[.value] != nil || layout.titleUnit != nil { present.insert(.unit) }
    set.columnsPresent = present
    return set
  }

  /// Reads a large regular file through the fast lane into one set of columns, or `nil`
  /// when the lane does not take it (see `streamColumns`).
  public static func readColumns(
    path: String?, options: ObservationReadOptions = ObservationReadOptions(), minimumSize: Int = 1 << 20,
    blockSize: Int = 4 << 20
  ) throws -> (columns: ObservationColumns, keys: ObservationKeys, set: ObservationSet)? {
    var all = ObservationColumns()
    var names = ObservationKeys()
    guard
      let set = try streamColumns(path: path, options: options, minimumSize: minimumSize, blockSize: blockSize, {
        block, keys in
        all.append(contentsOf: block)
        names = keys
        return true
      })
    else { return nil }
    return (all, names, set)
  }

  /// The fast lane's kind of each header column, or nil when the layout has a column
  /// the lane does not take.
  static func columnKinds(_ layout: Layout, width: Int) -> [ColumnarBlockParser.Kind]? {
    guard layout.periodColumns.isEmpty else { return nil }
    var kinds = [ColumnarBlockParser.Kind](repeating: .skip, count: width)
    let periodColumn = layout.index[.period] ?? layout.index[.year]
    for (column, i) in layout.index {
      guard i < width else { return nil }
      switch column {
      case .indicator: kinds[i] = .indicator
      case .agency: kinds[i] = .agency
      case .period, .year: if i == periodColumn { kinds[i] = .period }
      case .quarter: kinds[i] = .quarter
      case .value: kinds[i] = .value
      case .target: kinds[i] = .target
      default: return nil
      }
    }
    return periodColumn == nil ? nil : kinds
  }

  /// The byte offset where 1-based physical line `line` starts (a line ends at LF, CR
  /// or CRLF, as the scanner counts them), or nil if `bytes` has fewer lines.
  static func byteOffset(ofLine line: Int, in bytes: [UInt8]) -> Int? {
    var current = 1
    var i = 0
    while current < line {
      while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
      guard i < bytes.count else { return nil }
      i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
      current += 1
    }
    return i
  }
}
