import TableIO

/// Reads any agency file into canonical observations (DESIGN.md §5, issue 4).
///
/// bytes → `TableReader` (decoding, delimiter, RFC 4180, title lines before the header)
/// → header resolution (aliases, `--columns`, unit suffixes) → one `Observation` per
/// data row (or per period column with `--wide`): years Gregorian, quarters as numbers,
/// figures exact and scaled to base units, symbols resolved (`…` missing, `－` zero or
/// missing, trailing `r` revised).
///
/// Footnote lines (`註：`, `說明：`, `資料來源：` …, and single-cell lines after one) are
/// reported in `notes`, not read as rows; a footnote that defines a dash as "no data"
/// gives a warning naming `--dash missing`. A bad cell throws a `DataError`
/// (`FILE:LINE:COLUMN: expected … in column "NAME" (found "CELL")`), or with
/// `skipBadRows` rejects its row; either way every data row is counted:
/// `rowsRead == observations' rows + rejected.count`.
public enum ObservationReader {
  /// Reads `path` (`nil` or `-` = standard input).
  public static func read(path: String?, options: ObservationReadOptions = ObservationReadOptions()) throws
    -> ObservationSet
  {
    // The scanned table is a temporary: it is freed when `parse` returns, before the
    // chunks are joined, so its text and cell index never sit beside the whole result.
    join(try parse(table: TableReader.read(path: path, options: tableOptions(options)), options: options))
  }

  /// Reads bytes already in memory.
  public static func read(
    bytes: [UInt8], source: String, options: ObservationReadOptions = ObservationReadOptions()
  ) throws -> ObservationSet {
    join(try parse(table: TableReader.read(bytes: bytes, source: source, options: tableOptions(options)), options: options))
  }

  static func tableOptions(_ options: ObservationReadOptions) -> ReadOptions {
    var t = options.table
    t.allowRaggedRows = true
    if t.headerMatcher == nil { t.headerMatcher = headerMatcher(options: options) }
    return t
  }

  /// Reads a table already scanned.
  public static func read(table: TextTable, options: ObservationReadOptions) throws -> ObservationSet {
    join(try parse(table: table, options: options))
  }

  /// A table's rows converted, chunk by chunk, not yet joined.
  struct Parsed {
    var set: ObservationSet
    var chunks: [Chunk]
    var layout: Layout
  }

  /// Title lines, header, footnotes and the conversion of data rows (in chunks).
  static func parse(table: TextTable, options: ObservationReadOptions) throws -> Parsed {
    // An empty input is almost always a failed export or a wrong path: say so.
    guard !table.header.isEmpty || table.rowCount > 0 || !table.preamble.isEmpty else {
      throw DataError(file: table.source, line: 1, column: 1, message: "the input is empty (no header line)")
    }
    var set = ObservationSet(source: table.source, delimiter: table.delimiter)
    for line in table.preamble {
      let text = line.fields.filter { !TextTable.trim($0).isEmpty }.joined(separator: " ")
      set.notes.append("\(table.source):\(line.line): title line before the header: \(text)")
    }
    if table.blankRows > 0 {
      set.notes.append("\(table.source): \(table.blankRows) row(s) of empty cells skipped")
    }
    guard !table.header.isEmpty else { return Parsed(set: set, chunks: [], layout: Layout()) }
    set.headerText = table.headerOriginalText
    var layout = try layout(table, options: options, notes: &set.notes)
    layout.titleUnit = titleUnit(table, notes: &set.notes)
    // Pass 1 (sequential, on bytes): set footnote lines aside; the rest are data rows.
    let classifier = RowReader(table: table, layout: layout, options: options)
    var inFootnotes = false
    var dataRows: [Int] = []
    dataRows.reserveCapacity(table.rowCount)
    var blankRows = 0
    for row in 0..<table.rowCount {
      if classifier.isBlank(row: row) {
        blankRows += 1
        continue
      }
      guard let footnote = classifier.footnote(row: row, afterFootnote: inFootnotes) else {
        dataRows.append(row)
        continue
      }
      inFootnotes = true
      let line = table.line(row: row)
      set.notes.append("\(table.source):\(line): footnote, not read as data: \(footnote)")
      if let symbol = dashRedefinition(footnote) {
        if options.dashMeansMissing {
          set.notes.append("\(table.source):\(line): the footnote defines \"\(symbol)\" as no data; reading dashes as missing (--dash missing)")
        } else {
          set.warnings.append("\(table.source):\(line): a footnote defines \"\(symbol)\" as no data, but dashes are read as zero; use --dash missing if it applies to this table")
        }
      }
    }
    if blankRows > 0 {
      set.notes.append("\(table.source): \(blankRows) row(s) of only spaces skipped")
    }
    // Pass 2: data rows → observations, in chunks on both cores for large files.
    set.rowsRead = dataRows.count
    let chunks = try convert(dataRows, table: table, layout: layout, options: options)
    return Parsed(set: set, chunks: chunks, layout: layout)
  }

