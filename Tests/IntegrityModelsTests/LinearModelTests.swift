import Testing
import TestSupport
@testable import IntegrityModels
import IntegrityNumerics

/// Hand-worked cases for LinearModel; external references (NIST StRD, statsmodels)
/// are in the CLI suites (`RegressNIST…`, `RegressStatsmodels…`).
@Suite struct LinearModelTests {
  func model(_ x: [[Double]], _ y: [Double], names: [String], intercept: Bool = true, weights: [Double]? = nil) -> LinearModel {
    let columns = (intercept ? [[Double](repeating: 1, count: y.count)] : []) + x
    return LinearModel(
      response: y, design: Matrix(columns: columns), termNames: (intercept ? ["(Intercept)"] : []) + names,
      hasIntercept: intercept, weights: weights)
  }

  /// x = 0, 1, 2; y = 0, 1, 3.  x̄ = 1, ȳ = 4/3, Sxx = 2, Sxy = (−1)(−4/3) + 0 + (1)(5/3) = 3,
  /// b = 3/2, a = 4/3 − 3/2 = −1/6. Fitted −1/6, 4/3, 17/6; residuals 1/6, −1/3, 1/6;
  /// RSS = 1/36 + 4/36 + 1/36 = 1/6 on 1 df, σ² = 1/6.
  /// SE(b) = √(σ²/Sxx) = √(1/12); SE(a) = √(σ²(1/n + x̄²/Sxx)) = √(1/6 · 5/6) = √5/6.
  /// TSS = (16 + 1 + 25)/9 = 42/9, R² = 1 − (1/6)/(42/9) = 1 − 9/252 = 27/28.
  /// At x₀ = 3: ŷ = −1/6 + 9/2 = 13/3, x₀ᵀ(XᵀX)⁻¹x₀ = 1/3 + (3 − 1)²/2 = 7/3,
  /// se_fit = √(7/18), prediction se = √(1/6 · (1 + 7/3)) = √(10/18).
  @Test func simpleLineByHand() throws {
    let fit = try model([[0, 1, 2]], [0, 1, 3], names: ["x"]).fit()
    #expect(isClose(fit.coefficients[1].estimate, 1.5, relative: 1e-15))
    #expect(isClose(fit.coefficients[0].estimate, -1.0 / 6, relative: 1e-15))
    #expect(isClose(fit.coefficients[1].standardError, (1.0 / 12).squareRoot(), relative: 1e-14))
    #expect(isClose(fit.coefficients[0].standardError, 5.0.squareRoot() / 6, relative: 1e-14))
    #expect(isClose(fit.residualSumOfSquares, 1.0 / 6, relative: 1e-14))
    #expect(isClose(fit.rSquared, 27.0 / 28, relative: 1e-14))
    #expect(fit.dfResidual == 1 && fit.rank == 2 && fit.aliased.isEmpty)
    let p = fit.prediction(at: [1, 3])
    #expect(isClose(p.fit, 13.0 / 3, relative: 1e-15))
    #expect(isClose(p.standardError, (7.0 / 18).squareRoot(), relative: 1e-14))
    let t = StudentT(degreesOfFreedom: 1).quantile(0.975)
    #expect(isClose(p.predictionHigh, 13.0 / 3 + t * (10.0 / 18).squareRoot(), relative: 1e-14))
  }

  /// y = 1 + 2x exactly: residuals 0, so σ = 0, SEs 0, and t and p are absent (not ±∞).
  @Test func exactFitHasNoTStatistic() throws {
    let fit = try model([[1, 2, 3, 4]], [3, 5, 7, 9], names: ["x"]).fit()
    #expect(fit.coefficients[0].estimate == 1)
    #expect(fit.coefficients[1].estimate == 2)
    #expect(fit.sigma == 0)
    #expect(fit.coefficients[1].standardError == 0)
    #expect(fit.coefficients[1].tValue == nil && fit.coefficients[1].pValue == nil)
    #expect(fit.fStatistic == nil && fit.logLikelihood == nil)
  }

