import Foundation
import Testing
import TestSupport

/// Issue 12 item 12: `regress` on data near 1e±200 gives statsmodels' standard errors (the
/// columns are scaled before any product is formed), or a clear error — never SE 0 with exit 0.
/// Expected values: Tests/Fixtures/regress/scaled/cases.json from reference/regress_scaled.py.
@Suite struct RegressScaledTests {
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var input: String
    var arguments: [String]
    /// sigma, r_squared, f_statistic (decimal strings).
    var statistics: [String: String]
    var coefficients: [[String: String]]
    var description: String { name }
  }

  static let cases: [Case] = {
    let url = URL(fileURLWithPath: fixturePath("regress/scaled/cases.json"))
    guard let data = try? Data(contentsOf: url),
      let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let list = root["cases"] as? [[String: Any]]
    else { return [] }
    return list.map {
      Case(
        name: $0["name"] as! String, input: $0["input"] as! String, arguments: $0["arguments"] as! [String],
        statistics: ($0["expected"] as! [String: Any]).compactMapValues { $0 as? String },
        coefficients: ($0["expected"] as! [String: Any])["coefficients"] as! [[String: String]])
    }
  }()

  @Test func fixtureIsThere() {
    #expect(Self.cases.count == 6)
  }

  @Test(arguments: cases)
  func againstStatsmodels(_ c: Case) throws {
    let result = try runCLI(["regress", fixturePath(c.input)] + c.arguments + ["--format", "json"])
    #expect(result.status == 0, "\(c.name): \(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let rows = try #require(object["coefficients"] as? [[String: Any]])
    let expected = c.coefficients
    #expect(rows.count == expected.count)
    for (row, e) in zip(rows, expected) {
      #expect(row["term"] as? String == e["term"])
      for key in ["estimate", "std_error", "t_value", "p_value", "ci_low", "ci_high"] {
        let computed = (row[key] as? NSNumber)?.doubleValue
        let truth = try #require(Double(e[key]!))
        #expect(isClose(computed, truth, relative: 1e-8), "\(c.name) \(e["term"]!) \(key): \(String(describing: computed)) vs \(truth)")
      }
      #expect(((row["std_error"] as? NSNumber)?.doubleValue ?? 0) > 0, "\(c.name): a standard error of 0")
    }
    for key in ["sigma", "r_squared", "f_statistic"] {
      let computed = (object[key] as? NSNumber)?.doubleValue
      let truth = c.statistics[key].flatMap(Double.init)
      #expect(isClose(computed, truth, relative: 1e-8), "\(c.name) \(key): \(String(describing: computed)) vs \(String(describing: truth))")
    }
  }

  @Test func aResultBeyondTheRangeOfDoublesIsAClearError() throws {
    // y ~ 1e-300 against x ~ 1e300: the slope is about 1e-600, which no double holds.
    let csv = "y,x\n1e-300,1e300\n2.1e-300,2e300\n2.9e-300,3e300\n4.2e-300,4e300\n"
    let result = try runCLI(["regress", "-", "--y", "y", "--x", "x"], stdin: csv)
    #expect(result.status == 65)
    #expect(result.stderr.contains(
      "cannot fit the model: the estimate of x lies beyond the range of doubles at the scale of the data"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
