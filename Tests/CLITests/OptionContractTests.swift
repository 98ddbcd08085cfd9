import Foundation
import Testing
import TestSupport

/// Issue 12 items 6, 7, 11 and 14: each command offers only the options it honours, years on
/// the command line are read as in the files, option values are checked before any data
/// line is blamed, Wilson limits stay inside [0, 1], and `--version` is the changelog's.
@Suite struct OptionContractTests {
  /// A yearly series written in ROC years (2019–2022).
  static let rocSeries = "indicator,agency,year,value\nx,a,108,12\nx,a,109,15\nx,a,110,14\nx,a,111,19\n"
  /// A survey with a 30/30 year and a 0/20 year.
  static let extremeSurvey = "year,value,n\n2020,1,30\n2021,0,20\n2022,0.5,40\n"

  /// The CSV rows of an output (no quoted fields in these outputs), the header first.
  static func rows(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  /// The value of `column` in data row `row` of a CSV output.
  static func field(_ text: String, row: Int, _ column: String) -> String? {
    let rows = rows(text)
    guard let index = rows.first?.firstIndex(of: column), row + 1 < rows.count else { return nil }
    return rows[row + 1][index]
  }

  // MARK: item 6 — an option a command does not honour is not offered, or refused (64)

  @Test(arguments: ["achievement", "quarterly", "classify", "tidy"])
  func levelIsNotOfferedWhereNoIntervalIsComputed(_ command: String) throws {
    let result = try runCLI([command, "-", "--level", "0.9"], stdin: "year,value\n2020,1\n")
    #expect(result.status == 64)
    #expect(result.stderr.contains("Unknown option '--level'"), "\(result.stderr)")
    let help = try runCLI([command, "--help"])
    #expect(!help.stdout.contains("--level"))
  }

  @Test(arguments: ["trend", "survey", "regress", "report"])
  func levelIsOfferedWhereIntervalsAreComputed(_ command: String) throws {
    let help = try runCLI([command, "--help"])
    #expect(help.stdout.contains("--level"), "\(command) --help")
  }

  @Test(arguments: [["--format", "json"], ["--bom"], ["--raw"], ["--digits", "3"]])
  func reportRefusesTableOutputOptions(_ option: [String]) throws {
    let result = try runCLI(["report", fixturePath("charts/observations.csv")] + option)
    #expect(result.status == 64, "\(option): \(result.stderr)")
    #expect(result.stderr.contains("Unknown option '\(option[0])'"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test(arguments: [
    (["--as", "svg", "--format", "json"], "--format json"), (["--as", "svg", "--bom"], "--bom"),
    (["--as", "vega-lite", "--format", "json"], "--format json"), (["--as", "vega-lite", "--digits", "2"], "--digits"),
    (["--as", "svg", "--raw"], "--raw"),
  ])
  func chartRefusesOptionsItsImageDoesNotHonour(_ options: [String], named: String) throws {
    let result = try runCLI(["chart", fixturePath("charts/trend.csv")] + options)
    #expect(result.status == 64, "\(options): \(result.stderr)")
    #expect(result.stderr.contains("\(named) applies to --as tidy only"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func chartTidyRefusesATitle() throws {
    let result = try runCLI(["chart", fixturePath("charts/trend.csv"), "--title", "起訴件數"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--title applies to --as vega-lite and --as svg (tidy data has no title)"), "\(result.stderr)")
    #expect(try runCLI(["chart", fixturePath("charts/trend.csv"), "--as", "svg", "--title", "起訴件數"]).status == 0)
  }

  @Test func chartTidyStillTakesFormatJSON() throws {
    let result = try runCLI(["chart", fixturePath("charts/trend.csv"), "--as", "tidy", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("["))
  }

  // MARK: item 7 — years and values of options

  @Test func trendToReadsAnROCYear() throws {
    let roc = try runCLI(["trend", "-", "--to", "115"], stdin: Self.rocSeries)
    #expect(roc.status == 0, "\(roc.stderr)")
    #expect(Self.field(roc.stdout, row: 0, "projection_year") == "2026")
    let gregorian = try runCLI(["trend", "-", "--to", "2026"], stdin: Self.rocSeries)
    #expect(roc.stdout == gregorian.stdout)
  }

  @Test(arguments: [
    (["--to", "2020"], "error: --to 2020 is before the data's last year 2022: give a year from 2022 on"),
    (["--to", "109"], "error: --to 2020 is before the data's last year 2022: give a year from 2022 on"),
    (["--break", "2030"], "error: --break 2030 is outside the data's years 2019–2022: give a year from 2020 to 2022"),
    (["--break", "2019"], "error: --break 2019 is outside the data's years 2019–2022: give a year from 2020 to 2022"),
    (["--break", "90"], "error: --break 2001 is outside the data's years 2019–2022: give a year from 2020 to 2022"),
  ])
  func trendYearsOutsideTheDataAreUsageErrors(_ options: [String], message: String) throws {
    // Both lanes: standard input (general reader) and a file (the fast lane takes ≥ 1 MiB only,
    // so a small file is the general path too; the check sits before either computation).
    let result = try runCLI(["trend", "-"] + options, stdin: Self.rocSeries)
    #expect(result.status == 64, "\(options): \(result.stderr)")
    #expect(result.stderr.hasPrefix(message + "\n"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func trendYearChecksHoldOnTheFastLane() throws {
    // > 1 MiB: 6000 series × 8 years, so the file takes the streaming lane.
    var lines = ["indicator,agency,year,value"]
    for s in 0..<6000 { for year in 2015...2022 { lines.append("series\(s),agency,\(year),\(10 + (s + year) % 7)") } }
    let text = lines.joined(separator: "\n") + "\n"
    #expect(text.utf8.count > 1 << 20)
    let path = NSTemporaryDirectory() + "option-contract-\(ProcessInfo.processInfo.processIdentifier).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let to = try runCLI(["trend", path, "--to", "2021"])
    #expect(to.status == 64)
    #expect(to.stderr.hasPrefix("error: --to 2021 is before the data's last year 2022"), "\(to.stderr)")
    let breakYear = try runCLI(["trend", path, "--break", "2023"])
    #expect(breakYear.status == 64)
    #expect(breakYear.stderr.hasPrefix("error: --break 2023 is outside the data's years 2015–2022"), "\(breakYear.stderr)")
  }

  @Test(arguments: [
    (["trend", "-", "--to", "2201"], "--to must be a year up to 2200 (found 2201)"),
    (["trend", "-", "--target=-1"], "--target must be 0 or more (found -1.0)"),
    (["survey", "-", "--trend", "--to", "2300"], "--to must be a year up to 2200 (found 2300)"),
    (["survey", "-", "--to", "2030"], "--to applies to --trend"),
    (["trend", "-", "--to", "20x"], "The value '20x' is invalid for '--to <to>'"),
    (["trend", "-", "--overdispersion"], "--overdispersion applies to --model poisson (or --auto)"),
    (["trend", "-", "--survey", "--target", "0.5"], "--target does not apply to --survey"),
  ])
  func optionValuesAreCheckedBeforeTheData(_ arguments: [String], message: String) throws {
    let result = try runCLI(arguments, stdin: Self.rocSeries)
    #expect(result.status == 64, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test(arguments: [["--x", "y"], ["--x", "x1,y"], ["--poly", "y:2"]])
  func regressRefusesTheResponseAsAPredictor(_ options: [String]) throws {
    let result = try runCLI(["regress", "-", "--y", "y"] + options, stdin: "y,x1\n1,2\n2,3\n4,4\n3,6\n")
    #expect(result.status == 64, "\(options): \(result.stderr)")
    #expect(result.stderr.contains("--y y is also a predictor (--x or --poly)"), "\(result.stderr)")
  }

  @Test func surveyToReadsAnROCYearAndIsNotBeforeTheData() throws {
    let survey = "year,value,n\n108,0.5,100\n109,0.55,100\n110,0.6,100\n111,0.58,100\n"
    let roc = try runCLI(["survey", "-", "--trend", "--to", "115"], stdin: survey)
    #expect(roc.status == 0, "\(roc.stderr)")
    #expect(Self.field(roc.stdout, row: 0, "projection_year") == "2026")
    let early = try runCLI(["survey", "-", "--trend", "--to", "2020"], stdin: survey)
    #expect(early.status == 64)
    #expect(early.stderr.hasPrefix("error: --to 2020 is before the data's last year 2022"), "\(early.stderr)")
  }

  @Test(arguments: [
    ("2021,0.5,40.5", "<stdin>:3:3: sample size must be a whole number of respondents in column \"n\" (found \"40.5\")"),
    ("2021,0.5,0", "<stdin>:3:3: sample size must be positive in column \"n\" (found \"0\")"),
  ])
  func surveyRejectsAFractionalOrZeroSampleSize(_ row: String, message: String) throws {
    for command in [["survey", "-"], ["survey", "-", "--trend"]] {
      let result = try runCLI(command, stdin: "year,value,n\n2020,0.4,30\n\(row)\n2022,0.3,50\n")
      #expect(result.status == 65, "\(command) \(row): \(result.stderr)")
      #expect(result.stderr.contains(message + "\n"), "\(result.stderr)")
    }
  }

  // MARK: item 11 — Wilson limits inside [0, 1]

  @Test func wilsonLimitsAreClampedToTheUnitInterval() throws {
    let result = try runCLI(["survey", "-"], stdin: Self.extremeSurvey)
    #expect(result.status == 0, "\(result.stderr)")
    // 30/30: upper limit exactly 1 (not 1.0000000000000002); 0/20: lower limit exactly 0
    // (not 1.3877787807814457e-17).
    #expect(Self.field(result.stdout, row: 0, "ci_high") == "1")
    #expect(Self.field(result.stdout, row: 1, "ci_low") == "0")
  }

  @Test func wilsonEdgesAgainstStatsmodels() throws {
    // Tests/Fixtures/survey/wilson_edges.csv from reference/wilson_edges.py (statsmodels 0.15.0).
    let text = try String(contentsOfFile: fixturePath("survey/wilson_edges.csv"), encoding: .utf8)
    let cases = Self.rows(text).dropFirst()
    #expect(cases.count == 5)
    for c in cases {
      let (count, n, level) = (Double(c[0])!, c[1], c[2])
      let result = try runCLI(["survey", "-", "--level", level], stdin: "year,value,n\n2020,\(count / Double(n)!),\(n)\n")
      #expect(result.status == 0, "\(result.stderr)")
      for (column, expected) in [("ci_low", Double(c[3])!), ("ci_high", Double(c[4])!)] {
        let printed = Self.field(result.stdout, row: 0, column)
        if expected == 0 || expected == 1 {
          #expect(printed == (expected == 0 ? "0" : "1"), "\(c): \(column) \(printed ?? "nil")")
        } else {
          #expect(isClose(printed.flatMap(Double.init), expected, relative: 1e-12), "\(c): \(column) \(printed ?? "nil")")
        }
      }
    }
  }

  // MARK: item 14 — --version is the changelog's latest version

  @Test func versionIsTheChangelogsLatestHeading() throws {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let heading = try #require(readme.split(separator: "\n").first { $0.hasPrefix("### ") })
    let version = try #require(heading.dropFirst(4).split(separator: " ").first)
    #expect(version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." }, "\(heading)")
    let result = try runCLI(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == "\(version)\n")
  }
}
