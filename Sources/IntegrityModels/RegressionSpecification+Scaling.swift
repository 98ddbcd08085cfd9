import IntegrityNumerics
import RealModule

extension RegressionSpecification {
  /// Fits the specification to column values, every column scaled by a power of two before
  /// any product is formed (powers `x^k`, `√w·x`, sums of squares).
  ///
  /// Each column c is multiplied by sᶜ = 2^σᶜ with its largest |value| in [1, 2) (the weights'
  /// σ even, in [1, 4), so that √sᶜ is a power of two too) — unless its highest product (its
  /// square, or its largest power x^k) stays within 2^±256 (`unscaledExponentLimit`): then
  /// sᶜ = 1, and ordinary data is fitted exactly as without this step. Scaling by a power of two is exact,
  /// so the fit of the scaled data is the fit of the data; with X' = X·T, y' = a·y, w' = c·w
  /// (T = diag(tⱼ), tⱼ = (s of term j's column)^k, a and c the response's and weights' scales):
  ///
  ///     βⱼ = β'ⱼ·tⱼ/a      se, CI likewise      Cov = T Cov' T / a²      (XᵀWX)⁻¹ = c·T (X'ᵀW'X')⁻¹ T
  ///     σ = σ'/(a·√c)      RSS = RSS'/(a²c)     ŷ, e = ŷ'/a, e'/a          log L = log L' + n·log a
  ///
  /// and t, p, R², F and leverages are unchanged. Without it, data near 1e±200 overflows or
  /// underflows in those products (x² = 1e400, a column norm of 1e−400) and gives standard
  /// errors of 0. The scale factors are applied back as exponents (`Double(sign:exponent:significand:)`),
  /// so a printed statistic beyond the range of doubles (an estimate, a standard error, an
  /// interval, σ, a fitted value or residual) is an error, never a silent 0 or ∞. Squares may
  /// leave the range where these do not (an intercept's SE of 1e200 has a variance of 1e400):
  /// `covariance` and `unscaledCovariance` entries then saturate to ±∞ or 0, and a residual
  /// sum of squares so lost is NaN (JSON null).
  ///
  /// - Throws: `LinearAlgebraError` as `LinearModel.fit`, and `.degenerate` when a result, brought
  ///   back to the data's scale, leaves the range of doubles.
  public func fit(
    columns: [String: [Double]], level: Double = 0.95, covariance: CovarianceType = .classical,
    leverage: Bool = false
  ) throws(LinearAlgebraError) -> LinearFit {
    // σ per column, by name as given (lookups are case-insensitive as in `model(columns:)`).
    var exponents: [String: Int] = [:]
    var scaledColumns: [String: [Double]] = [:]
    let weightsKey = weights?.lowercased()
    // The highest power of each column in a product: its square (norms, sums of squares)
    // or its largest polynomial degree.
    var highestPower: [String: Int] = [:]
    for term in terms {
      if case .power(let column, let k) = term.source {
        highestPower[column.lowercased()] = Swift.max(highestPower[column.lowercased()] ?? 2, k)
      }
    }
    for (name, values) in columns {
      let largest = values.reduce(0.0) { $1.isFinite ? Swift.max($0, Swift.abs($1)) : $0 }
      var e = largest > 0 ? -Int(largest.exponent) : 0
      // A column whose products stay within 2^±256 is left as it is (scale 1), so ordinary
      // data gives the same bits as an unscaled fit.
      if Swift.abs(e) * (highestPower[name.lowercased()] ?? 2) <= Self.unscaledExponentLimit { e = 0 }
      if name.lowercased() == weightsKey, e % 2 != 0 { e += 1 }  // even: √(2^e) exact
      exponents[name.lowercased()] = e
      scaledColumns[name] = e == 0 ? values : values.map { Double(sign: .plus, exponent: e, significand: $0) }
    }
    func exponent(_ column: String) -> Int { exponents[column.lowercased()] ?? 0 }
    let scaled = try model(columns: scaledColumns).fit(level: level, covariance: covariance, leverage: leverage)
    let termExponents = terms.map { term -> Int in
      switch term.source {
      case .intercept: 0
      case .power(let column, let k): k * exponent(column)
      }
    }
    return try scaled.rescaled(
      termExponents: termExponents, responseExponent: exponent(response), weightsExponent: weights.map(exponent) ?? 0)
  }
}

