/// The role of a chart point.
public enum PointKind: String, Sendable, Hashable, CaseIterable, Codable {
  /// A reported figure (a point or a bar).
  case observed
  /// A value on a fitted trend line.
  case fitted
  /// A projected value beyond the data.
  case projection
  /// A target (a rule, or the expected pace).
  case target
  /// An interval: `lower`…`upper` around the fitted or projected value.
  case band
}
