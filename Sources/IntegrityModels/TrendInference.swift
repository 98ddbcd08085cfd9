import IntegrityNumerics
/// The distribution look-ups trend inference needs, in one place (IntegrityNumerics's
/// `StudentT` and `Normal`).
enum TrendInference {
  /// t₍₁₊level₎/₂,df: the two-sided critical value of Student's t.
  static func tCritical(level: Double, degreesOfFreedom df: Double) -> Double {
    StudentT(degreesOfFreedom: df).quantile((1 + level) / 2)
  }

  /// 2·P(T > |t|), computed from the survival function (no 1 − cdf cancellation).
  static func tTwoSidedPValue(_ t: Double, degreesOfFreedom df: Double) -> Double {
    min(1, 2 * StudentT(degreesOfFreedom: df).sf(abs(t)))
  }

  /// z₍₁₊level₎/₂: the two-sided critical value of the standard normal.
  static func zCritical(level: Double) -> Double {
    Normal().quantile((1 + level) / 2)
  }

  /// 2·P(Z > |z|), from the survival function.
  static func zTwoSidedPValue(_ z: Double) -> Double {
    min(1, 2 * Normal().sf(abs(z)))
  }
}
