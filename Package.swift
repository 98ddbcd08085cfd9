// swift-tools-version: 6.1
//
// IntegrityStats — statistics and indicator analytics for Taiwan's National
// Integrity Building Action Plan. Layers (DESIGN.md §3); an arrow is "may import":
//
//   integrity-stats (CLI) → IntegrityStats (umbrella), CMalloc (glibc's mallopt, Linux only)
//   IntegrityCharts → IntegrityIndicators, IntegrityActionPlan, IntegrityAgencyData, IntegrityModels, IntegrityNumerics,
//     IntegrityTables
//   IntegrityWorkspace → IntegrityIndicators, IntegrityActionPlan, IntegrityAgencyData, IntegrityTables,
//     GRDB (SQLite store of submissions)
//   IntegrityIndicators → IntegrityActionPlan, IntegrityAgencyData, IntegrityModels, IntegrityTables
//     (one computation per command: achievement, quarterly pace, trend, survey; reports, row writers)
//   IntegrityActionPlan → IntegrityAgencyData, IntegrityTables, IntegrityDecimal (the plan as data:
//     catalog, the 22 prosecutors offices, the target-case rule; it speaks the reader's Direction
//     and Period, hence above IntegrityAgencyData — DESIGN draws it beside)
//   IntegrityAgencyData → IntegrityTables, IntegrityDecimal (the agency-file reader: periods, units,
//     cell rules, the columnar observation batch, rejects; no plan knowledge)
//   IntegrityModels → IntegrityNumerics, IntegrityTables, IntegrityDecimal (results render to
//     IntegrityTables.Table)
//   IntegrityNumerics → COpenBLAS, RealModule
//   IntegrityTables → IntegrityDecimal, CExpat, CFileSync, ZIPFoundation (bytes ↔ cells, spreadsheets
//     included; no domain knowledge)
//   IntegrityDecimal: exact decimals (DecimalNumber, DecimalSum, AggregatedValue); a leaf
//   CExpat: system library over expat.h (libexpat1-dev), the streaming XML parser
//   that reads .xlsx/.ods sheets as they are inflated from the ZIP container
//   CFileSync: system header for Linux's sync_file_range(2), which output files wait on
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
    // System headers: OpenBLAS's cblas.h plus the LAPACK prototypes we call (libopenblas-dev
    // from Debian). Not linked: IntegrityNumerics opens the library when a fit needs it.
    .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
    .target(
      name: "IntegrityNumerics",
      dependencies: [
        "COpenBLAS",
        .product(name: "RealModule", package: "swift-numerics"),
      ]),
    // System library: expat's streaming XML parser (libexpat1-dev from Debian).
    .systemLibrary(name: "CExpat", path: "Sources/CExpat"),
    // System header: Linux's sync_file_range, for atomic output files (Linux only).
    .systemLibrary(name: "CFileSync", path: "Sources/CFileSync"),
    // System header: glibc's mallopt, for the command-line tool's allocator policy.
    .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
    .target(name: "IntegrityDecimal"),
    .target(
      name: "IntegrityTables",
      dependencies: [
        "IntegrityDecimal", "CExpat", .target(name: "CFileSync", condition: .when(platforms: [.linux])),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(name: "IntegrityAgencyData", dependencies: ["IntegrityTables", "IntegrityDecimal"]),
    .target(
      name: "IntegrityActionPlan",
      dependencies: ["IntegrityAgencyData", "IntegrityTables", "IntegrityDecimal"],
      resources: [.embedInCode("Resources/catalog.tsv")]),
    .target(
      name: "IntegrityModels",
      dependencies: [
        "IntegrityNumerics", "IntegrityTables", "IntegrityDecimal", .product(name: "RealModule", package: "swift-numerics"),
      ]),
    .target(
      name: "IntegrityIndicators",
      dependencies: ["IntegrityActionPlan", "IntegrityAgencyData", "IntegrityModels", "IntegrityTables", "IntegrityDecimal"]),
    .target(
      name: "IntegrityCharts",
      dependencies: [
        "IntegrityIndicators", "IntegrityActionPlan", "IntegrityAgencyData", "IntegrityModels", "IntegrityNumerics",
        "IntegrityTables",
      ]),
    .target(
      name: "IntegrityWorkspace",
      dependencies: [
        "IntegrityIndicators", "IntegrityActionPlan", "IntegrityAgencyData", "IntegrityTables", "IntegrityDecimal",
        .product(name: "GRDB", package: "GRDB.swift"),
        // The bulk insert binds through SQLite's C API (FigureInserter.swift).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(
      name: "IntegrityStats",
      dependencies: [
        "IntegrityDecimal", "IntegrityNumerics", "IntegrityTables", "IntegrityAgencyData", "IntegrityActionPlan",
        "IntegrityModels", "IntegrityIndicators", "IntegrityCharts", "IntegrityWorkspace",
      ]),
    .executableTarget(
      name: "integrity-stats",
      dependencies: [
        "IntegrityStats",
        .target(name: "CMalloc", condition: .when(platforms: [.linux])),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Test support: assertClose(lre:), withEvery, fixture paths. Never a product.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "IntegrityDecimalTests", dependencies: ["IntegrityDecimal"]),
    .testTarget(name: "IntegrityNumericsTests", dependencies: ["IntegrityNumerics", "TestSupport"]),
    .testTarget(name: "IntegrityTablesTests", dependencies: ["IntegrityTables", "IntegrityDecimal", "TestSupport"]),
    .testTarget(name: "IntegrityModelsTests", dependencies: ["IntegrityModels", "IntegrityDecimal", "TestSupport"]),
    .testTarget(
      name: "IntegrityIndicatorsTests",
      dependencies: ["IntegrityIndicators", "IntegrityActionPlan", "IntegrityAgencyData", "IntegrityDecimal", "TestSupport"]),
    .testTarget(name: "IntegrityChartsTests", dependencies: ["IntegrityCharts", "TestSupport"]),
    .testTarget(
      name: "IntegrityWorkspaceTests",
      dependencies: ["IntegrityWorkspace", "IntegrityActionPlan", "IntegrityAgencyData", "TestSupport"]),
    .testTarget(
      name: "CLITests",
      dependencies: ["TestSupport", "IntegrityStats", .target(name: "integrity-stats")]),
  ]
)
