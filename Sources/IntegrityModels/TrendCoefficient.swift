/// One estimated coefficient with its inference.
public struct TrendCoefficient: Sendable, Equatable, Codable {
  public var estimate: Double
  public var standardError: Double?
  public var low: Double?
  public var high: Double?
  public var pValue: Double?

  public init(estimate: Double, standardError: Double?, low: Double?, high: Double?, pValue: Double?) {
    self.estimate = estimate
    self.standardError = standardError
    self.low = low
    self.high = high
    self.pValue = pValue
  }
}
