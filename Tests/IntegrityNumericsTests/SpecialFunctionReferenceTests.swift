import Foundation
import Testing
import TestSupport
@testable import IntegrityNumerics

/// The "special" rows of Tests/Fixtures/reference/distributions.csv: I_x(a, b), its complement,
/// P(a, x), Q(a, x) and ln B(a, b), exact values from mpmath (see distributions.py).
@Suite("Special functions against mpmath reference values")
struct SpecialFunctionReferenceTests {
  static func evaluate(_ row: DistributionReferenceRow) -> Double? {
    let a = row.param1 ?? .nan, b = row.param2 ?? .nan
    switch row.function {
    case "betainc": return SpecialFunctions.regularizedIncompleteBeta(a: a, b: b, x: row.x)
    case "betaincc": return SpecialFunctions.regularizedIncompleteBetaComplement(a: a, b: b, x: row.x)
    case "gammap": return SpecialFunctions.regularizedGammaP(a: a, x: row.x)
    case "gammaq": return SpecialFunctions.regularizedGammaQ(a: a, x: row.x)
    case "logbeta": return SpecialFunctions.logBeta(a, b)
    default: return nil
    }
  }

  @Test("every special-function row within 1e-12 relative")
  func referenceGrid() throws {
    let rows = try DistributionReferenceRow.load().filter { $0.distribution == "special" }
    #expect(rows.count > 100)
    var failures: [String] = []
    var worst: [String: (Double, String)] = [:]
    for row in rows {
      guard let value = Self.evaluate(row) else { failures.append("\(row): unknown function"); continue }
      let error = value == row.expected ? 0 : abs(value - row.expected) / abs(row.expected)
      if error > (worst[row.function]?.0 ?? -1) { worst[row.function] = (error, "\(row) got \(value)") }
      if !(error <= tolerance(for: row)) { failures.append("\(row) got \(value) (relative error \(error))") }
    }
    for (function, w) in worst.sorted(by: { $0.key < $1.key }) {
      print("[special.\(function)] worst relative error \(w.0) at \(w.1)")
    }
    #expect(failures.isEmpty, "\(failures.count) of \(rows.count) rows fail:\n\(failures.prefix(40).joined(separator: "\n"))")
  }

  /// Hand-worked values: B(a, 1) = 1/a, B(½, ½) = π; I_x(1, 1) = x; I_x(a, 1) = x^a;
  /// P(1, x) = 1 − e^(−x); Q(½, x) = erfc(√x).
  @Test func closedForms() {
    func rel(_ a: Double, _ b: Double) -> Double { a == b ? 0 : abs(a - b) / abs(b) }
    #expect(rel(SpecialFunctions.logBeta(4, 1), -Foundation.log(4)) <= 1e-15)
    #expect(rel(SpecialFunctions.logBeta(0.5, 0.5), Foundation.log(Double.pi)) <= 1e-15)
    #expect(rel(SpecialFunctions.logBeta(1e6, 1), -Foundation.log(1e6)) <= 1e-14)
    for x in [1e-200, 0.3, 0.9] {
      #expect(rel(SpecialFunctions.regularizedIncompleteBeta(a: 1, b: 1, x: x), x) <= 1e-15)
      #expect(rel(SpecialFunctions.regularizedIncompleteBeta(a: 3, b: 1, x: x), x * x * x) <= 1e-14)
      #expect(rel(SpecialFunctions.regularizedGammaP(a: 1, x: x), -Foundation.expm1(-x)) <= 1e-14)
      #expect(rel(SpecialFunctions.regularizedGammaQ(a: 0.5, x: x), Foundation.erfc(x.squareRoot())) <= 1e-14)
    }
    #expect(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 0) == 0)
    #expect(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 1) == 1)
    #expect(SpecialFunctions.regularizedGammaQ(a: 2, x: 0) == 1)
  }
}
