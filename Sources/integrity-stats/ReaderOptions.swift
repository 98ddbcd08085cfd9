import ArgumentParser
import IntegrityStats

/// How a dash (`－`) in a figure cell is read.
enum DashMeaning: String, ClosedChoice {
  case zero, missing
}

/// Options for reading agency files, shared by every command that reads
/// observations: `@OptionGroup var reader: ReaderOptions` beside `CommonOptions`.
struct ReaderOptions: ParsableArguments {
  @OptionGroup var table: TableFormatOptions

  @Option(
    help: ArgumentHelp(
      "Map headers to canonical columns, e.g. value=起訴件數,year=年度.", valueName: "CANONICAL=HEADER,…"))
  var columns: [String] = []

  @Flag(help: "Melt a wide table to long form: one column per period (107年,108年,… or 2018,…), or the periods down a column (年度, 民國) and one column per indicator.")
  var wide = false

  @Option(help: "A dash (－) means zero (the MOJ/DGBAS legend) or missing.")
  var dash: DashMeaning = .zero

  @Flag(help: "Reject bad rows (listed on standard error) and go on, instead of stopping at the first.")
  var skipBadRows = false

  @Option(
    help: """
      Write rejected rows, as written plus a reason column, to this file (implies --skip-bad-rows; \
      not the input or -o; guarded and --bom like the output).
      """,
    completion: .file())
  var rejects: String?

  mutating func validate() throws {
    do {
      _ = try ObservationReadOptions.parseColumnMap(columns)
    } catch {
      throw ValidationError("--columns: \(error)")
    }
  }

  /// The library options these flags stand for.
  func observationOptions() throws -> ObservationReadOptions {
    var options = ObservationReadOptions(
      table: table.readOptions(), columnMap: try ObservationReadOptions.parseColumnMap(columns), wide: wide,
      dashMeansMissing: dash == .missing, skipBadRows: skipBadRows || rejects != nil,
      agencyName: ProsecutorsOffice.canonicalName)
    options.progress = ProgressLine.readerCallback
    return options
  }

  /// Reads the input as observations, printing notes, warnings and rejected rows on
  /// standard error and writing `--rejects`. Call `finish(_:)` after the output.
  func readObservations(_ common: CommonOptions) throws -> ObservationSet {
    try readObservations(path: common.inputPath, output: common.output, raw: common.raw, bom: common.bom)
  }

  /// `readObservations(_:)` for the input at `path` (nil: standard input) and the output
  /// at `output`, for commands without the CSV output options.
  func readObservations(path: String?, output: String?, raw: Bool = false, bom: Bool = false) throws
    -> ObservationSet
  {
    let target = RejectsTarget(rejects: rejects, input: path, output: output, raw: raw, bom: bom)
    try target.check()
    let set = try ObservationReader.read(path: path, options: observationOptions())
    try report(set, target)
    return set
  }

  /// Where `--rejects` goes for a command with the CSV output options.
  func rejectsTarget(_ common: CommonOptions) -> RejectsTarget { RejectsTarget(rejects, common) }

  /// Prints the reader's notes, warnings and rejected rows, and writes `--rejects`.
  func report(_ set: ObservationSet, _ common: CommonOptions) throws {
    try report(set, RejectsTarget(rejects, common))
  }

  func report(_ set: ObservationSet, _ target: RejectsTarget) throws {
    ProgressLine.shared?.enter(.computing)
    Diagnostics.readAccount = RowAccount(read: set.rowsRead, used: set.rowsUsed, rejected: set.rejected.count)
    try target.check()
    for note in set.notes { Diagnostics.note("note: \(note.described(remedy: \.commandLineText))") }
    for warning in set.warnings { Diagnostics.warning(warning.described(remedy: \.commandLineText)) }
    for row in set.rejected { Diagnostics.rejected(row.error.described(remedy: \.commandLineText)) }
    try target.write(set)
  }

  /// Prints `read N rows: used U, rejected R`: the last line on standard error.
  func finish(_ set: ObservationSet) {
    Diagnostics.summary(set.summary)
  }
}

/// Where `--rejects` goes, and what it must not be: the input or the main output.
struct RejectsTarget {
  var rejects: String?
  var input: String?
  var output: String?
  var raw = false
  var bom = false

  init(rejects: String?, input: String?, output: String?, raw: Bool = false, bom: Bool = false) {
    self.rejects = rejects
    self.input = input
    self.output = output
    self.raw = raw
    self.bom = bom
  }

  init(_ rejects: String?, _ common: CommonOptions) {
    self.init(rejects: rejects, input: common.inputPath, output: common.output, raw: common.raw, bom: common.bom)
  }

  /// `--rejects` must not name the input or the `-o` output (the same file through any
  /// spelling or link, or both standard output): either would be overwritten. A usage
  /// error (64), found before anything is written.
  func check() throws {
    guard let rejects else { return }
    let target = FileIdentity(path: rejects, standardDescriptor: 1)
    if target == FileIdentity(path: input, standardDescriptor: 0) {
      throw UsageError("--rejects \(rejects) is the input file \(input ?? "<stdin>"): give the rejects file another path")
    }
    if target == FileIdentity(path: output, standardDescriptor: 1) {
      throw UsageError("--rejects \(rejects) is the same file as the output \(output ?? "<stdout>"): give them different paths")
    }
  }

  /// Writes `--rejects`, if given, with the main output's CSV-injection guard (unless
  /// `--raw`) and `--bom`.
  func write(_ set: ObservationSet) throws {
    guard let rejects else { return }
    try check()
    try AtomicFile.write(set.rejectsCSV(raw: raw, byteOrderMark: bom, remedy: \.commandLineText), to: rejects)
  }
}