extension RegressionSpecification {
  /// The largest |exponent| (base 2) a column's highest product may reach without scaling:
  /// 2^±256 leaves products of a few such terms far from overflow and underflow.
  static let unscaledExponentLimit = 256
}

extension LinearFit {
  /// The fit of X, y, w from the fit of X·T, a·y, c·w with tⱼ = 2^termExponents[j],
  /// a = 2^responseExponent, c = 2^weightsExponent (even): see
  /// `RegressionSpecification.fit(columns:level:covariance:leverage:)`.
  func rescaled(termExponents τ: [Int], responseExponent α: Int, weightsExponent γ: Int) throws(LinearAlgebraError)
    -> LinearFit
  {
    if τ.allSatisfy({ $0 == 0 }) && α == 0 && γ == 0 { return self }
    var out = self
    var lost: String? = nil
    /// x·2^e, noting a value that leaves the range of doubles (or vanishes from a non-zero one).
    func scale(_ x: Double, _ e: Int, _ what: @autoclosure () -> String) -> Double {
      let y = Double(sign: .plus, exponent: e, significand: x)
      if lost == nil, !y.isFinite || (y == 0 && x != 0) { lost = what() }
      return y
    }
    func scale(_ x: Double?, _ e: Int, _ what: @autoclosure () -> String) -> Double? {
      x.map { scale($0, e, what()) }
    }
    for j in out.coefficients.indices {
      let e = τ[j] - α
      let term = out.coefficients[j].term
      out.coefficients[j].estimate = scale(out.coefficients[j].estimate, e, "the estimate of \(term)")
      out.coefficients[j].standardError = scale(out.coefficients[j].standardError, e, "the standard error of \(term)")
      out.coefficients[j].ciLow = scale(out.coefficients[j].ciLow, e, "the interval of \(term)")
      out.coefficients[j].ciHigh = scale(out.coefficients[j].ciHigh, e, "the interval of \(term)")
    }
    // Squares (covariances, RSS) can leave the range of doubles where the statistics above do
    // not (an intercept's SE of 1e200 has a variance of 1e400): they saturate to ±∞ or 0, and
    // a residual sum of squares so lost is NaN (printed null).
    let p = τ.count
    for j in 0..<p {
      for k in 0..<p {
        out.covariance[j, k] = Double(sign: .plus, exponent: τ[j] + τ[k] - 2 * α, significand: covariance[j, k])
        out.unscaledCovariance[j, k] = Double(sign: .plus, exponent: τ[j] + τ[k] + γ, significand: unscaledCovariance[j, k])
      }
    }
    let rss = Double(sign: .plus, exponent: -2 * α - γ, significand: residualSumOfSquares)
    out.residualSumOfSquares = rss.isFinite && (rss != 0 || residualSumOfSquares == 0) ? rss : .nan
    out.sigma = scale(sigma, -α - γ / 2, "the residual standard error")
    out.fitted = fitted.map { scale($0, -α, "a fitted value") }
    out.residuals = residuals.map { scale($0, -α, "a residual") }
    let shift = Double(n) * Double(α) * Double.log(2)
    out.logLikelihood = logLikelihood.map { $0 + shift }
    out.aic = aic.map { $0 - 2 * shift }
    out.bic = bic.map { $0 - 2 * shift }
    if let lost { throw .degenerate("\(lost) lies beyond the range of doubles at the scale of the data") }
    return out
  }
}
