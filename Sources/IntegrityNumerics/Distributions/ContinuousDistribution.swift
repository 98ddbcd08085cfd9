/// A continuous univariate distribution: density, both tails and their inverses.
///
/// `sf` is computed directly (never as 1 − cdf) and `survivalQuantile` solves in the
/// upper tail, so tiny upper-tail probabilities keep their digits. Conformers:
/// `Normal`, `StudentT`, `FisherF`, `ChiSquared`.
public protocol ContinuousDistribution: Sendable {
  /// The density at x.
  func pdf(_ x: Double) -> Double
  /// P(X ≤ x).
  func cdf(_ x: Double) -> Double
  /// P(X > x).
  func sf(_ x: Double) -> Double
  /// x with P(X ≤ x) = p.
  func quantile(_ p: Double) -> Double
  /// x with P(X > x) = q.
  func survivalQuantile(_ q: Double) -> Double
}

extension Normal: ContinuousDistribution {}
extension StudentT: ContinuousDistribution {}
extension FisherF: ContinuousDistribution {}
extension ChiSquared: ContinuousDistribution {}
