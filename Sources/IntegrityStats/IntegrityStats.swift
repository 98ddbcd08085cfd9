// IntegrityStats — the umbrella module: re-exports the whole public API.
//
//     import IntegrityStats
//
// gives NumericCore (Matrix, LAPACK, distributions), TableIO (reading and writing
// tables), Models (regression, trends, proportions), Indicators (periods,
// observations, achievement, pace, the Action Plan catalog), Charts and IntegrityWorkspace
// (the SQLite store of agency submissions).
@_exported import Charts
@_exported import Indicators
@_exported import IntegrityWorkspace
@_exported import Models
@_exported import NumericCore
@_exported import TableIO

/// The package's version: the one constant `integrity-stats --version` prints. It names the
/// README changelog's latest heading (`### X.Y.Z`); CLITests/VersionTests.swift compares them.
public let integrityStatsVersion = "0.4.0"
