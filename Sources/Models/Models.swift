// Models: LinearModel (OLS/WLS), PoissonModel (IRLS), trends, segmented regression,
// proportions and projections, on NumericCore's LAPACK wrappers.
@_exported import NumericCore
