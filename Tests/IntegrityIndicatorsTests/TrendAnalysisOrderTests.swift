import IntegrityModels
import IntegrityTables
import Testing
@testable import IntegrityIndicators

/// `TrendAnalysis.run` builds its rows on every core from 2,000 series on: the rows, the
/// warnings and the error that stops a run still come in the series' order, whichever
/// thread finishes first.
@Suite struct TrendAnalysisOrderTests {
  /// 5,000 series `S0` … `S4999` on 2011–2020 (line 1 + 10·i), every 97th one (from
  /// series 40) with only two years: too few points to fit a line.
  static let series: [TrendAnalysis.YearlySeries] = (0..<5_000).map { i in
    let years = i % 97 == 40 ? [2011, 2012] : Array(2011...2020)
    let values = years.map { Double(($0 - 2000) * (i % 13 + 1) + (i * $0) % 7) }
    return TrendAnalysis.YearlySeries(
      indicator: "S\(i)", agency: "A", series: TrendSeries(years: years, values: values),
      lines: years.indices.map { 1 + 10 * i + $0 }, firstLine: 1 + 10 * i, unit: nil, target: nil,
      lowerIsBetter: false, skippedYears: [])
  }
  static let unfittable = (0..<5_000).filter { $0 % 97 == 40 }

  @Test(arguments: [false, true])
  func rowsAndWarningsInSeriesOrder(automatic: Bool) throws {
    let analysis = TrendAnalysis(options: TrendOptions(model: .linear), automatic: automatic, keepUnfittable: true)
    for _ in 0..<3 {
      let report = try analysis.run(series: Self.series, source: "order.csv", valueColumn: 5)
      #expect(report.rows.map(\.indicator) == Self.series.map(\.indicator))
      // One warning per unfittable series, in order (each names its series and first line).
      #expect(report.warnings.count == Self.unfittable.count)
      for (warning, i) in zip(report.warnings, Self.unfittable) {
        #expect(warning.hasPrefix("order.csv:\(1 + 10 * i):5: S\(i) / A: "), "\(warning)")
      }
      #expect(report.rows[41].fit.slope != nil && report.rows[40].fit.slope == nil)
    }
  }

  @Test func theFirstUnfittableSeriesStopsTheRun() {
    let analysis = TrendAnalysis(options: TrendOptions(model: .linear))
    for _ in 0..<5 {
      #expect {
        try analysis.run(series: Self.series, source: "order.csv", valueColumn: 5)
      } throws: { error in
        (error as? DataError)?.line == 401 && (error as? DataError)?.message.hasPrefix("S40 / A: ") == true
      }
    }
  }
}
