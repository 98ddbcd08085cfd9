import ArgumentParser
import IntegrityStats

/// Output format of `export`.
enum ExportFormat: String, ClosedChoice {
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

        EXAMPLES:
          integrity-stats import SampleData/synthetic_yearly_indicators_big5.csv \\
              --db work.sqlite --received 2025-02-20
          integrity-stats export --db work.sqlite -o figures.csv
          integrity-stats export --db work.sqlite --format parquet --provenance -o \\
              figures.parquet
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Output format: csv, json or parquet.")
    var format: ExportFormat = .csv

    @Flag(help: "Add each figure's source: line, file, sha256, received, imported_at, reason.")
    var provenance = false

    @Option(help: "The figures as they stood on this date.")
    var asOf: DateArgument?

    mutating func validate() throws {
      if format == .parquet && output.output == nil {
        throw ValidationError("--format parquet needs -o FILE (Parquet is a binary file format)")
      }
    }

    mutating func run() throws {
      let store = try workspace.open()
      let date = asOf?.date
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
