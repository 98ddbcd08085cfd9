import Foundation
import Testing
import TestSupport

/// Reference CSVs of Tests/Fixtures/trends (written by Tests/Fixtures/reference/make_trends.py).
struct TrendReference {
  var records: [[String: String]]

  init(_ relative: String) throws {
    let text = try String(contentsOfFile: fixturePath(relative), encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    records = lines.map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
  }

  /// The rows at `level` (and matching `extra` columns), keyed by series name.
  func rows(level: String = "0.95", where extra: [String: String] = [:]) -> [String: [String: String]] {
    var out = [String: [String: String]]()
    for r in records where r["level"] == level && extra.allSatisfy({ r[$0.key] == $0.value }) {
      out[r["series"] ?? r["indicator"]!] = r
    }
    return out
  }
}

/// Runs the CLI with `--format json` and decodes the array of row objects.
func runTrendJSON(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, rows: [[String: Any]], stderr: String) {
  let result = try runCLI(arguments + ["--format", "json"], stdin: stdin)
  guard result.status == 0 else { return (result.status, [], result.stderr) }
  let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
  return (result.status, rows, result.stderr)
}

/// A number from a JSON row (nil for null or absent).
func trendNumber(_ row: [String: Any], _ key: String) -> Double? { (row[key] as? NSNumber)?.doubleValue }

/// Compares output columns to reference columns, naming the failing series and column.
func expectTrendColumns(
  _ row: [String: Any], _ reference: [String: String], _ pairs: [(String, String)], relative: Double, _ tag: String,
  transform: (_ output: String, _ reference: Double) -> Double = { _, v in v }
) {
  for (output, column) in pairs {
    let expected = reference[column].flatMap { Double($0) }.map { transform(output, $0) }
    let computed = trendNumber(row, output)
    #expect(isClose(computed, expected, relative: relative), "\(tag) \(output): \(String(describing: computed)) vs \(String(describing: expected))")
  }
}

@Suite struct TrendCommandTests {
  let series = fixturePath("trends/series.csv")

  static let header =
    "indicator,agency,model,n,first_year,last_year,intercept,slope,slope_se,slope_low,slope_high,p_value,r_squared,annual_change_pct,projection_year,projection,projection_low,projection_high"

  @Test func csvHeaderStartsWithTheContractColumns() throws {
    let result = try runCLI(["trend", series, "--to", "2028"])
    #expect(result.status == 0, "\(result.stderr)")
    let header = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.hasPrefix(Self.header + ","))
    #expect(result.stderr.hasSuffix("read 98 rows: used 98, rejected 0\n"))
  }

  @Test func linearAgainstStatsmodels() throws {
    let out = try runTrendJSON(["trend", series, "--model", "linear", "--to", "2028"])
    #expect(out.status == 0, "\(out.stderr)")
    let reference = try TrendReference("trends/ref_linear.csv").rows()
    #expect(out.rows.count == reference.count)
    for row in out.rows {
      let name = row["indicator"] as? String ?? ""
      let r = try #require(reference[name], "\(name)")
      #expect(row["model"] as? String == "linear")
      #expect(trendNumber(row, "n") == Double(r["n"]!))
      expectTrendColumns(row, r, [
        ("intercept", "intercept"), ("slope", "slope"), ("slope_se", "slope_se"), ("slope_low", "slope_low"),
        ("slope_high", "slope_high"), ("p_value", "p_value"), ("r_squared", "r_squared"), ("projection", "fitted"),
        ("projection_low", "obs_low"), ("projection_high", "obs_high"),
      ], relative: 1e-9, "linear \(name)")
    }
  }

