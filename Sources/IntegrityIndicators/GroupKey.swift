/// The key a command groups rows by: canonical indicator and agency ids and the year,
/// packed into one 64-bit word so that grouping is an integer comparison.
///
///     packed = indicator << 40 | agency << 16 | year      (24 + 24 + 16 bits)
///
/// Ids are the computation's canonical ids (0: no indicator, no agency); a year is
/// 0…65535. Keys order by indicator id, agency id, year — not by name: output order
/// comes from ranks of the names (`GroupOrder`).
struct GroupKey: Hashable, Comparable, Sendable {
  /// The three fields in one word (see the type's layout).
  var packed: UInt64

  /// Ids must stay below this (24 bits each).
  static let idLimit = 1 << 24
  /// Years must stay below this (16 bits).
  static let yearLimit: Int32 = 1 << 16

  @inline(__always)
  init(packed: UInt64) {
    self.packed = packed
  }

  @inline(__always)
  init(indicator: Int32, agency: Int32, year: Int32) {
    packed = UInt64(UInt32(bitPattern: indicator)) << 40 | UInt64(UInt32(bitPattern: agency)) << 16
      | UInt64(UInt16(truncatingIfNeeded: year))
  }

  var indicator: Int { Int(packed >> 40) }
  var agency: Int { Int(packed >> 16 & 0xFF_FFFF) }
  var year: Int { Int(packed & 0xFFFF) }
  /// The (indicator, agency) pair, as one number: a series of `trend`.
  var series: UInt64 { packed >> 16 }

  /// The same key with its ids mapped through `indicators` and `agencies`.
  func renumbered(indicators: [Int32], agencies: [Int32]) -> GroupKey {
    GroupKey(indicator: indicators[indicator], agency: agencies[agency], year: Int32(year))
  }

  static func < (a: GroupKey, b: GroupKey) -> Bool { a.packed < b.packed }
}
