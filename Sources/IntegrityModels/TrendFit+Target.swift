import IntegrityNumerics
import RealModule

/// Whether and when the fitted line meets a target.
public struct TargetCrossing: Sendable, Equatable, Codable {
  /// The target value, on the data's scale.
  public var target: Double
  /// Whether the fitted value at the projection year (or the last year without `--to`)
  /// meets the target: ≥ it when higher is better, ≤ it when lower is better.
  public var reachesTarget: Bool?
  /// The first year from the first year on whose fitted value meets the target; `nil`
  /// when the line does not meet it within `TargetCrossing.horizon` years after the last.
  public var year: Int?

  public init(target: Double, reachesTarget: Bool?, year: Int?) {
    self.target = target
    self.reachesTarget = reachesTarget
    self.year = year
  }

  /// How many years past the last data year the crossing is searched for.
  public static let horizon = 100
}

extension TrendFit {
  /// The fitted value in `year` on the data's scale:
  ///
  ///     linear, sen:        a + b·x (+ b2·D + b3·(year − B)·D with a break)
  ///     loglinear, poisson: exp of the same
  ///
  /// `nil` when the fit has no line.
  public func fittedValue(year: Int) -> Double? {
    guard let intercept, let slope else { return nil }
    let row = TrendDesign.row(year: year, firstYear: firstYear, breakYear: breakEffects?.year)
    var eta = intercept + slope * row[1]
    if let breakEffects {
      eta += breakEffects.levelChange.estimate * row[2] + breakEffects.slopeChange.estimate * row[3]
    }
    return model.isLogScale ? Double.exp(eta) : eta
  }

  /// Whether and when the fitted line meets `target` (`--target`). The crossing
  /// year is found year by year, so it is exact for every model, segmented lines included.
  public func crossing(target: Double, higherIsBetter: Bool = true) -> TargetCrossing {
    func meets(_ v: Double) -> Bool { higherIsBetter ? v >= target : v <= target }
    let atYear = projection?.year ?? lastYear
    let reaches = fittedValue(year: atYear).map(meets)
    var year: Int?
    for candidate in firstYear...(max(lastYear, atYear) + TargetCrossing.horizon) {
      if let v = fittedValue(year: candidate), meets(v) {
        year = candidate
        break
      }
    }
    return TargetCrossing(target: target, reachesTarget: reaches, year: year)
  }
}