  /// The "zero" series has a 0 in 2013: log-linear stops with exit 65 naming that line;
  /// with --skip-bad-rows the series is listed, not fitted, and the rest match statsmodels.
  @Test func loglinearNamesTheZeroRowAndOtherwiseMatches() throws {
    let lines = try String(contentsOfFile: series, encoding: .utf8).split(separator: "\n")
    let zeroLine = try #require(lines.firstIndex(of: "zero,fixture,2013,0")) + 1
    let failed = try runCLI(["trend", series, "--model", "loglinear"])
    #expect(failed.status == 65)
    #expect(failed.stderr.contains("series.csv:\(zeroLine):"), "\(failed.stderr)")

    let out = try runTrendJSON(["trend", series, "--model", "loglinear", "--to", "2028", "--skip-bad-rows"])
    #expect(out.status == 0, "\(out.stderr)")
    let reference = try TrendReference("trends/ref_loglinear.csv").rows()
    for row in out.rows {
      let name = row["indicator"] as? String ?? ""
      guard let r = reference[name] else {
        #expect(name == "zero")
        #expect((row["note"] as? String ?? "").contains("not fitted"))
        #expect(row["slope"] is NSNull)
        continue
      }
      expectTrendColumns(row, r, [
        ("intercept", "intercept"), ("slope", "slope"), ("slope_se", "slope_se"), ("p_value", "p_value"),
        ("r_squared", "r_squared"), ("projection", "fitted"), ("projection_low", "obs_low"),
        ("projection_high", "obs_high"), ("annual_change_pct", "slope"), ("annual_change_low", "slope_low"),
        ("annual_change_high", "slope_high"),
      ], relative: 1e-9, "loglinear \(name)") { output, v in
        // projections are back-transformed; annual change = 100·(e^b − 1) of statsmodels' b.
        switch output {
        case "projection", "projection_low", "projection_high": exp(v)
        case "annual_change_pct", "annual_change_low", "annual_change_high": 100 * expm1(v)
        default: v
        }
      }
    }
  }

  /// Poisson: quasi-Poisson SEs where statsmodels' Pearson dispersion exceeds 1.5, Wald SEs elsewhere.
  @Test func poissonAgainstStatsmodels() throws {
    let out = try runTrendJSON(["trend", series, "--model", "poisson", "--to", "2028"])
    #expect(out.status == 0, "\(out.stderr)")
    let reference = try TrendReference("trends/ref_poisson.csv")
    let classical = reference.rows(where: ["scale": "classical"]), quasi = reference.rows(where: ["scale": "quasi"])
    var compared = 0
    for row in out.rows {
      let name = row["indicator"] as? String ?? ""
      guard let c = classical[name] else { continue }  // non-count series ("rate", "amounts" are fitted with a warning)
      let over = Double(c["dispersion"]!)! > 1.5
      #expect(row["quasi_poisson"] as? Bool == over, "\(name)")
      let r = over ? quasi[name]! : c
      expectTrendColumns(row, r, [
        ("intercept", "intercept"), ("slope", "slope"), ("slope_se", "slope_se"), ("slope_low", "slope_low"),
        ("slope_high", "slope_high"), ("p_value", "p_value"), ("dispersion", "dispersion"),
        ("projection", "projection"), ("projection_low", "projection_low"), ("projection_high", "projection_high"),
      ], relative: 1e-6, "poisson \(name)")
      compared += 1
    }
    #expect(compared == classical.count)
  }

  @Test func senAgainstScipyAndPymannkendall() throws {
    let out = try runTrendJSON(["trend", series, "--model", "sen", "--level", "0.9"])
    #expect(out.status == 0, "\(out.stderr)")
    let reference = try TrendReference("trends/ref_sen.csv").rows(level: "0.9")
    #expect(out.rows.count == reference.count)
    for row in out.rows {
      let name = row["indicator"] as? String ?? ""
      let r = try #require(reference[name])
      expectTrendColumns(row, r, [
        ("intercept", "intercept"), ("slope", "slope"), ("slope_low", "slope_low"), ("slope_high", "slope_high"),
        ("p_value", "p_value"), ("mk_s", "mk_s"), ("mk_z", "mk_z"), ("mk_tau", "mk_tau"),
      ], relative: 1e-9, "sen \(name)")
    }
  }

  /// Output columns of a segmented fit and the reference columns they match.
  static let segmentedColumns = [
    ("intercept", "b0_est"), ("slope", "b1_est"), ("slope_se", "b1_se"), ("p_value", "b1_p"),
    ("level_change", "b2_est"), ("level_change_se", "b2_se"), ("level_change_low", "b2_low"),
    ("level_change_high", "b2_high"), ("level_change_p", "b2_p"), ("slope_change", "b3_est"),
    ("slope_change_se", "b3_se"), ("slope_change_p", "b3_p"), ("projection", "projection"),
    ("projection_low", "projection_low"), ("projection_high", "projection_high"),
  ]

  @Test func segmentedAgainstStatsmodels() throws {
    let out = try runTrendJSON(["trend", series, "--break", "2017", "--to", "2028", "--skip-bad-rows"])
    #expect(out.status == 0, "\(out.stderr)")
    let reference = try TrendReference("trends/ref_segmented.csv").rows()
    var compared = 0
    for row in out.rows {
      let name = row["indicator"] as? String ?? ""
      guard let r = reference[name] else { continue }
      expectTrendColumns(row, r, Self.segmentedColumns, relative: 1e-9, "segmented \(name)")
      compared += 1
    }
    #expect(compared == 3)
  }

