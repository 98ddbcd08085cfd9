import IntegrityTables
import IntegrityDecimal

/// Reads any agency file into canonical observations (DESIGN.md §5).
///
/// One path for every input (see `streamColumns`): bytes → UTF-8 → head (title lines,
/// header, layout, units) → records (`RecordTokenizer`) → rows (`ObservationBlockParser`)
/// → here, one `Observation` per row (or per period column with `--wide`): years
/// Gregorian, quarters as numbers, figures exact and scaled to base units, symbols
/// resolved (`…` missing, `－` zero or missing, trailing `r` revised).
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
    let (columns, keys, set) = try readColumns(path: path, options: options)
    return observations(columns, keys: keys, set: set)
  }

  /// Reads bytes already in memory.
  public static func read(
    bytes: [UInt8], source: String, options: ObservationReadOptions = ObservationReadOptions()
  ) throws -> ObservationSet {
    var (collector, set) = try streamColumns(
      bytes: bytes, source: source, options: options, consumer: { ColumnCollector() })
    return observations(collector.joined(), keys: collector.keys, set: set)
  }

  /// The rows as `Observation`s, in file order.
  static func observations(_ columns: ObservationColumns, keys: ObservationKeys, set: ObservationSet) -> ObservationSet {
    var set = set
    set.observations.reserveCapacity(columns.count)
    for i in 0..<columns.count {
      let e = columns.nExponent[i]
      set.observations.append(
        Observation(
          indicator: keys.indicators[Int(columns.indicator[i])], agency: keys.agencies[Int(columns.agency[i])],
          period: Period(
            year: Int(columns.year[i]), quarter: columns.quarter[i] == 0 ? nil : Int(columns.quarter[i]),
            month: columns.month[i] == 0 ? nil : Int(columns.month[i])),
          value: columns.value(at: i), target: columns.target(at: i),
          sampleSize: e == ObservationColumns.missing ? nil : DecimalNumber(significand: columns.n[i], exponent: Int32(e)),
          unit: keys.units[Int(columns.unit[i])], direction: Direction(code: columns.direction[i]),
          revised: columns.flags[i] & ObservationRow.revisedFlag != 0, line: Int(columns.line[i])))
    }
    return set
  }
}
