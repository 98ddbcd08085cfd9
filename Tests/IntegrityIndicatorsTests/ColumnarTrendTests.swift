import Foundation
import IntegrityModels
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// `TrendSeriesAccumulator` read in any blocks, on one core or two, and fed the same
/// rows as observations (`TrendAnalysis.yearlySeries`): on every fixture and sample file
/// and on generated files (gaps, missing quarters, missing figures, duplicate periods,
/// annual and quarterly rows mixed, unsorted rows, targets, tiny blocks), the series —
/// and `TrendAnalysis.run`'s report — are equal, or all fail with the same error.
@Suite struct ColumnarTrendTests {
  static func series(
    _ path: String, blockSize: Int = 4 << 20, options: ObservationReadOptions = ObservationReadOptions(),
    parallelMinimum: Int = .max
  ) -> Result<(series: [TrendAnalysis.YearlySeries], set: ObservationSet), ErrorText> {
    do {
      let (accumulator, set) = try ObservationReader.streamColumns(
        path: path, options: options, blockSize: blockSize, parallelMinimum: parallelMinimum
      ) { TrendSeriesAccumulator() }
      return .success((accumulator.series(), set))
    } catch {
      return .failure(ErrorText(error))
    }
  }

  /// Compares the reads of `path`; true when it was read.
  @discardableResult
  func check(
    _ path: String, blockSize: Int, options: ObservationReadOptions = ObservationReadOptions(),
    parallelMinimum: Int = .max
  ) throws -> Bool {
    let whole = Self.series(path, options: options)
    let parts = Self.series(path, blockSize: blockSize, options: options, parallelMinimum: parallelMinimum)
    let general: (series: [TrendAnalysis.YearlySeries], set: ObservationSet)
    switch (whole, parts) {
    case (.failure(let a), .failure(let b)):
      #expect(a == b, "\(path)")
      return false
    case (.success(let a), .success(let b)):
      #expect(a.series == b.series, "\(path) block \(blockSize)")
      #expect(a.set.rowsRead == b.set.rowsRead, "\(path)")
      general = a
    default:
      Issue.record("\(path) block \(blockSize): one read failed, the other not")
      return false
    }
    let fast = try parts.get()
    // Observations fed to the same computation give the same series.
    if let set = try? ObservationReader.read(path: path, options: options) {
      #expect((try? TrendAnalysis.yearlySeries(set)) == general.series, "\(path)")
    }
    // The whole report, for each model (errors compared as text).
    for model in [TrendModel.linear, .poisson] {
      let analysis = TrendAnalysis(options: TrendOptions(model: model), keepUnfittable: true)
      let fastReport = Result {
        try analysis.run(series: fast.series, source: fast.set.source, valueColumn: fast.set.columnNumber(.value))
      }
      let generalReport = Result {
        try analysis.run(series: general.series, source: general.set.source, valueColumn: general.set.columnNumber(.value))
      }
      switch (fastReport, generalReport) {
      case (.success(let a), .success(let b)):
        #expect(a.table == b.table, "\(path) \(model)")
        #expect(a.warnings == b.warnings, "\(path) \(model)")
      case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)", "\(path) \(model)")
      default: Issue.record("\(path) \(model): one failed, the other not")
      }
    }
    return true
  }

  @Test func sameOnFixturesAndSamples() throws {
    var taken = 0
    for path in ColumnarReaderTests.files {
      if try check(path, blockSize: 4 << 20) { taken += 1 }
      try check(path, blockSize: 37)
      try check(path, blockSize: 37, parallelMinimum: 0)  // cut in two parts when large enough
    }
    #expect(taken >= 3, "only \(taken) of \(ColumnarReaderTests.files.count) files were read")
  }

  /// A long file of few series: gaps, missing quarters and figures, duplicates, annual
  /// rows beside quarters, targets, optionally shuffled.
  func generatedFile(seed: Int) -> String {
    var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 17)
    var rows: [String] = []
    let withTarget = seed % 3 != 0
    for indicator in ["I1", "乙", "8-5"].prefix(Int.random(in: 1...3, using: &rng)) {
      for agency in ["A", "臺北", "B2"].prefix(Int.random(in: 1...3, using: &rng)) {
        for year in 2011...Int.random(in: 2012...2022, using: &rng) {
          if Int.random(in: 0..<8, using: &rng) == 0 { continue }  // a gap
          let annual = Int.random(in: 0..<5, using: &rng) == 0
          for q in annual ? [0] : [1, 2, 3, 4] {
            if Int.random(in: 0..<15, using: &rng) == 0 { continue }  // a missing quarter
            let value = ["12", "0", "3.5", "…", "\"1,200\"", "7", "0.1", "250", "-2", "1.25"].randomElement(using: &rng)!
            let target = withTarget ? ["", "", "40", "12.5", "0"].randomElement(using: &rng)! : ""
            let quarter = q == 0 ? "" : String(q)
            rows.append("\(indicator),\(agency),\(year),\(quarter),\(value),\(target)")
            // An annual row beside quarters (seeds 4k + 1), or also a duplicate (seeds 4k).
            if (seed % 4 == 0 || (seed % 4 == 1 && q != 0)) && Int.random(in: 0..<25, using: &rng) == 0 {
              rows.append("\(indicator),\(agency),\(year),\(seed % 4 == 1 || Bool.random(using: &rng) ? "" : quarter),5,")
            }
          }
        }
      }
    }
    if seed % 2 == 1 { rows.shuffle(using: &rng) }
    return (["indicator,agency,year,quarter,value,target"] + rows).joined(separator: "\n") + "\n"
  }

  @Test(arguments: 0..<40)
  func sameOnGeneratedFiles(_ seed: Int) throws {
    let path = NSTemporaryDirectory() + "columnar-trend-\(ProcessInfo.processInfo.processIdentifier)-\(seed).csv"
    try Data(generatedFile(seed: seed).utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    for blockSize in [37, 101, 4 << 20] { try check(path, blockSize: blockSize) }
    try check(path, blockSize: 101, parallelMinimum: 0)
  }

  @Test func generatedFilesAreTaken() throws {
    // Without duplicates most generated files must be read, or the comparisons above
    // would compare errors only.
    var taken = 0
    for seed in 0..<40 {
      let path = NSTemporaryDirectory() + "columnar-trend-t-\(ProcessInfo.processInfo.processIdentifier)-\(seed).csv"
      try Data(generatedFile(seed: seed).utf8).write(to: URL(fileURLWithPath: path))
      defer { try? FileManager.default.removeItem(atPath: path) }
      if try check(path, blockSize: 64) { taken += 1 }
    }
    #expect(taken >= 20, "only \(taken) of 40 generated files were read")
  }

  @Test func aDuplicatePeriodIsAnErrorOrAReject() throws {
    let path = NSTemporaryDirectory() + "columnar-trend-dup-\(ProcessInfo.processInfo.processIdentifier).csv"
    let text = "indicator,agency,year,quarter,value\nI,A,2020,1,1\nI,A,2020,2,1\nI,A,2020,1,2\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: DataError.self) { try TrendAnalysis.read(path: path) }
    #expect(throws: DataError.self) { try TrendAnalysis.yearlySeries(ObservationReader.read(path: path)) }
    // Under skipBadRows the later row is rejected; the year then lacks quarters 3 and 4.
    let (series, set) = try TrendAnalysis.read(path: path, readOptions: ObservationReadOptions(skipBadRows: true))
    #expect(set.rejected.map(\.line) == [4])
    #expect(series.first?.skippedYears == [2020])
  }
}
