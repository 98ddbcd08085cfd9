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
