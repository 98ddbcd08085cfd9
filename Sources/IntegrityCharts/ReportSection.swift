/// The sections a report can have.
public enum ReportSection: String, Sendable, Hashable, CaseIterable, Codable {
  case achievement, quarterly, trend, survey
}
