import ArgumentParser
import IntegrityStats

#if canImport(Glibc)
import Glibc
#endif

extension IntegrityStatsCommand {
  /// `integrity-stats import FILE…`: agency submissions into the workspace (DESIGN.md §6).
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import agency files into the SQLite workspace, with provenance and revisions.",
      discussion: """
        Each file is read like every other command reads it and stored as one submission, in \
        one transaction: its name, SHA-256, format, encoding, each figure's line, the import \
        time and the date received. Importing the same bytes again changes nothing. A later \
        submission of an (indicator, agency, period) supersedes the earlier value; both are \
        kept (see `history`). A bad row imports nothing from its file unless --skip-bad-rows. \
        Prints per file: added, revised, unchanged, rejected; then the counts line. \
        A workspace written by a newer integrity-stats is refused (exit 66).

        EXAMPLES:
          integrity-stats import SampleData/synthetic_yearly_indicators_big5.csv \\
              --db work.sqlite --received 2025-02-20
          integrity-stats import SampleData/synthetic_target_cases_quarterly.csv \\
              --db work.sqlite --indicator 8-6-1 --received 114/01/15 --dry-run
        """)

    @Argument(help: "Agency files (CSV, .ods, .xlsx).", completion: .file())
    var files: [String]

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var reader: ReaderOptions

    @Option(help: "The date the submission was received (default today): 2026-12-05, 115/12/05, 115年12月5日.")
    var received: DateArgument?

    @Option(help: "Why the figures were (re)submitted (修正原因), kept with each value.")
    var reason: String?

    @Option(help: "The agency, for files without an agency column.")
    var agency: String?

    @Option(help: "The indicator (e.g. a target id 8-6-1), for files without an indicator column.")
    var indicator: String?

    @Flag(help: "Say what would be added, revised and unchanged, and write nothing.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "Print no counts line and no notes on standard error (errors and warnings still).")
    var quiet = false

    mutating func validate() throws {
      Diagnostics.quiet = quiet
      guard !files.isEmpty else { throw ValidationError("give at least one file to import") }
      if files.contains("-") { throw ValidationError("import reads files, not standard input (its bytes are the provenance)") }
      // Each file's rejected rows are its own rows under its own header: one rejects file
      // cannot hold several files' rows, and writing only the last file's would lose the others.
      if reader.rejects != nil, files.count > 1 {
        throw ValidationError(
          "--rejects takes one input file (each file's rejected rows keep its own header); import the files one at a time")
      }
    }

    mutating func run() throws {
      let store = try workspace.open(create: !dryRun || access(workspace.path, F_OK) == 0)
      var options = ImportOptions(
        read: try reader.observationOptions(), received: received?.date ?? .today(),
        reason: reason, agency: agency.map(ProsecutorsOffice.canonicalName), indicator: indicator, dryRun: dryRun)
      // Test hook: sleep inside the transaction, so a test can kill the import there.
      if let seconds = environment("INTEGRITY_STATS_TEST_SLEEP_BEFORE_COMMIT").flatMap(Double.init) {
        options.beforeCommit = {
          Diagnostics.note("test hook: inside the transaction, sleeping \(seconds) s before the commit")
          usleep(UInt32(seconds * 1_000_000))
        }
      }
      var rowsRead = 0, used = 0, rejected = 0
      var lines = ""
      for file in files {
        let result: ImportResult
        do {
          result = try store.importFile(path: file, options: options)
        } catch let error as DataError {
          // The counts line still ends standard error after a fatal error.
          Diagnostics.error(error.described(remedy: \.commandLineText))
          Diagnostics.note("\(file): nothing imported from this file")
          IntegrityStatsCommand.fail("read \(rowsRead) rows: used \(used), rejected \(rejected)", code: 65)
        }
        try reader.report(result.read, RejectsTarget(rejects: reader.rejects, input: file, output: nil))
        rowsRead += result.read.rowsRead
        used += result.read.rowsUsed
        rejected += result.read.rejected.count
        lines += result.summary + "\n"
      }
      try AtomicFile.write(lines, to: nil)
      Diagnostics.summary("read \(rowsRead) rows: used \(used), rejected \(rejected)")
    }
  }
}
