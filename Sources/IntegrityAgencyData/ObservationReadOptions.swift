import IntegrityTables

/// How `ObservationReader` turns an agency file into observations.
public struct ObservationReadOptions: Sendable {
  /// Encoding, delimiter and header row of the text file.
  public var table: ReadOptions
  /// Extra header names for canonical columns (`--columns value=起訴件數,year=年度`):
  /// canonical name → header as written.
  public var columnMap: [String: String]
  /// Melt one-column-per-period tables (`107年,108年,…`) to long form (`--wide`).
  public var wide: Bool
  /// Read a dash (`－`) as missing instead of zero (`--dash missing`).
  public var dashMeansMissing: Bool
  /// Reject bad rows and go on instead of stopping at the first one (`--skip-bad-rows`).
  public var skipBadRows: Bool
  /// Called once per block parsed by the streaming reader with the block's bytes (as
  /// UTF-8) and rows, possibly from two threads at once: keep it cheap and thread-safe.
  /// For a progress display; nil by default.
  public var progress: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)?
  /// The name an agency is kept under, given its name as written (trimmed); called once per
  /// spelling. Nil keeps names as written. The reader knows no plan: the commands
  /// (`AchievementReport.read`, `QuarterlyPaceReport.read`, `TrendAnalysis.read`, the
  /// workspace import) fill in `ProsecutorsOffice.canonicalName` when nil, so that the 22
  /// prosecutors offices have one name however they are written.
  public var agencyName: (@Sendable (_ written: String) -> String)?

  public init(
    table: ReadOptions = ReadOptions(), columnMap: [String: String] = [:], wide: Bool = false,
    dashMeansMissing: Bool = false, skipBadRows: Bool = false, agencyName: (@Sendable (String) -> String)? = nil
  ) {
    self.agencyName = agencyName
    self.table = table
    self.columnMap = columnMap
    self.wide = wide
    self.dashMeansMissing = dashMeansMissing
    self.skipBadRows = skipBadRows
  }

  /// Parses `value=起訴件數,year=年度` into a column map; throws `ColumnMapError` for an
  /// entry without `=` or naming no canonical column.
  public static func parseColumnMap(_ specs: [String]) throws(ColumnMapError) -> [String: String] {
    var map: [String: String] = [:]
    for spec in specs {
      for entry in spec.split(separator: ",") {
        let parts = entry.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else {
          throw .missingEquals(entry: String(entry))
        }
        let name = TextTable.trim(String(parts[0])).lowercased()
        guard CanonicalColumn(rawValue: name) != nil || name == "sample_size" else {
          throw .unknownColumn(name: String(parts[0]), allowed: CanonicalColumn.allCases.map(\.rawValue))
        }
        map[name == "sample_size" ? "n" : name] = TextTable.trim(String(parts[1]))
      }
    }
    return map
  }
}
