import IntegrityNumerics

extension LinearFit {
  /// The prediction at design row `x0` (same terms as the fit) for a new observation
  /// of weight `weight` (1 for OLS). See `Prediction` for the formulas.
  public func prediction(at x0: [Double], weight: Double = 1) -> Prediction {
    precondition(x0.count == coefficients.count, "prediction: \(x0.count) values for \(coefficients.count) terms")
    let b = beta
    var fit = DoubleDouble(0)
    for j in x0.indices { fit = fit + DoubleDouble.twoProduct(x0[j], b[j]) }
    var quadratic = 0.0
    for a in x0.indices { for c in x0.indices { quadratic += x0[a] * unscaledCovariance[a, c] * x0[c] } }
    let yHat = fit.value
    guard let sigma, dfResidual > 0 else {
      return Prediction(fit: yHat, standardError: nil, confidenceLow: nil, confidenceHigh: nil,
                        predictionLow: nil, predictionHigh: nil)
    }
    let t = StudentT(degreesOfFreedom: Double(dfResidual)).quantile((1 + level) / 2)
    let se = sigma * Swift.max(0, quadratic).squareRoot()
    let sePredict = sigma * Swift.max(0, 1 / weight + quadratic).squareRoot()
    return Prediction(fit: yHat, standardError: se, confidenceLow: yHat - t * se, confidenceHigh: yHat + t * se,
                      predictionLow: yHat - t * sePredict, predictionHigh: yHat + t * sePredict)
  }
}
