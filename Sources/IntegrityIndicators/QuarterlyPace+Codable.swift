import Foundation
import IntegrityDecimal

/// A quarterly pace row as JSON with the CSV's column names as keys (`indicator` when
/// the row has one, `agency`, `year`, `quarter`, `count`, `cumulative`, `target`,
/// `cumulative_rate`, `expected_rate`, `pace`, `status`), as `integrity-stats quarterly
/// --format json` writes it. Figures are exact, written as JSON numbers through
/// `Decimal`; a missing value is `null`. `expected_rate` (q/4) is written for readers of
/// the JSON and recomputed, not read, when decoding.
extension QuarterlyPace: Codable {
  enum CodingKeys: String, CodingKey {
    case indicator, agency, year, quarter, count, cumulative, target
    case cumulativeRate = "cumulative_rate"
    case expectedRate = "expected_rate"
    case pace, status
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(indicator, forKey: .indicator)
    try container.encode(agency, forKey: .agency)
    try container.encode(year, forKey: .year)
    try container.encode(quarter, forKey: .quarter)
    try container.encode(count.flatMap { Decimal(string: $0.description) }, forKey: .count)
    try container.encode(cumulative.flatMap { Decimal(string: $0.description) }, forKey: .cumulative)
    try container.encode(target.flatMap { Decimal(string: $0.description) }, forKey: .target)
    try container.encode(cumulativeRate, forKey: .cumulativeRate)
    try container.encode(expectedRate, forKey: .expectedRate)
    try container.encode(pace, forKey: .pace)
    try container.encode(status, forKey: .status)
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func figure(_ key: CodingKeys) throws -> AggregatedValue? {
      guard let decimal = try container.decodeIfPresent(Decimal.self, forKey: key) else { return nil }
      guard let exact = DecimalNumber(decimal.description) else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: container, debugDescription: "\(decimal) is not an exact decimal of at most 18 digits")
      }
      return AggregatedValue(exact)
    }
    let agency = try container.decode(String.self, forKey: .agency)
    self.init(
      indicator: try container.decodeIfPresent(String.self, forKey: .indicator), agency: agency,
      year: try container.decode(Int.self, forKey: .year), quarter: try container.decode(Int.self, forKey: .quarter),
      count: try figure(.count), cumulative: try figure(.cumulative), target: try figure(.target),
      cumulativeRate: try container.decodeIfPresent(Double.self, forKey: .cumulativeRate),
      pace: try container.decodeIfPresent(Double.self, forKey: .pace),
      status: try container.decode(PaceStatus.self, forKey: .status),
      isTotal: agency == QuarterlyPace.nationalTotal)
  }
}
