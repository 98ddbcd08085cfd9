import IntegrityIndicators
import IntegrityTables
import IntegrityAgencyData

/// Columns the observation reader does not read but the workspace keeps, by source line:
/// `revised` (true/false, as `tidy` and `export` write it — so an export re-imports with
/// its flags) and a reason column (修正原因, 備註, 說明, reason: why a figure was corrected).
///
/// Read only when the header names one of them, through `TableReader` (the same
/// tokenizer and decoding as the reader), with the header found by those names.
struct SideColumns {
  struct Entry {
    var revised: Bool?
    var reason: String?
  }

  static let revisedNames: Set<String> = ["revised", "修正"]
  static let reasonNames: Set<String> = ["修正原因", "備註", "說明", "reason", "修正說明"]

  static func read(path: String, set: ObservationSet, options: ObservationReadOptions) -> [Int: Entry] {
    let names = revisedNames.union(reasonNames)
    let headerFields = set.headerText.split(separator: Character(UnicodeScalar(set.delimiter))).map {
      TextTable.trim(String($0)).trimmingCharacters(in: ["\""]).lowercased()
    }
    guard headerFields.contains(where: names.contains) else { return [:] }
    var table = options.table
    table.delimiter = set.delimiter
    table.allowRaggedRows = true
    table.headerMatcher = { fields in fields.contains { names.contains($0.lowercased()) } }
    guard let text = try? TableReader.read(path: path, options: table) else { return [:] }
    let header = text.header.map { TextTable.trim($0).lowercased() }
    let revisedColumn = header.firstIndex(where: revisedNames.contains)
    let reasonColumn = header.firstIndex(where: reasonNames.contains)
    var entries: [Int: Entry] = [:]
    for row in 0..<text.rowCount {
      var entry = Entry()
      if let c = revisedColumn, c < text.fieldCount(row: row) {
        switch TextTable.trim(text.field(row: row, column: c)).lowercased() {
        case "true", "1", "yes", "是", "r": entry.revised = true
        case "false", "0", "no", "否": entry.revised = false
        default: break
        }
      }
      if let c = reasonColumn, c < text.fieldCount(row: row) {
        let reason = TextTable.trim(text.field(row: row, column: c))
        if !reason.isEmpty { entry.reason = reason }
      }
      if entry.revised != nil || entry.reason != nil { entries[text.line(row: row)] = entry }
    }
    return entries
  }
}
