// swift-tools-version: 6.1
//
// IntegrityStats — statistics and indicator analytics for Taiwan's National
// Integrity Building Action Plan. Layers (DESIGN.md §3); an arrow is "may import":
//
//   integrity-stats (CLI) → IntegrityStats (umbrella)
//   IntegrityCharts → IntegrityIndicators, IntegrityModels, IntegrityTables
//   IntegrityWorkspace → IntegrityIndicators, IntegrityTables, GRDB (SQLite store of submissions)
//   IntegrityIndicators → IntegrityModels, IntegrityTables
//   IntegrityModels → IntegrityNumerics, IntegrityTables (results render to IntegrityTables.Table)
//   IntegrityNumerics → COpenBLAS, RealModule
//   IntegrityTables → CExpat, ZIPFoundation (bytes ↔ cells, spreadsheets included; no domain knowledge)
//   CExpat: system library over expat.h (libexpat1-dev), the streaming XML parser
//   that reads .xlsx/.ods sheets as they are inflated from the ZIP container
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
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    // The workspace's SQLite store; links the system SQLite (libsqlite3-dev).
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    // System library: OpenBLAS's cblas.h plus the LAPACK prototypes we call
    // (libopenblas-dev from Debian; OpenBLAS exports LAPACK's Fortran symbols).
    .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
    .target(
      name: "IntegrityNumerics",
      dependencies: [
        "COpenBLAS",
        .product(name: "RealModule", package: "swift-numerics"),
      ]),
    // System library: expat's streaming XML parser (libexpat1-dev from Debian).
    .systemLibrary(name: "CExpat", path: "Sources/CExpat"),
    .target(
      name: "IntegrityTables",
      dependencies: ["CExpat", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .target(
      name: "IntegrityModels",
      dependencies: ["IntegrityNumerics", "IntegrityTables", .product(name: "RealModule", package: "swift-numerics")]),
    .target(
      name: "IntegrityIndicators",
      dependencies: ["IntegrityModels", "IntegrityTables"],
      resources: [.embedInCode("Resources/catalog.tsv")]),
    .target(name: "IntegrityCharts", dependencies: ["IntegrityIndicators", "IntegrityModels", "IntegrityTables"]),
    .target(
      name: "IntegrityWorkspace",
      dependencies: [
        "IntegrityIndicators", "IntegrityTables", .product(name: "GRDB", package: "GRDB.swift"),
        // The bulk insert binds through SQLite's C API (FigureInserter.swift).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(
      name: "IntegrityStats",
      dependencies: ["IntegrityNumerics", "IntegrityTables", "IntegrityModels", "IntegrityIndicators", "IntegrityCharts", "IntegrityWorkspace"]),
    .executableTarget(
      name: "integrity-stats",
      dependencies: [
        "IntegrityStats",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Test support: assertClose(lre:), withEvery, fixture paths. Never a product.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "IntegrityNumericsTests", dependencies: ["IntegrityNumerics", "TestSupport"]),
    .testTarget(name: "IntegrityTablesTests", dependencies: ["IntegrityTables", "TestSupport"]),
    .testTarget(name: "IntegrityModelsTests", dependencies: ["IntegrityModels", "TestSupport"]),
    .testTarget(name: "IntegrityIndicatorsTests", dependencies: ["IntegrityIndicators", "TestSupport"]),
    .testTarget(name: "IntegrityChartsTests", dependencies: ["IntegrityCharts", "TestSupport"]),
    .testTarget(name: "IntegrityWorkspaceTests", dependencies: ["IntegrityWorkspace", "TestSupport"]),
    .testTarget(
      name: "CLITests",
      dependencies: ["TestSupport", "IntegrityStats", .target(name: "integrity-stats")]),
  ]
)
