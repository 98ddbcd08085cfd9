import IntegrityIndicators
import IntegrityAgencyData

/// What identifies a figure across submissions: (indicator, agency, period). A later
/// submission of the same key supersedes the earlier value.
public struct FigureKey: Sendable, Hashable, Comparable {
  /// '' when the file had no indicator column (and none was given on import).
  public var indicator: String
  /// '' when the file had no agency column.
  public var agency: String
  public var period: Period

  public init(indicator: String?, agency: String?, period: Period) {
    self.indicator = indicator ?? ""
    self.agency = agency ?? ""
    self.period = period
  }

  public static func < (a: FigureKey, b: FigureKey) -> Bool {
    if a.indicator != b.indicator { return a.indicator < b.indicator }
    if a.agency != b.agency { return a.agency < b.agency }
    if a.period != b.period { return a.period < b.period }
    return false
  }
}
