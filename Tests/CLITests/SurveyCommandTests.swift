import Foundation
import Testing
import TestSupport

/// `survey` against statsmodels (Tests/Fixtures/trends/ref_survey*.csv). The fixture's "trust"
/// rows carry unit `%`, the "aware" rows are proportions.
@Suite struct SurveyCommandTests {
  let survey = fixturePath("trends/survey.csv")

  @Test func headerIsTheContract() throws {
    let result = try runCLI(["survey", survey])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("indicator,year,n,proportion,ci_low,ci_high,change,change_z,change_p\n"))
  }

  @Test(arguments: ["0.95", "0.9"])
  func yearlyAgainstStatsmodels(level: String) throws {
    let out = try runTrendJSON(["survey", survey, "--level", level])
    #expect(out.status == 0, "\(out.stderr)")
    let reference = try TrendReference("trends/ref_survey.csv").records.filter { $0["level"] == level }
    #expect(out.rows.count == reference.count)
    for r in reference {
      let row = try #require(out.rows.first {
        $0["indicator"] as? String == r["indicator"] && trendNumber($0, "year") == Double(r["year"]!)
      })
      expectTrendColumns(row, r, [
        ("n", "n"), ("proportion", "proportion"), ("ci_low", "ci_low"), ("ci_high", "ci_high"), ("change", "change"),
        ("change_z", "change_z"), ("change_p", "change_p"),
      ], relative: 1e-9, "\(r["indicator"]!) \(r["year"]!)")
    }
  }

  @Test func trendAgainstStatsmodelsWLS() throws {
    for command in [["survey", survey, "--trend"], ["trend", survey, "--survey"]] {
      let out = try runTrendJSON(command)
      #expect(out.status == 0, "\(out.stderr)")
      let reference = try TrendReference("trends/ref_survey_trend.csv").rows()
      for row in out.rows {
        let name = row["indicator"] as? String ?? ""
        let r = try #require(reference[name])
        #expect(row["model"] as? String == "survey-wls")
        expectTrendColumns(row, r, [
          ("intercept", "intercept_pp"), ("slope", "slope_pp"), ("slope_se", "slope_se_pp"),
          ("slope_low", "slope_low_pp"), ("slope_high", "slope_high_pp"), ("p_value", "p_value"),
          ("r_squared", "r_squared"),
        ], relative: 1e-9, "\(command[0]) \(name)")
      }
    }
  }

  @Test func missingSampleSizeIsBadData() throws {
    let result = try runCLI(["survey", "-"], stdin: "year,value,n\n2020,0.4,100\n2021,0.45,\n")
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("<stdin>:3:3: "), "\(result.stderr)")
  }

  /// With an agency column, each (indicator, agency) is its own survey: its rows are those of
  /// the same agency's data alone (whose numbers the statsmodels tests above check), sorted by
  /// indicator then agency, with `agency` after the contract's columns; `trend --survey` gives
  /// one line per agency.
  @Test func oneSurveyPerAgency() throws {
    let a = [("2020", "0.41", "1000"), ("2021", "0.43", "1000"), ("2022", "0.45", "1000")]
    let b = [("2020", "0.51", "800"), ("2021", "0.5", "800"), ("2022", "0.55", "800")]
    func alone(_ rows: [(String, String, String)]) throws -> [String] {
      let csv = "indicator,year,value,n\n" + rows.map { "trust,\($0.0),\($0.1),\($0.2)\n" }.joined()
      let result = try runCLI(["survey", "-"], stdin: csv)
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout.split(separator: "\n").dropFirst().map(String.init)
    }
    // B's rows first in the file: the output is still sorted A, B.
    let both = "indicator,agency,year,value,n\n" + (b.map { ("B", $0) } + a.map { ("A", $0) })
      .map { "trust,\($0.0),\($0.1.0),\($0.1.1),\($0.1.2)\n" }.joined()
    let result = try runCLI(["survey", "-"], stdin: both)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "indicator,year,n,proportion,ci_low,ci_high,change,change_z,change_p,agency")
    let expected = try alone(a).map { $0 + ",A" } + alone(b).map { $0 + ",B" }
    #expect(Array(lines.dropFirst()) == expected)
    let trend = try runCLI(["trend", "--survey", "-"], stdin: both)
    #expect(trend.status == 0, "\(trend.stderr)")
    let agencies = trend.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
    #expect(agencies == ["A", "B"])
    // Charted, each agency is its own series.
    let chart = try runCLI(["chart", "-", "--as", "tidy"], stdin: result.stdout)
    #expect(chart.status == 0, "\(chart.stderr)")
    let series = Set(chart.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
    #expect(series == ["trust · A", "trust · B"])
  }

  /// A repeated year names the row, the year column's number and the first line.
  @Test func repeatedYearNamesLineAndColumn() throws {
    let result = try runCLI(["survey", "-"], stdin: "indicator,n,year,value\nt,100,2020,0.4\nt,100,2021,0.4\nt,90,2020,0.5\n")
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("<stdin>:4:3: t 2020 appears twice (also on line 2)"), "\(result.stderr)")
  }

  /// 41.2 with no unit is not read as a percentage by guessing: it is an error that names
  /// --percent; with --percent it is 0.412.
  @Test func percentIsDeclaredNotGuessed() throws {
    let input = "year,value,n\n2020,41.2,1000\n2021,43.5,1000\n"
    let refused = try runCLI(["survey", "-"], stdin: input)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("--percent"))
    let out = try runTrendJSON(["survey", "-", "--percent"], stdin: input)
    #expect(out.status == 0)
    #expect(isClose(trendNumber(out.rows[0], "proportion"), 0.412, relative: 1e-15))
  }
}
