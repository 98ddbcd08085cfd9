import IntegrityNumerics
import RealModule

/// A Poisson generalized linear model with log link, fitted by iteratively reweighted
/// least squares (McCullagh & Nelder 1989, §2.5; Fisher scoring = IRLS for the canonical link).
///
///     log μᵢ = xᵢᵀβ
///     repeat:  wᵢ = μᵢ,  zᵢ = ηᵢ + (yᵢ − μᵢ)/μᵢ,  β ← argmin Σ wᵢ(zᵢ − xᵢᵀβ)²
///
/// Each step is a weighted least-squares solve on the QR of √W·X (`SeriesBatch`, LAPACK
/// `dgeqp3`), never the normal equations. Start: μ = (y + ȳ)/2 (statsmodels' choice).
/// Stop when no coefficient moves by more than `tolerance`·(1 + |β|) (Newton's quadratic
/// convergence gets there in a few steps; a deviance criterion would stop at √tolerance in β).
///
///     Wald covariance  (XᵀWX)⁻¹ at the fitted μ;  quasi-Poisson: × φ
///     deviance         D = 2 Σ [y ln(y/μ) − (y − μ)]    (y ln(y/μ) = 0 at y = 0)
///     Pearson          X² = Σ (y − μ)²/μ,  dispersion φ = X²/(n − p)
///
/// Checked against statsmodels `GLM(family=Poisson()).fit()` and `.fit(scale="X2")`.
/// Edge cases: negative y or all-zero y throw `TrendError`; non-integer y are fitted
/// (the quasi-likelihood is the same) and the caller warns.
public struct PoissonModel: Sendable {
  /// The counts.
  public let counts: [Double]
  /// The design (n × p).
  public let design: Matrix

  public init(counts: [Double], design: Matrix) {
    precondition(counts.count == design.rows)
    self.counts = counts
    self.design = design
  }

  /// Fits by IRLS.
  public func fit(tolerance: Double = 1e-12, maxIterations: Int = 100) throws -> PoissonFit {
    let n = design.rows, p = design.columns
    let y = counts
    if let i = y.firstIndex(where: { $0 < 0 }) {
      throw TrendError.negativeCount(index: i, year: 0, value: y[i])
    }
    guard y.contains(where: { $0 > 0 }) else { throw TrendError.allZeroCounts }
    let mean = y.reduce(0, +) / Double(n)
    var mu = y.map { ($0 + mean) / 2 }
    var eta = mu.map { Double.log($0) }
    var deviance = PoissonFit.deviance(y, mu)
    var beta = [Double](repeating: 0, count: p)
    var batch: SeriesBatch?
    var converged = false
    var iterations = 0
    while iterations < maxIterations {
      iterations += 1
      let z = (0..<n).map { eta[$0] + (y[$0] - mu[$0]) / mu[$0] }
      let step = try SeriesBatch(design: design, weights: mu)
      let solved = step.fit(Matrix(rows: n, columns: 1, columnMajor: z))
      let previous = beta
      beta = solved.coefficients.column(0)
      eta = (design * Matrix(rows: p, columns: 1, columnMajor: beta)).elements
      mu = eta.map { Double.exp($0) }
      batch = step
      let newDeviance = PoissonFit.deviance(y, mu)
      deviance = newDeviance
      let settled = iterations > 1 && zip(beta, previous).allSatisfy { abs($0 - $1) <= tolerance * (1 + abs($1)) }
      if settled {
        converged = true
        break
      }
    }
    guard converged, batch != nil else { throw TrendError.notConverged(iterations: iterations) }
    // Covariance at the fitted μ.
    let final = try SeriesBatch(design: design, weights: mu)
    var pearson = 0.0
    for i in 0..<n { pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i] }
    return PoissonFit(
      coefficients: beta, unscaledCovariance: final.unscaledCovariance, fitted: mu, deviance: deviance,
      pearsonChiSquare: pearson, dfResidual: n - p, iterations: iterations)
  }
}
