import IntegrityTables

/// What `ObservationReader` read from one file: the observations and an account of
/// every row (rows read N = used U + rejected R).
public struct ObservationSet: Sendable {
  /// The observations, in file order (a wide row gives one per period column).
  public var observations: [Observation]
  /// Data rows read (title, header, blank and footnote lines are not rows).
  public var rowsRead: Int
  /// Rows rejected under `skipBadRows`, in file order.
  public var rejected: [RejectedRow]
  /// Things the user should act on (e.g. a footnote redefining `－`), some ending with
  /// the option to change (`Notice.remedy`).
  public var warnings: [Notice]
  /// Things the reader recognised and set aside: title lines, footnotes, unused columns.
  public var notes: [Notice]
  /// The canonical columns the file had (a period column counts as year, plus quarter
  /// or month when its periods carry them).
  public var columnsPresent: Set<CanonicalColumn>
  /// The input's name in messages.
  public var source: String
  /// The header row as written, and the delimiter (for `--rejects` files).
  public var headerText: String
  public var delimiter: UInt8
  /// Where each canonical column is in the header (1-based), for messages about a cell
  /// found after reading (a repeated year, a value a model cannot take).
  public var columnNumbers: [CanonicalColumn: Int] = [:]
  /// Canonical column → the header it was read from, as written.
  public var columnHeaders: [CanonicalColumn: String] = [:]

  /// The file and the column (number and header) of each canonical field, to locate
  /// errors found while computing on `observations` (as the reader's own consumers
  /// locate them).
  public var aggregationSource: AggregationSource {
    var source = AggregationSource(file: self.source)
    for (column, number) in columnNumbers {
      source.columns[column.rawValue] = number
      source.headers[column.rawValue] = columnHeaders[column] ?? column.rawValue
    }
    return source
  }

  public init(
    observations: [Observation] = [], rowsRead: Int = 0, rejected: [RejectedRow] = [],
    warnings: [Notice] = [], notes: [Notice] = [], columnsPresent: Set<CanonicalColumn> = [],
    source: String = "<stdin>", headerText: String = "", delimiter: UInt8 = UInt8(ascii: ",")
  ) {
    self.observations = observations
    self.rowsRead = rowsRead
    self.rejected = rejected
    self.warnings = warnings
    self.notes = notes
    self.columnsPresent = columnsPresent
    self.source = source
    self.headerText = headerText
    self.delimiter = delimiter
  }

  /// The 1-based header position of `column` (a year is also found in a period column);
  /// 0 when the file has no such column (a wide table's values, for example).
  public func columnNumber(_ column: CanonicalColumn) -> Int {
    columnNumbers[column] ?? (column == .year ? columnNumbers[.period] : nil) ?? 0
  }

  /// Rows that gave observations: `rowsRead − rejected.count`.
  public var rowsUsed: Int { rowsRead - rejected.count }

  /// `read N rows: used U, rejected R` — the last line a command prints on stderr.
  public var summary: String {
    "read \(rowsRead) rows: used \(rowsUsed), rejected \(rejected.count)"
  }
}
