/// How quarterly (or monthly) figures of one year become the year's figure
/// (`--aggregate`).
///
///     sum    Σ of the reported quarters (counts and amounts: the default)
///     mean   Σ / k over the k reported quarters (kept exact as a fraction)
///     last   the latest reported quarter (cumulative series, year-to-date figures)
///     max    the largest reported quarter
///
/// A year with fewer quarters than 4 (months than 12) is aggregated over what was
/// reported and flagged `partial`, never silently taken as complete.
public enum Aggregation: String, Sendable, Hashable, CaseIterable, Codable {
  case sum, mean, last, max
}

/// What to do with two rows for the same (indicator, agency, period)
/// (`--duplicates`). The default is an error naming both lines: duplicates are
/// never silently summed.
public enum DuplicatePolicy: String, Sendable, Hashable, CaseIterable, Codable {
  /// A `DataError` at the later line, naming the earlier one.
  case error
  /// The rows' figures are added (their targets must agree, as for quarters).
  case sum
  /// The row on the later line wins.
  case last
}

/// What a target on a quarterly row means (`--target-per`).
public enum TargetPeriod: String, Sendable, Hashable, CaseIterable, Codable {
  /// The annual target, repeated on each quarter row: taken once; rows of one year
  /// that disagree are a data error naming both lines (the default).
  case year
  /// A target per quarter: aggregated over the quarters like the figures.
  case quarter
}
