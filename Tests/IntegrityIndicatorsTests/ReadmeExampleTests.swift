import Foundation
import Testing
import TestSupport
import IntegrityIndicators
import IntegrityModels
import IntegrityTables
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// The README's library example, line for line (paths made absolute), so it cannot rot.
@Suite struct ReadmeExampleTests {
  @Test func libraryExampleRuns() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("readme-pace-\(UUID()).csv").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    let sample = packageRoot.appendingPathComponent("SampleData/synthetic_target_cases_quarterly.csv").path

    // Read an agency file (any encoding, ROC periods, units) and review target-case pace.
    let file = try ObservationReader.read(path: sample)
    let pace = try QuarterlyPaceReport(observations: file.observations)   // 目標案件 每季檢討
    try AtomicFile.write(CSVWriter().bytes(pace.table), to: output)     // atomic, deterministic

    // A degree-10 polynomial (NIST Filip) with HC3 standard errors.
    let table = try TableReader.read(path: fixturePath("nist/Filip.csv"))
    let columns = try table.numericColumns(named: ["y", "x"])
    let spec = RegressionSpecification(response: "y", polynomials: [.init(column: "x", degree: 10)])
    let fit = try spec.model(columns: ["y": columns[0], "x": columns[1]]).fit(covariance: .hc3)

    // 22 offices × 8 quarters, plus the header.
    let written = try String(contentsOfFile: output, encoding: .utf8)
    #expect(written.split(separator: "\n").count == 22 * 8 + 1)
    #expect(written.hasPrefix("agency,year,quarter,count,cumulative,target,cumulative_rate,expected_rate,pace,status\n"))
    // NIST's certified B0 for Filip is -1467.48961422980.
    #expect(isClose(fit.coefficients[0].estimate, -1467.48961422980, relative: 1e-12))
    #expect(fit.aliased.isEmpty && fit.covarianceType == .hc3)
  }
}
