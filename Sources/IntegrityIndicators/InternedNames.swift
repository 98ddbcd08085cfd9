import IntegrityTables

/// Where a streaming computation's indicator and agency names sit among the fields a
/// `CSVLineBuffer` has interned (`CSVLineBuffer.intern`): each name escaped once per
/// buffer and copied on every line, instead of escaped on every line.
package struct InternedNames: Sendable, Equatable {
  /// Interned field numbers of canonical indicator ids 0…, and of agency ids 0….
  public let indicators: Range<Int>
  public let agencies: Range<Int>
  /// Other fields that repeat on every line (a report's own; may be empty).
  public let extra: Range<Int>

  /// Interns `indicators` and `agencies` (nil as an empty field), then `extra`, in `line`.
  static func intern(
    indicators: [String?], agencies: [String?], extra: [String] = [], into line: inout CSVLineBuffer
  ) -> InternedNames {
    InternedNames(
      indicators: line.intern(indicators.map { $0 ?? "" }), agencies: line.intern(agencies.map { $0 ?? "" }),
      extra: line.intern(extra))
  }
}

/// The canonical ids of a row's indicator and agency (nil for a total's agency).
package struct RowNames: Sendable {
  public let indicator: Int
  public let agency: Int?
}
