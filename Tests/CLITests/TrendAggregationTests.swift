import Foundation
import Testing
import TestSupport

/// How `trend` turns rows into yearly series (hand-worked).
@Suite struct TrendAggregationTests {
  /// Quarters are summed per year when all four are present; 2022 has three quarters and is
  /// skipped with a note (not summed as if complete). Yearly sums: 2020: 1+2+3+4 = 10,
  /// 2021: 2+3+4+5 = 14, 2023: 4+5+6+7 = 22 (x = 0, 1, 3).
  /// OLS: x̄ = 4/3, ȳ = 46/3; Sxx = 42/9; Sxy = (−4/3)(10 − 46/3) + (−1/3)(14 − 46/3) + (5/3)(22 − 46/3)
  ///      = (−4/3)(−16/3) + (−1/3)(−4/3) + (5/3)(20/3) = (64 + 4 + 100)/9 = 168/9 → b = 4, a = 46/3 − 16/3 = 10.
  @Test func quartersSumToYearsAndPartialYearsAreSkipped() throws {
    var csv = "agency,year,quarter,value\n"
    for (year, values) in [(2020, [1, 2, 3, 4]), (2021, [2, 3, 4, 5]), (2022, [3, 4, 5]), (2023, [4, 5, 6, 7])] {
      for (q, v) in values.enumerated() { csv += "A,\(year),\(q + 1),\(v)\n" }
    }
    let out = try runTrendJSON(["trend", "-"], stdin: csv)
    #expect(out.status == 0, "\(out.stderr)")
    let row = try #require(out.rows.first)
    #expect(trendNumber(row, "n") == 3)
    #expect(isClose(trendNumber(row, "slope"), 4, relative: 1e-13))
    #expect(isClose(trendNumber(row, "intercept"), 10, relative: 1e-13))
    #expect((row["note"] as? String ?? "").contains("years skipped: 2022"))
  }

  @Test func aPeriodTwiceIsBadData() throws {
    let result = try runCLI(["trend", "-"], stdin: "year,value\n2020,1\n2021,2\n2021,3\n2022,4\n")
    #expect(result.status == 65)
    #expect(result.stderr.contains("<stdin>:4:") && result.stderr.contains("line 3"), "\(result.stderr)")
  }

  /// A target column and direction `decrease`: y = 10, 9, 8, 7 (b = −1, a = 10), target 5 →
  /// 10 − x ≤ 5 first at x = 5 → 2025; at --to 2024 (x = 4) the line is 6 > 5 → not reached.
  @Test func targetColumnWithDecreasingDirection() throws {
    let csv = "year,value,target,direction\n2020,10,5,decrease\n2021,9,5,decrease\n2022,8,5,decrease\n2023,7,5,decrease\n"
    let out = try runTrendJSON(["trend", "-", "--to", "2024"], stdin: csv)
    #expect(out.status == 0, "\(out.stderr)")
    let row = try #require(out.rows.first)
    #expect(trendNumber(row, "target") == 5)
    #expect(trendNumber(row, "target_year") == 2025)
    #expect(row["reaches_target"] as? Bool == false)
  }
}
