import TableIO

/// What the fast lane learns from a file's first block before streaming it: the
/// header, title lines, layout and units (resolved by the general reader, so notes are
/// the same), the encoding, and where the data rows start.
struct ColumnarSetup: ~Copyable {
  let path: String
  let blockSize: Int
  let parsed: ObservationReader.Parsed
  let kinds: [ColumnarBlockParser.Kind]
  let delimiter: UInt8
  let isBig5: Bool
  let dashMeansMissing: Bool
  let firstLine: Int
  /// The input, positioned after the first block, and that block from the first data row.
  private var input: BlockInput?
  private let first: ArraySlice<UInt8>
  private let firstIsLast: Bool

  /// Nil when the fast lane does not take the file (see `ObservationReader.streamColumns`).
  init?(path: String?, options: ObservationReadOptions, minimumSize: Int, blockSize: Int) throws {
    guard let path, path != "-", !options.wide, options.table.encoding != .utf16,
      BlockInput.isRegularFile(path)
    else { return nil }
    var input = try BlockInput(path: path, blockSize: min(max(blockSize, 4096), 1 << 16))
    guard input.fileSize >= minimumSize, let first = try input.next() else { return nil }
    input.blockSize = blockSize
    guard
      let table = try? TableReader.read(
        bytes: first.bytes, source: path, options: ObservationReader.tableOptions(options)),
      table.encoding != .utf16, table.blankRows == 0, table.rowCount > 0,
      let parsed = try? ObservationReader.parse(table: table, options: options),
      parsed.set.warnings.isEmpty, parsed.set.rejected.isEmpty,
      let kinds = ColumnarSetup.columnKinds(parsed.layout, width: table.header.count),
      let offset = ColumnarSetup.byteOffset(ofLine: table.line(row: 0), in: first.bytes)
    else { return nil }
    self.path = path
    self.blockSize = blockSize
    self.parsed = parsed
    self.kinds = kinds
    self.delimiter = table.delimiter
    self.isBig5 = table.encoding == .big5
    self.dashMeansMissing = options.dashMeansMissing
    self.firstLine = table.line(row: 0)
    self.first = first.bytes[offset...]
    self.firstIsLast = first.isLast
    self.fileSize = input.fileSize
    let middle = input.lineStart(atOrAfter: input.fileSize / 2)
    // A second part must start after what the first block has read.
    self.middleLineStart = middle.flatMap { $0 >= input.position ? $0 : nil }
    self.input = consume input
  }

  /// The file's size, and the offset just after the first line feed at or after its
  /// middle (where a second core can start).
  let fileSize: Int
  let middleLineStart: Int?

  /// A parser for a part of the file whose first record is on `firstLine`.
  func parser(firstLine: Int) -> ColumnarBlockParser {
    let layout = parsed.layout
    return ColumnarBlockParser(
      kinds: kinds, delimiter: delimiter, dashMeansMissing: dashMeansMissing,
      valueScale: layout.units[.value], targetScale: layout.units[.target], titleUnit: layout.titleUnit,
      firstLine: firstLine)
  }

  /// The stream of the data rows from the first block on, up to `limit` (a byte offset
  /// just after a line feed) or the end of the file; call once.
  mutating func firstStream(limit: Int? = nil) -> ColumnarStream? {
    guard var input = input.take() else { return nil }
    if let limit { input.limit = limit }
    return ColumnarStream(
      input: input, parser: parser(firstLine: firstLine), isBig5: isBig5, source: path, first: first,
      firstIsLast: firstIsLast && limit == nil)
  }

  /// A stream of the rows from byte `offset` (a record start) to the end; line numbers
  /// count from 1 there.
  func stream(from offset: Int) throws -> ColumnarStream? {
    var input = try BlockInput(path: path, offset: offset, blockSize: blockSize)
    guard let first = try input.next() else { return nil }
    return ColumnarStream(
      input: input, parser: parser(firstLine: 1), isBig5: isBig5, source: path, first: first.bytes[...],
      firstIsLast: first.isLast)
  }

  /// The row account of a finished read, from the parsers of its parts.
  func summary(_ parsers: [ColumnarBlockParser]) -> ObservationSet {
    var set = parsed.set
    set.observations = []
    set.rowsRead = parsers.reduce(0) { $0 + $1.rows }
    let layout = parsed.layout
    var present = Set(layout.index.keys)
    present.remove(.period)
    present.insert(.year)
    present.insert(.value)
    if parsers.contains(where: \.sawQuarter) { present.insert(.quarter) }
    if parsers.contains(where: \.sawUnit) || layout.units[.value] != nil || layout.titleUnit != nil {
      present.insert(.unit)
    }
    set.columnsPresent = present
    set.columnNumbers = layout.index.mapValues { $0 + 1 }
    return set
  }

  /// The fast lane's kind of each header column, or nil when the layout has a column
  /// the lane does not take.
  static func columnKinds(_ layout: ObservationReader.Layout, width: Int) -> [ColumnarBlockParser.Kind]? {
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
