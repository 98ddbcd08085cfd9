import Dispatch
import IntegrityTables

extension ObservationReader {
  /// Streams an agency file through `Consumer`s: the one path from bytes to
  /// observations (DESIGN.md §3, §8) for every input — a path or standard input (`nil`
  /// or `-`), any size, any layout of §5, any encoding — without holding the file.
  ///
  /// bytes (`BlockInput`, blocks cut after a line feed) → UTF-8 (`TextDecoder`: CP950
  /// per block, UTF-8 validated per block) → the head (title lines, header, layout,
  /// units) → records (`RecordTokenizer`) → rows (`ObservationBlockParser`'s cell
  /// rules) → the consumer. Regular files of `parallelMinimum` bytes or more (standard
  /// input too, when it is redirected from one, and a pipe, spooled first: `spoolLimit`
  /// bytes to memory, the rest to an unnamed file in `spillDirectory`) are cut at
  /// line starts into parts of about `partBytes` (`PartSchedule.partCount`) and read on
  /// every core (`PartSchedule`: each core takes the next part, each part with its own
  /// consumer, merged in file order); a cut that falls inside a quoted field is
  /// detected and the file read again on one core. A pipe is read as it comes, on one
  /// core, when it is longer than `spoolLimit` and no file can be written in
  /// `spillDirectory` (nil: none is tried).
  ///
  /// Returns the merged consumer and the row account (an `ObservationSet` without
  /// observations: notes, warnings, rejected rows, counts). Bad rows — a cell the rules
  /// cannot read, or a row the consumer refuses — throw `FILE:LINE:COLUMN` (or are
  /// rejected with `skipBadRows`); in both cases `rowsRead == used + rejected`. When a
  /// part after the first stops or rejects a row, the file is read again on one core,
  /// so that every message names lines as the file numbers them.
  @inlinable
  package static func streamColumns<Consumer: ColumnarConsumer>(
    path: String?, options: ObservationReadOptions = ObservationReadOptions(),
    blockSize: Int = ObservationReader.blockSize,
    parallelMinimum: Int = 16 << 20, partBytes: Int = ObservationReader.partBytes,
    spoolLimit: Int = ObservationReader.spoolLimit, spillDirectory: String? = StreamSpool.defaultSpillDirectory,
    consumer makeConsumer: () -> Consumer
  ) throws -> (consumer: Consumer, set: ObservationSet) {
    do {
      return try stream(
        path: path, options: options, blockSize: blockSize, parallelMinimum: parallelMinimum, partBytes: partBytes,
        spoolLimit: spoolLimit, spillDirectory: spillDirectory, consumer: makeConsumer)
    } catch var error as DataError {
      // An error before any row (the head, the encoding) has read none.
      if error.account == nil { error.account = RowAccount(read: 0, used: 0, rejected: 0) }
      throw error
    }
  }

