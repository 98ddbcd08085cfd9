import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  /// `integrity-stats classify`: the plan's target-case rule (strategy 8, measure 6) on case records.
  struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "classify",
      abstract: "Mark target cases (目標案件): grade ≥ 10, 3 or more persons, or gains ≥ NT$10,000,000.",
      discussion: """
        Input: case records with columns case_id, agency?, period?, grade (職等), defendants (被告人數), \
        illicit_gain (不法所得; 元, or 千元/萬元 in the header, a unit column or the cell). Output: the \
        input columns, then is_target (true/false) and reasons (grade;persons;gain, those that held). \
        Grades: 10, 簡任第十職等, 簡任第10職等, 簡任十職等, 相當簡任第十職等, or a rank (簡任 = 10–14); \
        titles such as 特任, 政務官, 民意代表 need --grade-map FILE (title,grade). An unreadable grade is a \
        row error (exit 65, or rejected with --skip-bad-rows). Under --rule any, a case that qualifies \
        on one criterion is a target case even when another criterion's cell is missing (…, empty, NA): \
        it is reported with the reasons that held and a note. JSON output carries numbers as numbers \
        and adds persons (the defendants as read) and gain (in 元).

        EXAMPLES:
          integrity-stats classify SampleData/synthetic_case_records.csv
          integrity-stats classify SampleData/synthetic_case_records.csv --rule all \\
              --format json
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: CaseReaderOptions

    @Option(help: "any (the plan's rule: one criterion suffices) or all.")
    var rule: TargetCaseRule.Combination = .any

    @Option(help: "Lowest grade (職等) that counts.")
    var minGrade: Int = 10

    @Option(help: "Smallest number of persons that counts.")
    var minPersons: Int = 3

    @Option(help: "Smallest illicit gain that counts, in 元 (or with 萬元/千元, e.g. 1000萬元).")
    var minGain: String = "10000000"

    @Option(help: "CSV file mapping titles without a grade to one: title,grade (e.g. 特任,15).", completion: .file())
    var gradeMap: String?

    func targetCaseRule() throws -> TargetCaseRule {
      guard let gain = TargetCaseRule.amount(parsing: minGain), !gain.isNegative else {
        throw ValidationError("--min-gain must be an amount in 元 (found \(minGain))")
      }
      guard minGrade >= 1, minPersons >= 1 else {
        throw ValidationError("--min-grade and --min-persons must be 1 or more")
      }
      return TargetCaseRule(combination: rule, minGrade: minGrade, minPersons: minPersons, minGain: gain)
    }

    mutating func validate() throws {
      _ = try targetCaseRule()
    }

    mutating func run() throws {
      var caseRule = try targetCaseRule()
      let rejectsTarget = RejectsTarget(reader.rejects, common)
      try rejectsTarget.check()
      let readOptions = reader.table.readOptions()
      if let gradeMap {
        caseRule.gradeMap = try TargetCaseRule.gradeMap(from: try TableReader.read(path: gradeMap, options: reader.table.sideFileOptions()))
      }
      let table = try TableReader.read(path: common.inputPath, options: readOptions)
      let result = try caseRule.classify(
        table, skipBadRows: reader.skipBadRows || reader.rejects != nil, columnMap: try reader.columnMap())
      let set = ObservationSet(
        rowsRead: result.rowsRead, rejected: result.rejected, source: table.source,
        headerText: result.headerText, delimiter: result.delimiter)
      for row in set.rejected { Diagnostics.rejected(row.error.described(remedy: \.commandLineText)) }
      try rejectsTarget.write(set)
      for note in result.notes { Diagnostics.note("note: \(note)") }
      try common.write(common.format == .json ? result.jsonTable : result.table)
      Diagnostics.summary(result.summary)
    }
  }
}

/// The reading options `classify` honours: ReaderOptions' table options, with `--columns`
/// naming the case-record columns (case_id, grade, defendants, illicit_gain, …), and no
/// --wide or --dash (a case record is one row per case; a dash in a count is none).
struct CaseReaderOptions: ParsableArguments {
  @OptionGroup var table: TableFormatOptions

  @Option(
    help: ArgumentHelp(
      "Map headers to the case columns (case_id, agency, period, grade, defendants, illicit_gain, gain_unit), "
        + "e.g. grade=官階,illicit_gain=不法金額.", valueName: "COLUMN=HEADER,…"))
  var columns: [String] = []

  @Flag(help: "Reject bad rows (listed on standard error) and go on, instead of stopping at the first.")
  var skipBadRows = false

  @Option(
    help: "Write rejected rows, as written plus a reason column, to this file (implies --skip-bad-rows).",
    completion: .file())
  var rejects: String?

  mutating func validate() throws {
    _ = try columnMap()
  }

  /// `--columns` as case column → header.
  func columnMap() throws -> [String: String] {
    var map: [String: String] = [:]
    for spec in columns {
      for entry in spec.split(separator: ",") {
        let parts = entry.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { throw ValidationError("--columns: expected COLUMN=HEADER, found \"\(entry)\"") }
        let name = TextTable.trim(String(parts[0])).lowercased()
        guard TargetCaseRule.caseColumns.contains(name) else {
          throw ValidationError(
            "--columns: \"\(parts[0])\" is not a case column (one of \(TargetCaseRule.caseColumns.joined(separator: ", ")))")
        }
        map[name] = TextTable.trim(String(parts[1]))
      }
    }
    return map
  }

}