  /// `--model poisson --break`: the interrupted series of counts, quasi-Poisson forced, against
  /// statsmodels' GLM on the segmented design (ref_segmented_poisson.csv, IRLS: 1e-6).
  @Test func segmentedPoissonAgainstStatsmodels() throws {
    let out = try runTrendJSON([
      "trend", series, "--model", "poisson", "--break", "2017", "--to", "2028", "--overdispersion", "--skip-bad-rows",
    ])
    #expect(out.status == 0, "\(out.stderr)")
    let reference = try TrendReference("trends/ref_segmented_poisson.csv").rows(where: ["scale": "quasi"])
    var compared = 0
    for row in out.rows {
      let name = row["indicator"] as? String ?? ""
      guard let r = reference[name] else { continue }
      expectTrendColumns(row, r, Self.segmentedColumns, relative: 1e-6, "segmented poisson \(name)")
      compared += 1
    }
    #expect(compared == 3)
  }

  /// `--auto --break`: every fitted series gets the break (Poisson ones too), none silently
  /// loses it.
  @Test func autoKeepsTheBreak() throws {
    let out = try runTrendJSON(["trend", series, "--auto", "--break", "2017", "--skip-bad-rows"])
    #expect(out.status == 0, "\(out.stderr)")
    var poisson = 0
    for row in out.rows where !(row["slope"] is NSNull) {
      let model = row["model"] as? String ?? ""
      if model == "sen" {
        #expect(
          (row["note"] as? String ?? "").contains(
            "break not applied: the sen model has no segmented form; --break applies to --model linear, loglinear and poisson"))
      } else {
        #expect(trendNumber(row, "break_year") == 2017, "\(row["indicator"] ?? "")")
        #expect(trendNumber(row, "level_change") != nil)
      }
      if model == "poisson" { poisson += 1 }
    }
    #expect(poisson >= 3)
  }

  @Test func fewerThanThreeYearsIsBadData() throws {
    let result = try runCLI(["trend", "-"], stdin: "indicator,year,value\na,2020,1\na,2021,2\n")
    #expect(result.status == 65)
    #expect(result.stderr.contains("<stdin>:2:"), "\(result.stderr)")
    #expect(result.stderr.contains("at least 3 years"))
  }

  /// y = 5, 5, 5: slope 0, SE 0; R², p empty with a note (not R² = 1).
  @Test func constantSeriesHasEmptyRSquaredAndP() throws {
    let out = try runTrendJSON(["trend", "-"], stdin: "year,value\n2020,5\n2021,5\n2022,5\n")
    #expect(out.status == 0)
    let row = try #require(out.rows.first)
    #expect(trendNumber(row, "slope") == 0 && trendNumber(row, "slope_se") == 0)
    #expect(row["r_squared"] is NSNull && row["p_value"] is NSNull)
    #expect((row["note"] as? String ?? "").contains("constant"))
  }

  @Test func usageErrors() throws {
    #expect(try runCLI(["trend", series, "--auto", "--model", "linear"]).status == 64)
    #expect(try runCLI(["trend", series, "--model", "sen", "--break", "2017"]).status == 64)
  }

  /// The order of input rows does not change the output (series are sorted by key).
  @Test func rowOrderDoesNotMatter() throws {
    let text = try String(contentsOfFile: series, encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    let header = lines.removeFirst()
    let shuffled = ([header] + lines.reversed()).joined(separator: "\n") + "\n"
    let a = try runCLI(["trend", series, "--model", "sen", "--to", "2030"])
    let b = try runCLI(["trend", "-", "--model", "sen", "--to", "2030"], stdin: shuffled)
    #expect(a.status == 0 && a.stdout == b.stdout)
  }

  @Test func targetColumnsAndAuto() throws {
    // short: a = 12, b = 2 (see TrendEdgeCaseTests): 12 + 2x ≥ 25 first at x = 7 → 2026.
    let out = try runTrendJSON(["trend", series, "--to", "2028", "--target", "25"])
    let short = try #require(out.rows.first { $0["indicator"] as? String == "short" })
    #expect(trendNumber(short, "target_year") == 2026)
    #expect(short["reaches_target"] as? Bool == true)
    let auto = try runTrendJSON(["trend", series, "--auto"])
    let zero = try #require(auto.rows.first { $0["indicator"] as? String == "zero" })
    #expect(zero["model"] as? String == "poisson")
    #expect((zero["note"] as? String ?? "").contains("auto: poisson"))
  }
}
