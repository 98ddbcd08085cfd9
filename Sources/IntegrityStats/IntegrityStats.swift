// IntegrityStats — the umbrella module: re-exports the whole public API.
//
//     import IntegrityStats
//
// gives IntegrityDecimal (exact decimals), IntegrityNumerics (Matrix, LAPACK,
// distributions), IntegrityTables (reading and writing tables, spreadsheets),
// IntegrityAgencyData (the agency-file reader: periods, observations, rejects),
// IntegrityActionPlan (the plan's catalog, the prosecutors offices, the target-case
// rule), IntegrityModels (regression, trends, proportions), IntegrityIndicators
// (achievement, pace, trend and survey analysis), IntegrityCharts and IntegrityWorkspace
// (the SQLite store of agency submissions). Module names share the `Integrity` prefix so that they
// never clash with a client package's own targets (a client's `Models` target, say).
@_exported import IntegrityActionPlan
@_exported import IntegrityAgencyData
@_exported import IntegrityCharts
@_exported import IntegrityDecimal
@_exported import IntegrityIndicators
@_exported import IntegrityWorkspace
@_exported import IntegrityModels
@_exported import IntegrityNumerics
@_exported import IntegrityTables

/// The package's version: the one constant `integrity-stats --version` prints. It names the
/// README changelog's latest heading (`### X.Y.Z`); CLITests/VersionTests.swift compares them.
public let integrityStatsVersion = "0.6.10"
