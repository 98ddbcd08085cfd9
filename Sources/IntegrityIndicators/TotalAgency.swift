import IntegrityAgencyData

/// Agency names that stand for a total over agencies in MOJ's and DGBAS's tables: 總計, 合計,
/// 小計, 全國, 全體 (spaces inside ignored, as in `總　計`).
///
/// With totals on (`achievement`, `quarterly`), rows carrying such a name are already a
/// total: they are left out, so they are not summed again into the computed total and no
/// two output rows share a key; the report says how many were left out
/// (`TotalAgency.note(leftOut:)`).
public enum TotalAgency {
  /// The names, without spaces.
  public static let names: Set<String> = ["總計", "合計", "小計", "全國", "全體"]

  /// Whether `agency` names a total.
  public static func isTotal(_ agency: String?) -> Bool {
    guard let agency, agency.utf8.count <= 24 else { return false }
    // The names are Chinese: an ASCII name (A0000, Taipei) is none, spaces or not.
    if agency.utf8.allSatisfy({ $0 < 0x80 }) { return false }
    if !agency.unicodeScalars.contains(where: \.properties.isWhitespace) { return names.contains(agency) }
    return names.contains(String(agency.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)))
  }

  /// The rows of `observations` that count with totals on, and the total rows left out (by
  /// name, with their count, in order of first appearance).
  static func excluding(_ observations: [Observation]) -> (rows: [Observation], leftOut: [(name: String, count: Int)]) {
    guard observations.contains(where: { isTotal($0.agency) }) else { return (observations, []) }
    var leftOut: [(name: String, count: Int)] = []
    let rows = observations.filter { row in
      guard isTotal(row.agency), let name = row.agency else { return true }
      if let i = leftOut.firstIndex(where: { $0.name == name }) { leftOut[i].count += 1 } else { leftOut.append((name, 1)) }
      return false
    }
    return (rows, leftOut)
  }

  /// `3 rows with agency 合計 are a total in the input: not summed again …`; nil when none.
  static func note(leftOut: [(name: String, count: Int)], computed: String) -> String? {
    guard !leftOut.isEmpty else { return nil }
    let count = leftOut.map(\.count).reduce(0, +)
    let names = leftOut.map(\.name).joined(separator: ", ")
    return "\(count) row\(count == 1 ? "" : "s") with agency \(names) \(count == 1 ? "is a total" : "are totals") "
      + "in the input: not summed again and not printed; the \(computed) rows are computed from the other agencies' rows"
  }
}
