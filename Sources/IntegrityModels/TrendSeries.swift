/// One yearly series to fit a trend to: the years used and their values, in order.
///
/// Missing years are simply absent (never interpolated); `n` is the number of years used.
public struct TrendSeries: Sendable, Equatable {
  /// Gregorian years, strictly increasing.
  public var years: [Int]
  /// The value of each year.
  public var values: [Double]

  /// Creates a series; the years must be strictly increasing and as many as the values.
  public init(years: [Int], values: [Double]) {
    precondition(years.count == values.count, "TrendSeries: \(years.count) years, \(values.count) values")
    precondition(zip(years, years.dropFirst()).allSatisfy { $0 < $1 }, "TrendSeries: years not increasing")
    self.years = years
    self.values = values
  }

  /// The number of years used.
  public var count: Int { years.count }
  /// The first year (x = 0).
  public var firstYear: Int { years.first ?? 0 }
  /// The last year.
  public var lastYear: Int { years.last ?? 0 }
  /// x = year − first_year.
  public var x: [Double] { years.map { Double($0 - firstYear) } }
  /// True when every value is the same.
  public var isConstant: Bool { values.allSatisfy { $0 == values.first } }
}