  @inlinable
  static func stream<Consumer: ColumnarConsumer>(
    path: String?, spooled: StreamSpool? = nil, options: ObservationReadOptions, blockSize: Int, parallelMinimum: Int,
    partBytes: Int, spoolLimit: Int, spillDirectory: String?, consumer makeConsumer: () -> Consumer
  ) throws -> (consumer: Consumer, set: ObservationSet) {
    let isStdin = path == nil || path == "-"
    let source = isStdin ? "<stdin>" : path!
    var input: BlockInput
    if let spooled {
      input = BlockInput(spooled: spooled, source: source, blockSize: min(max(blockSize, 4096), 1 << 16))
    } else if isStdin {
      input = try BlockInput(
        standardInputBlockSize: min(blockSize, 1 << 16), spooling: spoolLimit, spillDirectory: spillDirectory)
    } else {
      input = try BlockInput(
        path: path!, blockSize: min(max(blockSize, 4096), 1 << 16), spooling: spoolLimit,
        spillDirectory: spillDirectory)
    }
    // A pipe spooled to its end is read like a file of its bytes.
    let spooled = input.spooled
    let fileSize = input.fileSize
    var first = try input.next()
    // The head (encoding, delimiter, title lines, header) is judged on the first 64 KiB:
    // a pipe that delivers a title line on its own must not make it the header.
    while let block = first, !block.isLast, block.bytes.count < headBytes, let more = try input.next() {
      first = (block.bytes + more.bytes, more.isLast)
    }
    input.blockSize = blockSize
    if let first, Spreadsheet.isCandidate(first.bytes) {
      // A spreadsheet is a ZIP container: read it whole, then its sheet as CSV.
      var all = first.bytes
      while let block = try input.next() { all += block.bytes }
      return try streamSpreadsheet(
        bytes: all, source: source, options: options, blockSize: min(blockSize, spreadsheetBlockSize),
        consumer: makeConsumer)
    }
    if let sheet = options.table.sheet { throw notASpreadsheet(sheet, source: source) }
    if let first, !first.isLast, TextDecoder.isUTF16(first.bytes, encoding: options.table.encoding) {
      // UTF-16 is transcoded whole: read the rest and read it from memory.
      var all = first.bytes
      while let block = try input.next() { all += block.bytes }
      return try streamColumns(bytes: all, source: source, options: options, consumer: makeConsumer)
    }
    var head = try Head(raw: first?.bytes ?? [], isLast: first?.isLast ?? true, source: source, options: options)
    let start = input.startOffset
    let aggregationSource = head.aggregationSource
    var cuts: [Int] = []
    if fileSize - start >= parallelMinimum {
      let count = PartSchedule<Consumer>.partCount(bytes: fileSize - start, partBytes: partBytes, cores: cores)
      cuts = PartSchedule<Consumer>.cuts(input, start: start, end: fileSize, count: count, cores: cores, position: input.position)
    }
    // The parts after the first, each from its cut to the next (the last to the end);
    // standard input redirected from a file (`- < FILE`) is cut like the file itself.
    var later: [Part<Consumer>] = []
    for (k, cut) in cuts.enumerated() {
      let end = k + 1 < cuts.count ? cuts[k + 1] : fileSize
      var partInput =
        if let spooled {
          BlockInput(spooled: spooled, source: source, offset: cut, blockSize: blockSize)
        } else if isStdin {
          try BlockInput(standardInputAt: cut, blockSize: blockSize)
        } else {
          try BlockInput(path: path!, offset: cut, blockSize: blockSize)
        }
      if k + 1 < cuts.count { partInput.limit = end }
      later.append(
        Part(
          consumer: makeConsumer(), source: aggregationSource,
          stream: PartStream(head: head, input: partInput, limited: k + 1 < cuts.count, source: source),
          bytes: end - cut))
    }
    if let first = cuts.first { input.limit = first }
    let parts =
      [
        Part(
          consumer: makeConsumer(), source: aggregationSource,
          stream: PartStream(head: &head, input: input, limited: !cuts.isEmpty), bytes: fileSize)
      ] + later
    for part in parts { part.stream.progress = options.progress }
    let schedule = PartSchedule(parts)
    if let done = try finish(schedule, schedule.run(threads: cores), head: head, source: source) {
      return done
    }
    return try stream(
      path: path, spooled: spooled, options: options, blockSize: blockSize, parallelMinimum: .max,
      partBytes: partBytes, spoolLimit: spoolLimit, spillDirectory: spillDirectory, consumer: makeConsumer)
  }

  /// The bytes read (and decoded, then parsed) at a time: 256 KiB, about half a core's
  /// L2 cache, so a block is parsed while its bytes are still there (4 MiB blocks left
  /// the cache before they were parsed: `achievement` on 10⁶ rows 153 → 141 ms, the same
  /// at 10⁷, outputs identical).
  public static let blockSize = 1 << 18

  /// The bytes of a pipe (or FIFO, or device) read into memory before anything else:
  /// one that ends within them is read like a regular file (on every core, and read
  /// again for a later part's problems); the rest of a longer one is copied to a
  /// temporary file first (`StreamSpool`). 64 MiB, about two million rows of a
  /// typical agency file.
  public static let spoolLimit = 64 << 20

  /// The size of the parts a large input is cut into (at least two, at most two per
  /// core, more on a large input: `PartSchedule.partCount`).
  public static let partBytes = 4 << 20

  /// The cores the parts are read on (`Chunks.cores`).
  @usableFromInline static var cores: Int { Chunks.cores }

