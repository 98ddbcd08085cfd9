// swift-tools-version: 6.1
//
// Benchmarks for IntegrityStats, kept out of the root package so root builds stay lean
// (ordo-one/benchmark and its malloc interposer add about a minute to a clean build).
// Run from the package root:
//
//   swift package --package-path Benchmarks benchmark
//   OPENBLAS_CORETYPE=SkylakeX swift package --package-path Benchmarks benchmark
//
// The root is referenced by name: a plain `.package(path: "..")` would take the folder's
// name as its identity and not resolve to "IntegrityStats".
import PackageDescription

let package = Package(
  name: "IntegrityStatsBenchmarks",
  dependencies: [
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    .package(name: "IntegrityStats", path: ".."),
  ],
  targets: [
    // LinearModel: one OLS fit with n = 1,000,000 and p = 10; 100,000 fits of 15-row designs.
    .executableTarget(
      name: "Regression",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "IntegrityStats", package: "IntegrityStats"),
      ],
      path: "Benchmarks/Regression",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    // CSV output: 1,000,000 rows through Table + CSVWriter (before and now) and CSVLineBuffer.
    .executableTarget(
      name: "CSVOutput",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "IntegrityStats", package: "IntegrityStats"),
      ],
      path: "Benchmarks/CSVOutput",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
  ]
)