  /// Joins the chunks in row order and records which canonical columns were present.
  static func join(_ parsed: consuming Parsed) -> ObservationSet {
    // Take the parts out (swap, not copy), so each array stays uniquely referenced and
    // is freed or grown in place.
    var set = ObservationSet()
    swap(&set, &parsed.set)
    var chunks: [Chunk] = []
    swap(&chunks, &parsed.chunks)
    let layout = parsed.layout
    guard !chunks.isEmpty else { return set }
    // Chunk 0's array has room for every row: move it, append the others, free each.
    swap(&set.observations, &chunks[0].observations)
    var sawQuarter = false
    var sawMonth = false
    for k in chunks.indices {
      if k > 0 {
        set.observations += chunks[k].observations
        chunks[k].observations = []
      }
      set.rejected += chunks[k].rejected
      sawQuarter = sawQuarter || chunks[k].sawQuarter
      sawMonth = sawMonth || chunks[k].sawMonth
    }
    var present = Set(layout.index.keys)
    present.remove(.period)
    present.insert(.year)
    present.insert(.value)
    if sawQuarter { present.insert(.quarter) }
    if sawMonth { present.insert(.month) }
    if set.observations.contains(where: { $0.unit != nil }) { present.insert(.unit) }
    set.columnsPresent = present
    set.columnNumbers = layout.index.mapValues { $0 + 1 }
    return set
  }

  /// A unit stated in a title line (`單位：金額(千元)`, `單位:件`), applied to figures
  /// with no unit of their own. Precedence: header suffix, then unit column, then title.
  static func titleUnit(_ table: TextTable, notes: inout [String]) -> UnitScale? {
    for line in table.preamble {
      for field in line.fields {
        let folded = TextFolding.halfWidth(field)
        guard let range = folded.firstRange(of: "單位") else { continue }
        var rest = folded[range.upperBound...].drop { $0 == ":" || $0 == " " }
        if let end = rest.firstIndex(where: { $0 == "," || $0 == "、" || $0 == ";" }) { rest = rest[..<end] }
        let split = CanonicalColumn.splitUnitSuffix(String(rest))
        let unit = split.unit ?? split.base
        if let scale = UnitScale(parsing: unit) {
          notes.append("\(table.source):\(line.line): unit \"\(unit)\" from the title line applies to the figures")
          return scale
        }
      }
    }
    return nil
  }

  /// The symbol a footnote defines as "no data", e.g. `－` in `註：「－」表示無資料`.
  static func dashRedefinition(_ text: String) -> String? {
    let missingWords = ["無資料", "不詳", "未詳", "資料不全", "未提供", "無法取得", "不適用", "缺", "not available"]
    guard missingWords.contains(where: { text.contains($0) }) else { return nil }
    for dash in ["－", "—", "–", "-", "―"] where text.contains(dash) { return dash }
    return nil
  }
}