  /// The bytes the head is judged on (fewer when the input is shorter).
  @usableFromInline static var headBytes: Int { 1 << 16 }

  /// The same, for bytes already in memory; `source` names them in messages.
  @inlinable
  package static func streamColumns<Consumer: ColumnarConsumer>(
    bytes: [UInt8], source: String, options: ObservationReadOptions = ObservationReadOptions(),
    consumer makeConsumer: () -> Consumer
  ) throws -> (consumer: Consumer, set: ObservationSet) {
    var head: Head
    do {
      if Spreadsheet.isCandidate(bytes) {
        return try streamSpreadsheet(bytes: bytes, source: source, options: options, consumer: makeConsumer)
      }
      if let sheet = options.table.sheet { throw notASpreadsheet(sheet, source: source) }
      head = try Head(raw: bytes, isLast: true, source: source, options: options)
    } catch var error as DataError {
      if error.account == nil { error.account = RowAccount(read: 0, used: 0, rejected: 0) }
      throw error
    }
    let aggregationSource = head.aggregationSource
    let only = Part(
      consumer: makeConsumer(), source: aggregationSource, stream: PartStream(head: &head, input: nil, limited: false),
      bytes: bytes.count)
    return try finish(only: only, head: head, source: source)
  }

  /// The merged consumer and the row account of a schedule that ran; nil when the
  /// input must be read again on one core. The first part's error is thrown with the
  /// account of the rows it read.
  @usableFromInline
  static func finish<Consumer: ColumnarConsumer>(
    _ schedule: PartSchedule<Consumer>, _ outcome: PartSchedule<Consumer>.Outcome, head: Head, source: String
  ) throws -> (consumer: Consumer, set: ObservationSet)? {
    let first = schedule.parts[0]
    switch outcome {
    case .readAgain:
      return nil
    case .failed:
      guard var failure = first.failure as? DataError else { throw first.failure! }
      let set = summary(schedule.parts, head: head, source: source, upTo: first)
      let rejected = set.rejected.count + 1
      failure.account = RowAccount(read: set.rowsRead, used: set.rowsRead - rejected, rejected: rejected)
      throw failure
    case .merged:
      return (first.consumer.take()!, summary(schedule.parts, head: head, source: source, upTo: nil))
    }
  }

  /// Reads the only part of an input (bytes in memory, a spreadsheet's CSV) to its account.
  @usableFromInline
  static func finish<Consumer: ColumnarConsumer>(only: Part<Consumer>, head: Head, source: String) throws
    -> (consumer: Consumer, set: ObservationSet)
  {
    let schedule = PartSchedule([only])
    return try finish(schedule, schedule.run(threads: 1), head: head, source: source)!  // one part: nothing to merge
  }

