import IntegrityStats

/// The generated designs the regression benchmarks fit (and Benchmarks/regress_compare.py
/// mirrors in numpy: same shapes and coefficients, its own random numbers).
enum RegressionDesigns {
  /// y = 1 + Σⱼ 0.5·j·xⱼ + ε with an intercept and `predictors` standard normal columns.
  static func large(n: Int, predictors: Int, seed: UInt64) -> LinearModel {
    var random = SplitMix64(seed: seed)
    var columns: [[Double]] = [[Double](repeating: 1, count: n)]
    for _ in 0..<predictors {
      columns.append((0..<n).map { _ in random.normal() })
    }
    var y = [Double](repeating: 1, count: n)
    for j in 1...predictors {
      let beta = 0.5 * Double(j)
      for i in 0..<n { y[i] += beta * columns[j][i] }
    }
    for i in 0..<n { y[i] += random.normal() }
    let terms = ["(Intercept)"] + (1...predictors).map { "x\($0)" }
    return LinearModel(response: y, design: Matrix(columns: columns), termNames: terms, hasIntercept: true)
  }

  /// `count` designs of `rows` rows: intercept, t = 0…rows−1, a normal covariate z;
  /// y = 100 + 2t + 3z + 5ε.
  static func small(count: Int, rows: Int, seed: UInt64) -> [LinearModel] {
    var random = SplitMix64(seed: seed)
    let t = (0..<rows).map(Double.init)
    return (0..<count).map { _ in
      let z = (0..<rows).map { _ in random.normal() }
      let y = (0..<rows).map { i in 100 + 2 * t[i] + 3 * z[i] + 5 * random.normal() }
      return LinearModel(
        response: y, design: Matrix(columns: [[Double](repeating: 1, count: rows), t, z]),
        termNames: ["(Intercept)", "t", "z"], hasIntercept: true)
    }
  }
}
