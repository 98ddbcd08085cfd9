import IntegrityTables

extension AggregationSource {
  /// The source of observations read by `ObservationReader`: the file name, and the
  /// column of each canonical field found in the header (by name or alias, or by a
  /// `--columns` entry, canonical name → header as written).
  public init(set: ObservationSet, columnMap: [String: String] = [:]) {
    self.init(file: set.source)
    let fields = AggregationSource.splitHeader(set.headerText, delimiter: set.delimiter)
    for (index, field) in fields.enumerated() {
      if let (column, _) = CanonicalColumn.recognizing(field), columns[column.rawValue] == nil {
        columns[column.rawValue] = index + 1
        headers[column.rawValue] = field
      }
    }
    for (canonical, header) in columnMap {
      if let index = fields.firstIndex(where: { $0 == TextTable.trim(header) }) {
        columns[canonical] = index + 1
        headers[canonical] = fields[index]
      }
    }
  }

  /// Header fields of one CSV line, unquoted and trimmed.
  static func splitHeader(_ text: String, delimiter: UInt8) -> [String] {
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var bytes = Array(text.utf8).makeIterator()
    var pending: UInt8? = nil
    while let b = pending ?? bytes.next() {
      pending = nil
      if quoted {
        if b == UInt8(ascii: "\"") {
          if let next = bytes.next() {
            if next == UInt8(ascii: "\"") { field.append(b) } else { quoted = false; pending = next }
          } else {
            quoted = false
          }
        } else {
          field.append(b)
        }
      } else if b == UInt8(ascii: "\"") && field.isEmpty {
        quoted = true
      } else if b == delimiter {
        fields.append(TextTable.trim(String(decoding: field, as: UTF8.self)))
        field = []
      } else {
        field.append(b)
      }
    }
    fields.append(TextTable.trim(String(decoding: field, as: UTF8.self)))
    return fields
  }
}