  /// The row account of a read: notes in the order the file gives them, rejected rows
  /// with their lines, counts. With `upTo`, the parts before it and the rows it read.
  private static func summary<Consumer: ColumnarConsumer>(
    _ parts: [Part<Consumer>], head: Head, source: String, upTo last: Part<Consumer>?
  ) -> ObservationSet {
    var set = ObservationSet(source: source, delimiter: head.delimiter)
    set.headerText = head.headerText
    set.notes = head.notes
    set.warnings = head.warnings
    var lineOffset = 0
    var emptyLines = head.emptyLines
    var spaceLines = 0
    var footnotes: [(line: Int, text: String)] = []
    var rates: [(line: Int, name: String)] = []
    var sawQuarter = false
    var sawMonth = false
    var sawUnit = false
    for part in parts {
      let parser = part.stream.parser
      set.rowsRead += parser.rows
      for var row in parser.rejected {
        row.line += lineOffset
        row.error.line += lineOffset
        set.rejected.append(row)
      }
      footnotes += parser.footnotes.map { ($0.line + lineOffset, $0.text) }
      rates += parser.rateRows.map { ($0.line + lineOffset, $0.name) }
      emptyLines += parser.emptyLines
      spaceLines += parser.spaceLines
      sawQuarter = sawQuarter || parser.sawQuarter
      sawMonth = sawMonth || parser.sawMonth
      sawUnit = sawUnit || parser.keys.units.count > 1
      if part === last { break }
      lineOffset += parser.line - 1
    }
    if emptyLines > 0 { set.notes.insert("\(source): \(emptyLines) row(s) of empty cells skipped", at: head.titleLineCount) }
    for (line, text) in footnotes {
      set.notes.append("\(source):\(line): footnote, not read as data: \(text)")
      if let symbol = dashRedefinition(text) {
        if head.dashMeansMissing {
          set.notes.append("\(source):\(line): the footnote defines \"\(symbol)\" as no data; reading dashes as missing, as asked")
        } else {
          set.warnings.append(
            Notice(
              "\(source):\(line): a footnote defines \"\(symbol)\" as no data, but dashes are read as zero",
              remedy: .dashAsMissing))
        }
      }
    }
    if let unit = head.layout.titleUnit {
      var noted = Set<String>()
      for (line, name) in rates where noted.insert(name).inserted {
        set.notes.append(rateNote(source: source, line: line, name: name, unit: unit))
      }
    }
    if spaceLines > 0 { set.notes.append("\(source): \(spaceLines) row(s) of only spaces skipped") }
    var present = Set(head.layout.index.keys)
    present.remove(.period)
    present.insert(.year)
    present.insert(.value)
    present.remove(.quarter)
    present.remove(.month)
    present.remove(.unit)
    if sawQuarter { present.insert(.quarter) }
    if sawMonth { present.insert(.month) }
    if sawUnit { present.insert(.unit) }
    if !head.layout.seriesColumns.isEmpty { present.insert(.indicator) }
    set.columnsPresent = present
    set.columnNumbers = head.layout.index.mapValues { $0 + 1 }
    set.columnHeaders = head.layout.index.compactMapValues { $0 < head.header.count ? head.header[$0] : nil }
    return set
  }

  /// The note for a row or column named as a rate that the table's unit does not scale.
  static func rateNote(source: String, line: Int, name: String, unit: UnitScale) -> Notice {
    Notice("\(source):\(line): \"\(name)\" is a rate: the table's unit (\(unit.described)) is not applied to its figures")
  }

  /// The symbol a footnote defines as "no data", e.g. `－` in `註：「－」表示無資料`.
  static func dashRedefinition(_ text: String) -> String? {
    let missingWords = ["無資料", "不詳", "未詳", "資料不全", "未提供", "無法取得", "不適用", "缺", "not available"]
    guard missingWords.contains(where: { text.contains($0) }) else { return nil }
    for dash in ["－", "—", "–", "-", "―"] where text.contains(dash) { return dash }
    return nil
  }
}

/// One part of an input on its way through a consumer.
@usableFromInline
final class Part<Consumer: ColumnarConsumer>: @unchecked Sendable {
  // Unchecked: each part is run by one thread, then merged or read by one thread at a
  // time, handed over through `PartSchedule`'s mutex (which orders the memory accesses).
  /// Nil once merged into another part's (or taken out as the result).
  @usableFromInline var consumer: Consumer?
  @usableFromInline let stream: PartStream
  /// The bytes whose rows end up in `consumer` (for the room it reserves).
  @usableFromInline let bytes: Int
  @usableFromInline var failure: (any Error)?

  @usableFromInline init(consumer: Consumer, source: AggregationSource, stream: PartStream, bytes: Int) {
    var consumer = consumer
    consumer.begin(source: source)
    self.consumer = consumer
    self.stream = stream
    self.bytes = bytes
  }

  @inlinable func run() {
    guard var consumer = consumer.take() else { return }
    defer { self.consumer = consumer }
    do {
      if try stream.next(into: &consumer), stream.bytesParsed > 0, bytes > 0 {
        let rows = stream.parser.rows
        consumer.expect(rows: Int(Double(bytes) / Double(stream.bytesParsed) * Double(rows) * 1.02) + 64, after: rows)
      }
      while try stream.next(into: &consumer) {}
    } catch {
      failure = error
    }
  }
}

