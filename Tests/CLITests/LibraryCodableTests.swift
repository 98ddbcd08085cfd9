import Foundation
import IntegrityStats
import TestSupport
import Testing

/// A client embedding the library encodes results with Foundation's `JSONEncoder` and gets
/// what the command line writes: the CSV's column names as keys, exact figures, `null`
/// for a missing value.
@Suite struct LibraryCodableTests {
  let sample = packageRoot.appendingPathComponent("SampleData/synthetic_yearly_indicators_big5.csv").path

  @Test func achievementRowsEncodeAsTheCommandLinesJSON() throws {
    let (report, _) = try AchievementReport.read(path: sample)
    let ours = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report.rows)) as! NSArray
    let cli = try runCLI(["achievement", sample, "--format", "json"])
    #expect(cli.status == 0)
    let theirs = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as! NSArray
    #expect(ours.count == theirs.count)
    #expect(ours.count > 10)
    #expect(ours == theirs)
  }

  @Test func achievementRowsDecodeToTheSameRows() throws {
    let (report, _) = try AchievementReport.read(path: sample)
    let decoded = try JSONDecoder().decode([AchievementRatio].self, from: JSONEncoder().encode(report.rows))
    #expect(decoded == report.rows)
  }

  let quarterlySample = packageRoot.appendingPathComponent("SampleData/synthetic_target_cases_quarterly.csv").path

  @Test(arguments: [false, true])
  func quarterlyRowsEncodeAsTheCommandLinesJSON(total: Bool) throws {
    let (report, _) = try QuarterlyPaceReport.read(path: quarterlySample, total: total)
    let ours = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report.rows)) as! NSArray
    let cli = try runCLI(["quarterly", quarterlySample, "--format", "json"] + (total ? ["--total"] : []))
    #expect(cli.status == 0)
    let theirs = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as! NSArray
    #expect(ours.count > 20)
    #expect(ours == theirs)
    // The national rows are there with --total and come back as totals.
    let decoded = try JSONDecoder().decode([QuarterlyPace].self, from: JSONEncoder().encode(report.rows))
    #expect(decoded == report.rows)
    #expect(decoded.contains { $0.isTotal } == total)
  }

  let wideSample = packageRoot.appendingPathComponent("SampleData/synthetic_indictments_seizures_wide.csv").path

  /// Trend reports (and every table result) encode as the command line's JSON, the
  /// columns that the options add included.
  @Test(arguments: [[String](), ["--model", "loglinear", "--to", "2028"]])
  func trendReportsEncodeAsTheCommandLinesJSON(arguments: [String]) throws {
    let (series, set) = try TrendAnalysis.read(path: wideSample, readOptions: ObservationReadOptions(wide: true))
    let options = arguments.isEmpty ? TrendOptions() : TrendOptions(model: .loglinear, projectTo: 2028)
    let report = try TrendAnalysis(options: options).run(series: series, source: set.source)
    let ours = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! NSArray
    let cli = try runCLI(["trend", wideSample, "--wide", "--format", "json"] + arguments)
    #expect(cli.status == 0)
    let theirs = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as! NSArray
    #expect(ours.count >= 2)
    #expect(ours == theirs)
    if !arguments.isEmpty {
      #expect((ours.firstObject as? NSDictionary)?["projection_year"] as? Int == 2028)
    }
  }

  @Test func decimalNumberFromPlainText() {
    #expect(DecimalNumber("1234.5") == DecimalNumber(significand: 12345, exponent: -1))
    #expect(DecimalNumber("-0.001")?.description == "-0.001")
    #expect(DecimalNumber("1.5e-3")?.description == "0.0015")
    #expect(DecimalNumber("1,234") == nil)
    #expect(DecimalNumber("12%") == nil)
    #expect(DecimalNumber("") == nil)
    #expect(DecimalNumber("1e3") == DecimalNumber(1000))
    #expect(DecimalNumber("1234567890123456789") == nil)  // 19 significant digits
  }
}
