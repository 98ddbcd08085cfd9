import ArgumentParser
import IntegrityStats

/// Output format of `export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, json, parquet
}

extension IntegrityStatsCommand {
  /// `integrity-stats export`: the current consolidated table as tidy data.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write the workspace's current figures as tidy data (CSV, JSON or Parquet).",
      discussion: """
        Output columns: those of `tidy` that any figure fills, in the order \
        indicator,agency,year,quarter,month,value,target,n,unit,direction, then revised. \
        --provenance adds line,file,sha256,received,imported_at,reason. Without it the output \
        imports into a fresh workspace that exports the same bytes. Parquet: one row group, \
        PLAIN encoding, no compression (readable by DuckDB, Spark, polars, pyarrow).
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Output format: csv, json or parquet.")
    var format: ExportFormat = .csv

    @Flag(help: "Add each figure's source: line, file, sha256, received, imported_at, reason.")
    var provenance = false

    @Option(help: "The figures as they stood on this date.")
    var asOf: String?

    mutating func validate() throws {
      if let asOf { _ = try parseDate(asOf, option: "--as-of") }
      if format == .parquet && output.output == nil {
        throw ValidationError("--format parquet needs -o FILE (Parquet is a binary file format)")
      }
    }

    mutating func run() throws {
      let store = try workspace.open()
      let date = try asOf.map { try parseDate($0, option: "--as-of") }
      let table = try store.exportTable(asOf: date, provenance: provenance)
      switch format {
      case .csv: try output.write(table, format: .csv)
      case .json: try output.write(table, format: .json)
      case .parquet: try AtomicFile.write(try store.exportParquet(asOf: date, provenance: provenance), to: output.output)
      }
      Diagnostics.note("\(store.path): exported \(table.rowCount) figures")
    }
  }
}