  /// x3 = x1 + x2 is aliased (a combination of terms before it, as R reports it);
  /// the other estimates equal the fit without x3.
  @Test func aliasedTermIsReportedNotSolved() throws {
    let x1: [Double] = [1, 2, 3, 4, 5, 6]
    let x2: [Double] = [2, 1, 4, 3, 6, 8]
    let x3 = zip(x1, x2).map { $0 + $1 }
    let y: [Double] = [3.1, 3.9, 7.2, 7.1, 11.3, 14.2]
    let full = try model([x1, x2, x3], y, names: ["x1", "x2", "x3"]).fit()
    let reduced = try model([x1, x2], y, names: ["x1", "x2"]).fit()
    #expect(full.aliased == ["x3"])
    #expect(full.rank == 3 && full.dfResidual == 3)
    #expect(full.coefficients[3].estimate == nil && full.coefficients[3].standardError == nil)
    for j in 0..<3 {
      #expect(isClose(full.coefficients[j].estimate, reduced.coefficients[j].estimate, relative: 1e-13))
      #expect(isClose(full.coefficients[j].standardError, reduced.coefficients[j].standardError, relative: 1e-12))
    }
    #expect(isClose(full.rSquared, reduced.rSquared, relative: 1e-14))
  }

  /// A constant response: intercept = the constant, slope exactly 0, SEs 0, and no t, p,
  /// R² or F (DESIGN.md §4: not a p-value made of rounding noise).
  @Test func constantResponseIsFittedExactly() throws {
    let fit = try model([[1, 2, 3, 5]], [4, 4, 4, 4], names: ["x"]).fit()
    #expect(fit.coefficients[0].estimate == 4 && fit.coefficients[1].estimate == 0)
    #expect(fit.coefficients.allSatisfy { $0.standardError == 0 && $0.tValue == nil && $0.pValue == nil })
    #expect(fit.rSquared == nil && fit.fStatistic == nil && fit.sigma == 0)
  }

  /// A constant predictor is aliased with the intercept.
  @Test func constantPredictorIsAliasedWithIntercept() throws {
    let fit = try model([[1, 2, 3, 4], [7, 7, 7, 7]], [1, 3, 2, 5], names: ["x", "c"]).fit()
    #expect(fit.aliased == ["c"])
  }

  @Test func fewerObservationsThanTermsIsAnError() {
    #expect(throws: LinearAlgebraError.self) {
      try model([[1, 2], [3, 5], [2, 2]], [1, 2], names: ["a", "b", "c"]).fit()
    }
  }

  /// WLS with integer weights gives the same estimates as OLS with each row repeated
  /// that many times (both minimise the same sum of squares).
  @Test func integerWeightsEqualRepeatedRows() throws {
    let x: [Double] = [1, 2, 3, 4, 5]
    let y: [Double] = [2.2, 2.9, 4.1, 4.8, 6.3]
    let w: [Double] = [1, 3, 2, 1, 4]
    let weighted = try model([x], y, names: ["x"], weights: w).fit()
    var xr: [Double] = [], yr: [Double] = []
    for i in x.indices { for _ in 0..<Int(w[i]) { xr.append(x[i]); yr.append(y[i]) } }
    let repeated = try model([xr], yr, names: ["x"]).fit()
    for j in 0..<2 {
      #expect(isClose(weighted.coefficients[j].estimate, repeated.coefficients[j].estimate, relative: 1e-13))
    }
    #expect(isClose(weighted.residualSumOfSquares, repeated.residualSumOfSquares, relative: 1e-12))
  }

  /// Without an intercept R² is uncentered: 1 − RSS/Σy². y = x·b with x = 1, 2 and
  /// y = 1, 3: b = Σxy/Σx² = 7/5, RSS = (1 − 7/5)² + (3 − 14/5)² = 4/25 + 1/25 = 1/5,
  /// Σy² = 10, R² = 1 − 1/50 = 49/50.
  @Test func noInterceptUsesUncenteredRSquared() throws {
    let fit = try model([[1, 2]], [1, 3], names: ["x"], intercept: false).fit()
    #expect(isClose(fit.coefficients[0].estimate, 7.0 / 5, relative: 1e-15))
    #expect(isClose(fit.rSquared, 49.0 / 50, relative: 1e-14))
  }
}
