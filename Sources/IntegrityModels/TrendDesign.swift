import IntegrityNumerics
/// The design rows of the trend models, x = year − first_year:
///
///     plain:      [1, x]
///     segmented:  [1, x, D, (year − B)·D],  D = [year ≥ B]
public enum TrendDesign {
  /// The design row for `year`.
  public static func row(year: Int, firstYear: Int, breakYear: Int?) -> [Double] {
    let x = Double(year - firstYear)
    guard let breakYear else { return [1, x] }
    let d: Double = year >= breakYear ? 1 : 0
    return [1, x, d, d * Double(year - breakYear)]
  }

  /// The design matrix for `years` (n × 2, or n × 4 with a break).
  public static func matrix(years: [Int], breakYear: Int?) -> Matrix {
    let first = years.first ?? 0
    return Matrix(rowMajor: years.map { row(year: $0, firstYear: first, breakYear: breakYear) })
  }
}
