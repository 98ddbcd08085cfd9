import Foundation
import Testing
import TestSupport
@testable import IntegrityNumerics

/// One row of Tests/Fixtures/reference/distributions.csv (written by distributions.py beside it:
/// exact values from mpmath at 50 digits, rounded once to double; scipy's value alongside).
struct DistributionReferenceRow: CustomStringConvertible {
  var line: Int
  var distribution: String
  var function: String
  var param1: Double?
  var param2: Double?
  var x: Double
  var expected: Double
  var scipy: Double

  var description: String {
    let params = [param1, param2].compactMap { $0 }.map { "\($0)" }.joined(separator: ",")
    return "line \(line): \(distribution)(\(params)).\(function)(\(x)) expected \(expected)"
  }

  static func load() throws -> [DistributionReferenceRow] {
    let text = try String(contentsOfFile: fixturePath("reference/distributions.csv"), encoding: .utf8)
    var rows: [DistributionReferenceRow] = []
    for (index, line) in text.split(separator: "\n").enumerated() where index > 0 {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard f.count == 7, let x = Double(f[4]), let e = Double(f[5]), let s = Double(f[6]) else {
        throw FixtureError(message: "distributions.csv line \(index + 1): malformed: \(line)")
      }
      rows.append(DistributionReferenceRow(
        line: index + 1, distribution: f[0], function: f[1],
        param1: Double(f[2]), param2: Double(f[3]), x: x, expected: e, scipy: s))
    }
    return rows
  }
}

struct FixtureError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// Our value for a reference row, or nil if the row names an unknown function.
func evaluate(_ row: DistributionReferenceRow) -> Double? {
  switch row.distribution {
  case "normal":
    let d = Normal()
    return row.function == "twosided" ? d.twoSidedPValue(row.x) : evaluate(d, row)
  case "t":
    let d = StudentT(degreesOfFreedom: row.param1!)
    return row.function == "twosided" ? d.twoSidedPValue(row.x) : evaluate(d, row)
  case "f": return evaluate(FisherF(d1: row.param1!, d2: row.param2!), row)
  case "chi2": return evaluate(ChiSquared(degreesOfFreedom: row.param1!), row)
  default: return nil
  }
}

/// The row's function of `d` at the row's x (nil for an unknown function).
func evaluate(_ d: some ContinuousDistribution, _ row: DistributionReferenceRow) -> Double? {
  switch row.function {
  case "cdf": d.cdf(row.x)
  case "sf": d.sf(row.x)
  case "pdf": d.pdf(row.x)
  case "quantile": d.quantile(row.x)
  case "isf": d.survivalQuantile(row.x)
  default: nil
  }
}

/// The relative tolerance a row is held to: 1e-12 everywhere unless stated here.
func tolerance(for row: DistributionReferenceRow) -> Double {
  1e-12
}

@Suite("Distributions against mpmath/scipy reference grid")
struct DistributionReferenceTests {
  @Test("every row of distributions.csv within tolerance", arguments: ["normal", "t", "f", "chi2"])
  func referenceGrid(distribution: String) throws {
    let rows = try DistributionReferenceRow.load().filter { $0.distribution == distribution }
    #expect(rows.count > 50, "too few \(distribution) rows in the fixture")
    var failures: [String] = []
    var worst: [String: (error: Double, row: String)] = [:]
    for row in rows {
      guard let value = evaluate(row) else {
        failures.append("\(row): unknown function")
        continue
      }
      let error = value == row.expected ? 0 : abs(value - row.expected) / abs(row.expected)
      if error > (worst[row.function]?.error ?? -1) { worst[row.function] = (error, "\(row) got \(value)") }
      if !(error <= tolerance(for: row)) {
        failures.append("\(row) got \(value) (relative error \(error))")
      }
    }
    for (function, w) in worst.sorted(by: { $0.key < $1.key }) {
      print("[\(distribution).\(function)] worst relative error \(w.error) at \(w.row)")
    }
    #expect(failures.isEmpty, "\(failures.count) of \(rows.count) rows fail:\n\(failures.prefix(40).joined(separator: "\n"))")
  }
}
