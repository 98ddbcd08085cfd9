/// The reader's indicator and agency ids mapped to canonical ones, for the streaming
/// computations that group offices in any spelling (`achievement`, `quarterly`):
/// indicators trimmed, agencies by `ProsecutorsOffice.canonicalName`, as the general
/// computations intern them (`KeyInterner`).
struct OfficeKeyMap {
  private(set) var indicators = KeyInterner(canonicalize: { ProsecutorsOffice.trimmed($0) })
  private(set) var agencies = KeyInterner(canonicalize: ProsecutorsOffice.canonicalName)
  /// Reader id → canonical id.
  private(set) var indicatorIDs: [Int32] = []
  private(set) var agencyIDs: [Int32] = []
  /// Reader agency id → the name is a total (`TotalAgency`: 總計, 合計 …).
  private(set) var agencyIsTotal: [Bool] = []

  /// Canonical ids fit the 24 bits a group key gives each.
  var fitsGroupKeys: Bool { indicators.names.count < 1 << 24 && agencies.names.count < 1 << 24 }

  /// Whether `row` names an id not mapped yet.
  @inline(__always)
  func needsSync(_ row: ObservationRow) -> Bool {
    Int(row.indicator) >= indicatorIDs.count || Int(row.agency) >= agencyIDs.count
  }

  /// Maps the reader's names added since the last call; false when ids outgrow keys.
  mutating func sync(_ keys: borrowing ObservationKeys) -> Bool {
    while indicatorIDs.count < keys.indicators.count {
      indicatorIDs.append(indicators.id(keys.indicators[indicatorIDs.count]))
    }
    while agencyIDs.count < keys.agencies.count {
      let name = keys.agencies[agencyIDs.count]
      agencyIsTotal.append(TotalAgency.isTotal(name))
      agencyIDs.append(agencies.id(name))
    }
    return fitsGroupKeys
  }

  /// Renumbers a group key of `other`'s canonical ids into these (adding names).
  mutating func renumbering(_ other: OfficeKeyMap) -> (UInt64) -> UInt64 {
    let indicatorMap = other.indicators.names.map { UInt64(UInt32(indicators.id($0))) }
    let agencyMap = other.agencies.names.map { UInt64(UInt32(agencies.id($0))) }
    return { key in indicatorMap[Int(key >> 40)] << 40 | agencyMap[Int(key >> 16 & 0xFF_FFFF)] << 16 | (key & 0xFFFF) }
  }
}
