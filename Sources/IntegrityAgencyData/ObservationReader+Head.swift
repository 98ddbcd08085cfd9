import IntegrityTables

extension ObservationReader {
  /// What a file's first block says before its rows: the encoding, the delimiter, the
  /// title lines, the header and its layout (DESIGN.md §5). Records are split by the
  /// same `RecordTokenizer` as the rows.
  ///
  /// The header is the row at `ReadOptions.headerRow`, else the first of the first
  /// `headerSearchLimit` rows in which at least two cells name canonical columns (or
  /// `ObservationReadOptions.columnMap` headers; with `wide`, two period headers), else the first row.
  /// Rows before it are title lines (reported as notes; a unit in one, `單位：千元`,
  /// applies to figures with no other unit).
  @usableFromInline
  struct Head {
    let source: String
    let encoding: TextEncoding
    let delimiter: UInt8
    let header: [String]
    let headerText: String
    let layout: Layout
    var notes: [Notice] = []
    var warnings: [Notice] = []
    /// Lines of empty cells before the header, and the notes' index after the title lines.
    var emptyLines = 0
    var titleLineCount = 0
    /// The line the first record after the header starts on.
    let firstLine: Int
    let restIsLast: Bool
    private var rest: [UInt8]
    let options: ObservationReadOptions
    var dashMeansMissing: Bool { options.dashMeansMissing }

    @usableFromInline
    init(raw: [UInt8], isLast: Bool, source: String, options: ObservationReadOptions) throws {
      self.source = source
      self.options = options
      let decoded: (utf8: [UInt8], encoding: TextEncoding)
      do {
        decoded = try TextDecoder.decode(raw, encoding: options.table.encoding, source: source)
      } catch {
        // A forced encoding's errors say that another encoding may be the file's.
        var error = error
        if options.table.encoding != .auto && error.remedy == nil { error.remedy = .encoding(suggested: nil) }
        throw error
      }
      let (utf8, encoding) = decoded
      self.encoding = encoding
      if encoding == .big5 && options.table.encoding == .auto {
        notes.append(
          Notice("\(source): read as Big5 (CP950): the file is not valid UTF-8", remedy: .encoding(suggested: nil)))
      } else if encoding == .utf16 {
        notes.append("\(source): read as UTF-16 (the file starts with a UTF-16 byte order mark)")
      }
      let delimiter = options.table.delimiter ?? DelimiterDetector.detect(utf8)
      self.delimiter = delimiter
      // Split records until the header is found.
      var tokenizer = RecordTokenizer(delimiter: delimiter)
      let s = utf8.span
      var records: [(line: Int, fields: [String], text: Range<Int>, next: Int, nextLine: Int)] = []
      var i = 0
      var line = 1
      var chosen: Int? = nil
      let matcher = options.table.headerMatcher ?? ObservationReader.headerMatcher(options: options)
      scan: while i < s.count {
        switch tokenizer.next(s, from: i, isLast: isLast) {
        case .incomplete:
          break scan
        case .unclosedQuote(let field, let breaks):
          throw DataError(
            file: source, line: line + breaks, column: field + 1,
            message: "quoted field is never closed (a \" opened here has no closing \")")
        case .textAfterQuote(let field, let breaks, let text):
          throw DataError(
            file: source, line: line + breaks, column: field + 1, message: "unexpected text after a closing quote",
            found: String(decoding: utf8[text], as: UTF8.self))
        case .record(let next):
          let start = i
          let recordLine = line
          line += tokenizer.lineBreaks
          i = next
          if tokenizer.isBlank(s) {
            if tokenizer.contentEnd > start { emptyLines += 1 }
            continue
          }
          let fields = (0..<tokenizer.count).map { TextTable.trim(tokenizer.string($0, in: s)) }
          records.append((recordLine, fields, start..<tokenizer.contentEnd, next, line))
          if let headerRow = options.table.headerRow {
            if recordLine == headerRow {
              chosen = records.count - 1
              break scan
            }
            if recordLine > headerRow {
              throw DataError(
                file: source, line: headerRow, column: 0, message: "no row starts on that line",
                remedy: .headerRow(headerRow))
            }
          } else if records.count <= options.table.headerSearchLimit && matcher(fields) {
            chosen = records.count - 1
            break scan
          } else if records.count >= options.table.headerSearchLimit {
            break scan
          }
        }
      }
      if options.table.headerRow != nil && chosen == nil {
        throw DataError(
          file: source, line: options.table.headerRow!, column: 0,
          message: "no row starts on that line", remedy: .headerRow(options.table.headerRow!))
      }
      guard !records.isEmpty else {
        throw DataError(
          file: source, line: 1, column: 1,
          message: utf8.isEmpty
            ? "the input is empty (no header line)" : "the input has no header line (only empty or blank lines)")
      }
      let h = chosen ?? Self.likelyHeader(records.map(\.fields))
      var header = records[h].fields
      while let last = header.last, last.isEmpty { header.removeLast() }
      self.header = header
      self.headerText = String(decoding: utf8[records[h].text], as: UTF8.self)
      for record in records[..<h] {
        let text = record.fields.filter { !$0.isEmpty }.joined(separator: " ")
        notes.append("\(source):\(record.line): title line before the header: \(text)")
      }
      titleLineCount = notes.count
      var layout: Layout
      do {
        layout = try ObservationReader.layout(
          header: header, headerLine: records[h].line, source: source, options: options, notes: &notes,
          warnings: &warnings)
      } catch {
        // No periods in a column or in the header: a table that gives them as rows of
        // their own says so more precisely than "no period column".
        let noPeriods = error.remedy == .mapColumn(canonical: "year") || error.remedy == .wideLayout
        if noPeriods,
          let group = Self.periodGroupRow(
            utf8, from: records[h].next, line: records[h].nextLine, delimiter: delimiter, isLast: isLast)
        {
          throw DataError(
            file: source, line: group.line, column: group.column,
            message: "this row holds only the period \"\(group.text)\": the table gives each period as a row of its own above "
              + "its figures (as DGBAS's PX-Web exports do), which is not read; give the periods a column of their own "
              + "(one row per label and period) or a header of their own (--wide)")
        }
        throw error
      }
      layout.titleUnit = Self.titleUnit(records[..<h].map { ($0.line, $0.fields) }, source: source, notes: &notes)
      if let corner = layout.cornerUnit {
        // The header's own statement of the table's unit comes before a title line's.
        notes.append("\(source):\(records[h].line): unit \"\(corner.described)\" from the corner header applies to the figures")
        layout.titleUnit = corner
      }
      if let unit = layout.titleUnit, unit.sparesRates {
        for series in layout.seriesColumns where series.unit == nil && ObservationBlockParser.isRate(series.name) {
          notes.append(ObservationReader.rateNote(source: source, line: records[h].line, name: series.name, unit: unit))
        }
      }
      self.layout = layout
      self.firstLine = records[h].nextLine
      self.rest = Array(utf8[records[h].next...])
      self.restIsLast = isLast
    }

