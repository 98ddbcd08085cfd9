import Benchmark
import IntegrityStats

/// Benchmarks of `LinearModel.fit` (pivoted QR, iterative refinement, R⁻¹ covariance, full
/// inference), on data generated once per benchmark in `setup` (not measured):
///
/// - "OLS n=1,000,000 p=10": one fit of y = Xβ + ε with an intercept and 9 standard normal
///   predictors, ε ~ N(0, 1). Regress's large-file case.
/// - "100,000 fits of 15-row designs (p=3)": intercept, year 0…14 and one normal covariate per
///   design — the shape of the indicator trends (15 years of one agency's series); one
///   benchmark iteration fits all 100,000.
///
/// The same designs, timed with statsmodels and numpy: Benchmarks/regress_compare.py.
let benchmarks: @Sendable () -> Void = {
  let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident]

  Benchmark(
    "OLS n=1,000,000 p=10",
    configuration: .init(
      metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30),
      maxIterations: 10)
  ) { benchmark, model in
    for _ in benchmark.scaledIterations {
      blackHole(try! model.fit())
    }
  } setup: {
    RegressionDesigns.large(n: 1_000_000, predictors: 9, seed: 1)
  }

  Benchmark(
    "100,000 fits of 15-row designs (p=3)",
    configuration: .init(
      metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30),
      maxIterations: 10)
  ) { benchmark, models in
    for _ in benchmark.scaledIterations {
      for model in models {
        blackHole(try! model.fit())
      }
    }
  } setup: {
    RegressionDesigns.small(count: 100_000, rows: 15, seed: 2)
  }
}
