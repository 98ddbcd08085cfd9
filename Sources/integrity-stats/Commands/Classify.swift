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
        row error (exit 65, or rejected with --skip-bad-rows).
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions

    @Option(help: "any (the plan's rule: one criterion suffices) or all.")
    var rule: String = "any"

    @Option(help: "Lowest grade (職等) that counts.")
    var minGrade: Int = 10

    @Option(help: "Smallest number of persons that counts.")
    var minPersons: Int = 3

    @Option(help: "Smallest illicit gain that counts, in 元 (or with 萬元/千元, e.g. 1000萬元).")
    var minGain: String = "10000000"

    @Option(help: "CSV file mapping titles without a grade to one: title,grade (e.g. 特任,15).")
    var gradeMap: String?

    func targetCaseRule() throws -> TargetCaseRule {
      guard let combination = TargetCaseRule.Combination(rawValue: rule) else {
        throw ValidationError("--rule must be any or all (found \(rule))")
      }
      guard let gain = TargetCaseRule.amount(parsing: minGain), !gain.isNegative else {
        throw ValidationError("--min-gain must be an amount in 元 (found \(minGain))")
      }
      guard minGrade >= 1, minPersons >= 1 else {
        throw ValidationError("--min-grade and --min-persons must be 1 or more")
      }
      return TargetCaseRule(combination: combination, minGrade: minGrade, minPersons: minPersons, minGain: gain)
    }

    mutating func validate() throws {
      _ = try targetCaseRule()
    }

    mutating func run() throws {
      var caseRule = try targetCaseRule()
      let readOptions = try reader.observationOptions()
      if let gradeMap {
        caseRule.gradeMap = try TargetCaseRule.gradeMap(from: try TableReader.read(path: gradeMap, options: reader.sideFileOptions()))
      }
      let table = try TableReader.read(path: common.inputPath, options: readOptions.table)
      let result = try caseRule.classify(table, skipBadRows: readOptions.skipBadRows)
      let set = ObservationSet(
        rowsRead: result.rowsRead, rejected: result.rejected, source: table.source,
        headerText: result.headerText, delimiter: result.delimiter)
      for row in set.rejected { Diagnostics.note("rejected: \(row.reason)") }
      if let rejects = reader.rejects {
        try AtomicFile.write(ObservationReader.rejectsFile(set), to: rejects)
      }
      try common.write(result.table)
      Diagnostics.note(result.summary)
    }
  }
}
