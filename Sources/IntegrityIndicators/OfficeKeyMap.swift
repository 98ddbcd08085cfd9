import IntegrityAgencyData
import IntegrityActionPlan

/// The reader's indicator and agency ids mapped to canonical ones, for the computations
/// that group offices in any spelling: indicators trimmed, agencies by
/// `ProsecutorsOffice.canonicalName` (which the reader has applied already; applied
/// again, it changes nothing), total names (`TotalAgency`) flagged.
struct OfficeKeyMap: Sendable {
  private(set) var indicators = KeyInterner(canonicalize: { ProsecutorsOffice.trimmed($0) })
  private(set) var agencies = KeyInterner(canonicalize: ProsecutorsOffice.canonicalName)
  /// Reader id → canonical id.
  private(set) var indicatorIDs: [Int32] = []
  private(set) var agencyIDs: [Int32] = []
  /// Reader agency id → the name is a total (`TotalAgency`: 總計, 合計 …).
  private(set) var agencyIsTotal: [Bool] = []

  /// Canonical ids fit the 24 bits a `GroupKey` gives each.
  var fitsGroupKeys: Bool { indicators.names.count < GroupKey.idLimit && agencies.names.count < GroupKey.idLimit }

  /// Whether `row` names an id not mapped yet.
  @inline(__always)
  func needsSync(_ row: ObservationRow) -> Bool {
    Int(row.indicator) >= indicatorIDs.count || Int(row.agency) >= agencyIDs.count
  }

  /// Maps the reader's names added since the last call (linear in the new names).
  mutating func sync(_ keys: borrowing ObservationKeys) {
    while indicatorIDs.count < keys.indicators.count {
      indicatorIDs.append(indicators.id(keys.indicators[indicatorIDs.count]))
    }
    while agencyIDs.count < keys.agencies.count {
      let name = keys.agencies[agencyIDs.count]
      agencyIsTotal.append(TotalAgency.isTotal(name))
      agencyIDs.append(agencies.id(name))
    }
  }

  /// The canonical id of an agency named outside the rows (a targets file).
  mutating func agencyID(_ name: String) -> Int32 { agencies.id(name) }

  /// Renumbers a packed `GroupKey` of `other`'s canonical ids into these (adding names).
  mutating func renumbering(_ other: OfficeKeyMap) -> (UInt64) -> UInt64 {
    let indicatorMap = other.indicators.names.map { indicators.id($0) }
    let agencyMap = other.agencies.names.map { agencies.id($0) }
    return { GroupKey(packed: $0).renumbered(indicators: indicatorMap, agencies: agencyMap).packed }
  }
}

/// Names interned to dense ids in first-seen order through a canonical form (id 0: nil).
struct KeyInterner: Sendable {
  private(set) var names: [String?] = [nil]
  private var ids: [String: Int32] = [:]
  private var rawIDs: [String: Int32] = [:]
  private var lastRaw: String?
  private var lastID: Int32 = 0
  let canonicalize: @Sendable (String) -> String

  init(canonicalize: @escaping @Sendable (String) -> String) {
    self.canonicalize = canonicalize
  }

  /// The id of `raw`'s canonical form (0 for nil).
  mutating func id(_ raw: String?) -> Int32 {
    guard let raw else { return 0 }
    if raw == lastRaw { return lastID }
    let result: Int32
    if let known = rawIDs[raw] {
      result = known
    } else {
      let name = canonicalize(raw)
      if let known = ids[name] {
        result = known
      } else {
        result = Int32(names.count)
        names.append(name)
        ids[name] = result
      }
      rawIDs[raw] = result
    }
    lastRaw = raw
    lastID = result
    return result
  }
}

/// Orders optional strings: `nil` first, then by UTF-8 bytes (as Python and pandas do).
func utf8Precedes(_ a: String?, _ b: String?) -> Bool {
  switch (a, b) {
  case (nil, nil): false
  case (nil, _): true
  case (_, nil): false
  case (let a?, let b?): a.utf8.lexicographicallyPrecedes(b.utf8)
  }
}
