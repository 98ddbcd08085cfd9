import IntegrityTables

/// A series that cannot be fitted as asked (the CLI reports it as bad data, exit 65,
/// naming the series and, where there is one, the row).
public enum TrendError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Fewer points than the model needs (3 for a trend line, 5 for a segmented one).
  case tooFewPoints(have: Int, need: Int)
  /// A value ≤ 0 where the model takes its logarithm; `index` is its position in the series.
  case nonPositive(index: Int, year: Int, value: Double)
  /// A negative value where the model needs counts.
  case negativeCount(index: Int, year: Int, value: Double)
  /// Every count is zero: the log-link intercept is −∞.
  case allZeroCounts
  /// The break year leaves fewer than two years on one side.
  case breakOutOfRange(breakYear: Int, before: Int, after: Int)
  /// A break year with a model that has no segmented form (Sen's).
  case noSegmentedForm(TrendModel)
  /// The model cannot be combined with the option given.
  case unsupported(String)
  /// IRLS did not converge.
  case notConverged(iterations: Int)

  /// What the caller can change: `Remedy.segmentedModel` for a break the model cannot
  /// take; nil otherwise (the data is what it is).
  public var remedy: Remedy? {
    switch self {
    case .noSegmentedForm: .segmentedModel
    default: nil
    }
  }

  /// What is wrong, without the remedy.
  public var message: String {
    switch self {
    case .tooFewPoints(let have, let need):
      "a trend needs at least \(need) years with values (found \(have))"
    case .nonPositive(_, let year, let value):
      "log-linear trend needs values > 0 (found \(value) in \(year))"
    case .negativeCount(_, let year, let value):
      "Poisson trend needs counts ≥ 0 (found \(value) in \(year))"
    case .allZeroCounts:
      "Poisson trend: every count is zero, the log-rate is −∞"
    case .breakOutOfRange(let year, let before, let after):
      "break year \(year) needs at least 2 years before it and 2 from it on (found \(before) and \(after))"
    case .noSegmentedForm(let model): "the \(model.rawValue) model has no segmented form"
    case .unsupported(let what): what
    case .notConverged(let iterations): "Poisson IRLS did not converge in \(iterations) iterations"
    }
  }

  /// The message with its remedy in the library's terms.
  public var description: String {
    remedy.map { "\(message); \($0)" } ?? message
  }
}
