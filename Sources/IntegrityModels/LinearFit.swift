import IntegrityNumerics

/// A fitted linear model with full inference.
///
/// Estimates, standard errors and the covariance are in term order; aliased terms
/// (linear combinations of earlier terms) have `nil` estimates and are listed in
/// `aliased`. Absent statistics are `nil` (an empty CSV field, JSON null), never NaN:
/// e.g. `sigma` with no residual degrees of freedom, `rSquared` for a constant response.
public struct LinearFit: Sendable, Equatable {
  /// One row of the coefficient table.
  public struct Coefficient: Sendable, Equatable {
    public var term: String
    public var estimate: Double?
    public var standardError: Double?
    /// estimate / standardError (t for classical, z for robust covariances).
    public var tValue: Double?
    public var pValue: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
  }

  public var coefficients: [Coefficient]
  /// Observations used.
  public var n: Int
  /// n − rank.
  public var dfResidual: Int
  /// The numerical rank of X.
  public var rank: Int
  /// Terms found to be linear combinations of earlier terms.
  public var aliased: [String]
  /// Residual standard error √(RSS/(n − rank)).
  public var sigma: Double?
  /// Residual sum of squares (weighted); NaN when it lies beyond the range of doubles
  /// at the scale of the data (`RegressionSpecification.fit(columns:…)`; JSON null).
  public var residualSumOfSquares: Double
  /// R² (centered with an intercept; uncentered 1 − RSS/Σwy² without).
  public var rSquared: Double?
  public var adjustedRSquared: Double?
  /// Overall F test of all terms but the intercept (Wald form for robust covariances).
  public var fStatistic: Double?
  public var fPValue: Double?
  /// Numerator and denominator degrees of freedom of the F test.
  public var dfModel: Int
  public var logLikelihood: Double?
  public var aic: Double?
  public var bic: Double?
  public var covarianceType: CovarianceType
  public var level: Double
  /// Fitted values ŷ = Xβ (unweighted scale).
  public var fitted: [Double]
  /// Residuals y − ŷ (unweighted scale).
  public var residuals: [Double]
  /// Leverages hᵢ (diagonal of the hat matrix of the weighted design).
  public var leverage: [Double]
  /// Covariance of the estimates (σ²(XᵀWX)⁻¹, or the robust form), p × p in term
  /// order; rows and columns of aliased terms are zero.
  public var covariance: Matrix
  /// (XᵀWX)⁻¹ without σ², p × p in term order (aliased rows/columns zero).
  public var unscaledCovariance: Matrix

  /// The estimates with aliased terms as 0 (the fitted model's β).
  public var beta: [Double] { coefficients.map { $0.estimate ?? 0 } }
}

/// A prediction from a linear fit at one design row x₀.
///
///     ŷ₀ = x₀β,  se_fit = σ·√(x₀ (XᵀWX)⁻¹ x₀ᵀ)
///     confidence interval  ŷ₀ ± t·se_fit
///     prediction interval  ŷ₀ ± t·σ·√(1/w₀ + x₀ (XᵀWX)⁻¹ x₀ᵀ)
///
/// with t the (1+level)/2 quantile of Student's t on the residual df (Draper &
/// Smith, *Applied Regression Analysis*, 3rd ed., §3.1).
public struct Prediction: Sendable, Equatable {
  public var fit: Double
  public var standardError: Double?
  public var confidenceLow: Double?
  public var confidenceHigh: Double?
  public var predictionLow: Double?
  public var predictionHigh: Double?
}
