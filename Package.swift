// swift-tools-version: 6.1
//
// IntegrityStats — statistics and indicator analytics for Taiwan's National
// Integrity Building Action Plan. Layers (DESIGN.md §3); an arrow is "may import":
//
//   integrity-stats (CLI) → IntegrityStats (umbrella)
//   Charts → Indicators, Models, TableIO
//   Workspace → Indicators, TableIO, GRDB (SQLite store of submissions)
//   Indicators → Models, TableIO
//   Models → NumericCore, TableIO (results render to TableIO.Table)
//   NumericCore → COpenBLAS, RealModule
//   TableIO (no domain knowledge)
import PackageDescription

let package = Package(
  name: "IntegrityStats",
  products: [
    .library(name: "IntegrityStats", targets: ["IntegrityStats"]),
    .executable(name: "integrity-stats", targets: ["integrity-stats"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    // `swift package generate-documentation` (scripts/docs.sh); not linked into any product.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    // The workspace's SQLite store; links the system SQLite (libsqlite3-dev).
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    // System library: OpenBLAS's cblas.h plus the LAPACK prototypes we call
    // (libopenblas-dev from Debian; OpenBLAS exports LAPACK's Fortran symbols).
    .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
    .target(
      name: "NumericCore",
      dependencies: [
        "COpenBLAS",
        .product(name: "RealModule", package: "swift-numerics"),
      ]),
    .target(name: "TableIO"),
    .target(
      name: "Models",
      dependencies: ["NumericCore", "TableIO", .product(name: "RealModule", package: "swift-numerics")]),
    .target(
      name: "Indicators",
      dependencies: ["Models", "TableIO"],
      resources: [.embedInCode("Resources/catalog.tsv")]),
    .target(name: "Charts", dependencies: ["Indicators", "Models", "TableIO"]),
    .target(
      name: "IntegrityWorkspace",
      dependencies: [
        "Indicators", "TableIO", .product(name: "GRDB", package: "GRDB.swift"),
        // The bulk insert binds through SQLite's C API (FigureInserter.swift).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(
      name: "IntegrityStats",
      dependencies: ["NumericCore", "TableIO", "Models", "Indicators", "Charts", "IntegrityWorkspace"]),
    .executableTarget(
      name: "integrity-stats",
      dependencies: [
        "IntegrityStats",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Test support: assertClose(lre:), withEvery, fixture paths. Never a product.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "NumericCoreTests", dependencies: ["NumericCore", "TestSupport"]),
    .testTarget(name: "TableIOTests", dependencies: ["TableIO", "TestSupport"]),
    .testTarget(name: "ModelsTests", dependencies: ["Models", "TestSupport"]),
    .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "TestSupport"]),
    .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"]),
    .testTarget(name: "WorkspaceTests", dependencies: ["IntegrityWorkspace", "TestSupport"]),
    .testTarget(
      name: "CLITests",
      dependencies: ["TestSupport", "IntegrityStats", .target(name: "integrity-stats")]),
  ]
)
