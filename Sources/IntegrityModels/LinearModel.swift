import IntegrityNumerics

/// A linear model y = Xβ + ε, fitted by ordinary or weighted least squares.
///
/// The specification only: data, term names, weights. `fit(level:covariance:)`
/// (`LinearModel+Fit.swift`) solves it by Householder QR with column pivoting and
/// returns a `LinearFit` with the inference of R's `summary(lm())` and statsmodels'
/// `OLS/WLS(...).fit()`.
///
/// Weighted least squares minimises Σ wᵢ(yᵢ − xᵢβ)², i.e. ordinary least squares on
/// √wᵢ·yᵢ and √wᵢ·xᵢ (weights are inverse variances, as in R's `lm(weights=)` and
/// statsmodels' `WLS`).
public struct LinearModel: Sendable {
  /// The response, one value per observation.
  public var response: [Double]
  /// The design matrix X (n × p), intercept column included when there is one.
  public var design: Matrix
  /// Optional low-order parts of the design (X = design + designLow exactly), for
  /// terms formed in extended precision such as polynomial powers. Residuals for
  /// iterative refinement use both parts.
  public var designLow: Matrix?
  /// The name of each column of X: `(Intercept)`, a column name, `x^2`.
  public var termNames: [String]
  /// True when one column of X is the intercept (centered R² and the F test of all
  /// other terms); false for a model through the origin (uncentered R², as R and NIST).
  public var hasIntercept: Bool
  /// Positive weights, or nil for OLS.
  public var weights: [Double]?

  public init(
    response: [Double], design: Matrix, designLow: Matrix? = nil, termNames: [String],
    hasIntercept: Bool, weights: [Double]? = nil
  ) {
    precondition(design.rows == response.count, "LinearModel: \(design.rows) rows of X, \(response.count) of y")
    precondition(design.columns == termNames.count, "LinearModel: term names do not match X")
    precondition(designLow.map { $0.rows == design.rows && $0.columns == design.columns } ?? true)
    precondition(weights.map { $0.count == response.count } ?? true, "LinearModel: weights do not match y")
    self.response = response
    self.design = design
    self.designLow = designLow
    self.termNames = termNames
    self.hasIntercept = hasIntercept
    self.weights = weights
  }

  /// The tolerance for aliasing: a term whose (column-normalised) component
  /// orthogonal to the terms before it is below this is aliased.
  ///
  /// R's `lm` uses 1e-7 with the same rule (LINPACK `dqrdc2`), which refuses NIST's
  /// Filip (smallest such component 5.2e-8 there); exactly collinear columns give
  /// about 1e-16. 1e-10 keeps Filip and still catches collinearity written with
  /// rounded data.
  public static let aliasingTolerance = 1e-10

  /// Above this ratio of the largest to the smallest |R_kk| (of unit-norm columns),
  /// the covariance from R⁻¹ has lost two or more digits and is refined.
  public static let covarianceRefinementRatio = 1e2
}

/// How the covariance of the estimates is computed.
///
/// Heteroskedasticity-consistent estimators as statsmodels' `cov_type` (White 1980;
/// MacKinnon & White 1985): with e the (weighted) residuals, hᵢ the leverages,
/// V = (XᵀX)⁻¹ Xᵀ diag(ωᵢ) X (XᵀX)⁻¹ and
/// HC0 ωᵢ = eᵢ², HC1 ωᵢ = eᵢ²·n/(n−k), HC2 ωᵢ = eᵢ²/(1−hᵢ), HC3 ωᵢ = eᵢ²/(1−hᵢ)².
/// Robust fits use the normal distribution for p-values and intervals, as
/// statsmodels does by default (`use_t=False` for robust covariances).
public enum CovarianceType: String, Sendable, CaseIterable, Codable {
  case classical = "nonrobust"
  case hc0, hc1, hc2, hc3
}