/// The blocks of one part: read, decoded to UTF-8, parsed, with an incomplete last
/// record carried into the next block.
@usableFromInline
final class PartStream {
  @usableFromInline var input: BlockInput?
  /// Blocks handed over by another thread (a spreadsheet's CSV), instead of `input`.
  @usableFromInline var channel: ByteChannel?
  @usableFromInline var parser: ObservationBlockParser
  @usableFromInline let encoding: TextEncoding
  @usableFromInline let source: String
  @usableFromInline var pending: (bytes: [UInt8], isLast: Bool)?
  @usableFromInline var carry: [UInt8] = []
  /// Whether the part ended with a complete record (no carry left over).
  @usableFromInline var endedCleanly = true
  /// The decoded bytes parsed so far (complete records).
  @usableFromInline var bytesParsed = 0

  /// Whether the input stops at a cut, not at the end of the file.
  @usableFromInline let limited: Bool
  /// `ObservationReadOptions.progress`, told each block's bytes and rows.
  @usableFromInline var progress: (@Sendable (Int, Int) -> Void)?

  /// The first part: the rest of the head's block, then `input`'s blocks (up to its
  /// limit when `limited`).
  @usableFromInline init(head: inout ObservationReader.Head, input: consuming BlockInput?, limited: Bool) {
    self.input = input
    self.limited = limited
    self.parser = head.parser()
    self.encoding = head.encoding
    self.source = head.source
    self.pending = (head.takeRest(), head.restIsLast)
  }

  /// The only part of blocks received from `channel`: the rest of the head's block,
  /// then the channel's blocks (each ending after a line feed) until it ends.
  @usableFromInline init(head: inout ObservationReader.Head, channel: ByteChannel) {
    self.input = nil
    self.channel = channel
    self.limited = false
    self.parser = head.parser()
    self.encoding = head.encoding
    self.source = head.source
    self.pending = (head.takeRest(), head.restIsLast)
  }

  /// A later part: `input` starts at a record; its lines count from 1; `limited`: it
  /// stops at a cut, not at the end of the file.
  @usableFromInline init(head: ObservationReader.Head, input: consuming BlockInput, limited: Bool, source: String) {
    self.input = Optional(input)
    self.limited = limited
    self.parser = head.parser(firstLine: 1)
    self.encoding = head.encoding
    self.source = source
    self.pending = nil
  }

  /// Parses the next block into `consumer`; false at the end.
  @inlinable func next<Consumer: ColumnarConsumer>(into consumer: inout Consumer) throws -> Bool {
    if pending == nil {
      // A later part starts here.
      guard let raw = try input?.next() else { return false }
      pending = (try decode(raw.bytes), raw.isLast)
    }
    guard let (bytes, atEnd) = pending.take() else { return false }
    // A part that ends at a cut must end with a complete record: its last block is
    // parsed as not the last, and anything left over means the cut is not a record start.
    let isLast = atEnd && !limited
    var block: [UInt8]
    if carry.isEmpty { block = consume bytes } else { block = carry + bytes }
    let rowsBefore = parser.rows
    let k = try parser.parse(block, isLast: isLast, into: &consumer)
    bytesParsed += k
    progress?(k, parser.rows - rowsBefore)
    carry = k < block.count ? Array(block[k...]) : []
    if atEnd {
      if !carry.isEmpty { endedCleanly = false }
      return false
    }
    if let channel {
      if let bytes = try channel.receive() {
        pending = (try decode(bytes), false)
      } else {
        pending = ([], true)
      }
    } else if let raw = try input?.next(reusing: consume block) {
      pending = (try decode(raw.bytes), raw.isLast)
    } else {
      pending = ([], true)
    }
    return true
  }

  /// A block as UTF-8; a byte that does not decode is an error at its line.
  @usableFromInline func decode(_ raw: [UInt8]) throws(DataError) -> [UInt8] {
    do throws(DataError) {
      switch encoding {
      case .big5:
        return try TextDecoder.decode(raw, encoding: .big5, source: source).utf8
      default:
        guard let bad = TextDecoder.firstInvalidUTF8(raw) else { return raw }
        let located = TextDecoder.decodingError(raw, offset: bad, source: source, what: "UTF-8")
        throw DataError(
          file: source, line: located.line, column: located.column,
          message: located.message + " (the file's first block was UTF-8)", remedy: .encoding(suggested: .big5))
      }
    } catch {
      var error = error
      // Lines count from the block's first line: the parser's next line, less the
      // lines of the carried record.
      error.line += parser.line - 1 + carry.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      throw error
    }
  }
}
