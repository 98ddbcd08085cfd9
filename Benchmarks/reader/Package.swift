// swift-tools-version: 6.1
//
// The reader's read path as its own executable, for side-by-side timing against
// pandas and DuckDB (bench.sh). Depends on the root package by path, so the root
// build stays lean.
import PackageDescription

let package = Package(
  name: "ReaderBenchmark",
  dependencies: [.package(name: "IntegrityStats", path: "../..")],
  targets: [
    .executableTarget(
      name: "read-observations",
      dependencies: [.product(name: "IntegrityStats", package: "IntegrityStats")])
  ]
)