    /// The rest of the first block after the header (once).
    mutating func takeRest() -> [UInt8] {
      var taken: [UInt8] = []
      swap(&taken, &rest)
      return taken
    }

    /// The file name and the column of each canonical field, for errors found while
    /// computing (`ColumnarConsumer.begin(source:)`).
    @usableFromInline
    var aggregationSource: AggregationSource {
      var source = AggregationSource(file: self.source)
      for (column, i) in layout.index where i < header.count {
        source.columns[column.rawValue] = i + 1
        source.headers[column.rawValue] = header[i]
      }
      return source
    }

    /// A parser for a part of the input whose first record is on `firstLine`.
    func parser(firstLine: Int? = nil) -> ObservationBlockParser {
      ObservationBlockParser(
        source: source, header: header, layout: layout, delimiter: delimiter, options: options,
        firstLine: firstLine ?? self.firstLine)
    }

    /// The first of up to 40 records from byte `start` (line `line`) that holds nothing
    /// but a period (`2007`, `112年`) when a later one holds two or more cells: a period
    /// group row. Its line, 1-based column and text.
    static func periodGroupRow(
      _ utf8: [UInt8], from start: Int, line: Int, delimiter: UInt8, isLast: Bool
    ) -> (line: Int, column: Int, text: String)? {
      var tokenizer = RecordTokenizer(delimiter: delimiter)
      let s = utf8.span
      var (i, line) = (start, line)
      var group: (line: Int, column: Int, text: String)? = nil
      for _ in 0..<40 {
        guard i < s.count, case .record(let next) = tokenizer.next(s, from: i, isLast: isLast) else { return nil }
        let recordLine = line
        line += tokenizer.lineBreaks
        i = next
        let cells = (0..<tokenizer.count).map { TextTable.trim(tokenizer.string($0, in: s)) }
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        if filled.count == 1, group == nil, Period(parsing: cells[filled[0]]) != nil {
          group = (recordLine, filled[0] + 1, cells[filled[0]])
        } else if filled.count >= 2, let group {
          return group
        }
      }
      return nil
    }

    /// Where no row names two columns, the row most like a header, for the error that
    /// follows to show it: the first whose cells are all filled and none a number, as wide
    /// as the widest row (a title line — `…統計分析表,單位：金額(千元),,,` — fills fewer
    /// cells); else the first row.
    static func likelyHeader(_ rows: [[String]]) -> Int {
      let filled = rows.map { $0.filter { !$0.isEmpty } }
      let widest = filled.map(\.count).max() ?? 0
      return filled.firstIndex { $0.count == widest && widest >= 2 && !$0.contains(where: ObservationReader.isFigure) } ?? 0
    }

    /// A unit stated in a title line (`單位：金額(千元)`, `單位:件`), applied to figures
    /// with no unit of their own. Precedence: header suffix, then unit column, then title.
    static func titleUnit(_ lines: [(line: Int, fields: [String])], source: String, notes: inout [Notice]) -> UnitScale? {
      for (line, fields) in lines {
        for field in fields {
          let folded = TextFolding.halfWidth(field)
          guard let range = folded.firstRange(of: "單位") else { continue }
          var rest = folded[range.upperBound...].drop { $0 == ":" || $0 == " " }
          if let end = rest.firstIndex(where: { $0 == "," || $0 == "、" || $0 == ";" }) { rest = rest[..<end] }
          let split = CanonicalColumn.splitUnitSuffix(String(rest))
          let unit = split.unit ?? split.base
          if let scale = UnitScale(parsing: unit) {
            notes.append("\(source):\(line): unit \"\(unit)\" from the title line applies to the figures")
            return scale
          }
        }
      }
      return nil
    }
  }
}
