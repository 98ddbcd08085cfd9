import Foundation
import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

/// An achievement row as JSON with the CSV's column names as keys (`indicator`,
/// `agency`, `year`, `actual`, `target`, `direction`, `ratio`, `status`, `partial`),
/// as `integrity-stats achievement --format json` writes it. Figures are exact: written
/// as JSON numbers through `Decimal` (a mean over quarters, which may not terminate, as
/// its rounded double); a missing value is `null`.
extension AchievementRatio: Codable {
  enum CodingKeys: String, CodingKey {
    case indicator, agency, year, actual, target, direction, ratio, status, partial
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(indicator, forKey: .indicator)
    try container.encode(agency, forKey: .agency)
    try container.encode(year, forKey: .year)
    try container.encode(actual.flatMap { Decimal(string: $0.description) }, forKey: .actual)
    try container.encode(target.flatMap { Decimal(string: $0.description) }, forKey: .target)
    try container.encode(direction, forKey: .direction)
    try container.encode(ratio, forKey: .ratio)
    try container.encode(status, forKey: .status)
    try container.encode(partial, forKey: .partial)
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
    let agency = try container.decodeIfPresent(String.self, forKey: .agency)
    self.init(
      indicator: try container.decodeIfPresent(String.self, forKey: .indicator), agency: agency,
      year: try container.decode(Int.self, forKey: .year), actual: try figure(.actual), target: try figure(.target),
      direction: try container.decode(Direction.self, forKey: .direction),
      ratio: try container.decodeIfPresent(Double.self, forKey: .ratio),
      status: try container.decode(AchievementStatus.self, forKey: .status),
      partial: try container.decodeIfPresent(Bool.self, forKey: .partial) ?? false,
      isTotal: agency == AchievementRatio.totalAgency)
  }
}
