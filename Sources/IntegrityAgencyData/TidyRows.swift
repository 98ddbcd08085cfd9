import IntegrityDecimal
import IntegrityTables

/// The `tidy` table of a read, written as CSV straight from the reader's columns
/// (`ObservationReader.readColumns`): no `Observation` per row and no text table in
/// between, the rows formatted in chunks on both cores (`StreamingTableWriter`).
///
/// The bytes are those of `ObservationSet.tidyTable` written by `CSVWriter` — the same
/// columns in the same order (`fields(present:)`), names and units as text, years,
/// quarters, months and lines as integers, figures through their nearest `Double` in
/// the writer's number format — which `TidyRowsTests` checks on every kind of column.
package struct TidyRows: Sendable {
  package let columns: ObservationColumns
  package let keys: ObservationKeys
  /// The canonical columns written, in order (then `revised` and `line`).
  package let fields: [CanonicalColumn]

  package init(columns: ObservationColumns, keys: ObservationKeys, set: ObservationSet) {
    self.columns = columns
    self.keys = keys
    self.fields = Self.fields(present: set.columnsPresent)
  }

  /// The canonical columns of the tidy table, in its order: those the file had, in
  /// `CanonicalColumn`'s order, periods as year, quarter and month.
  package static func fields(present: Set<CanonicalColumn>) -> [CanonicalColumn] {
    CanonicalColumn.allCases.filter { $0 != .period && present.contains($0) }
  }

  package var header: [String] { fields.map(\.rawValue) + ["revised", "line"] }

  package var count: Int { columns.count }

  /// The names, units and directions a formatting thread escapes once and then copies
  /// (`CSVLineBuffer.intern`).
  package struct Interned: Sendable {
    let indicators: Range<Int>
    let agencies: Range<Int>
    let units: Range<Int>
    let directions: Range<Int>
  }

  package func intern(into line: inout CSVLineBuffer) -> Interned {
    Interned(
      indicators: line.intern(keys.indicators.map { $0 ?? "" }), agencies: line.intern(keys.agencies.map { $0 ?? "" }),
      units: line.intern(keys.units.map { $0 ?? "" }),
      directions: line.intern((0...UInt8.max).map { Direction(code: $0)?.rawValue ?? "" }))
  }

  /// Appends rows `rows` (in file order) to `out`, calling `endRow()` after each.
  package func appendCSV(rows: Range<Int>, to out: inout StreamingTableWriter.Output<Interned>) throws {
    let names: Interned
    if let known = out.state {
      names = known
    } else {
      names = intern(into: &out.line)
      out.state = names
    }
    let c = columns
    for i in rows {
      for field in fields {
        switch field {
        case .indicator: out.line.interned(names.indicators.lowerBound + Int(c.indicator[i]))
        case .agency: out.line.interned(names.agencies.lowerBound + Int(c.agency[i]))
        case .year: out.line.integer(Int(c.year[i]))
        case .quarter: if c.quarter[i] == 0 { out.line.empty() } else { out.line.integer(Int(c.quarter[i])) }
        case .month: if c.month[i] == 0 { out.line.empty() } else { out.line.integer(Int(c.month[i])) }
        case .period: break
        case .value: out.line.number(c.value(at: i)?.double)
        case .target: out.line.number(c.target(at: i)?.double)
        case .n:
          let e = c.nExponent[i]
          out.line.number(e == ObservationColumns.missing ? nil : DecimalNumber(significand: c.n[i], exponent: Int32(e)).double)
        case .unit: out.line.interned(names.units.lowerBound + Int(c.unit[i]))
        case .direction: out.line.interned(names.directions.lowerBound + Int(c.direction[i]))
        }
      }
      out.line.boolean(c.flags[i] & ObservationRow.revisedFlag != 0)
      out.line.integer(Int(c.line[i]))
      out.line.endLine()
      try out.endRow()
    }
  }
}

extension TidyRows {
  /// Reads `path` (standard input when nil or `-`) through the one reader path and keeps
  /// its columns for `appendCSV`; the set holds the row account, not the observations.
  package static func read(path: String?, options: ObservationReadOptions) throws -> (rows: TidyRows, set: ObservationSet) {
    let (columns, keys, set) = try ObservationReader.readColumns(path: path, options: options)
    return (TidyRows(columns: columns, keys: keys, set: set), set)
  }

  /// The rows of chunk `chunk` of `chunks(_:)`: consecutive ranges of 65,536 rows.
  package func rows(ofChunk chunk: Int) -> Range<Int> {
    (chunk << 16)..<min(count, (chunk + 1) << 16)
  }

  /// How many chunks of `rows(ofChunk:)` cover the rows (at least one, for the header).
  package var chunkCount: Int { max(1, (count + (1 << 16) - 1) >> 16) }
}
