/// A table as Swift's `Encoder`s see it: an array with one object per row, keyed by the
/// column names in column order, each cell as its type (text, number, integer, boolean;
/// an empty cell `null`) — what `jsonBytes()` writes, so that `JSONEncoder().encode(table)`
/// gives the command line's `--format json` for every command whose result is a table
/// (`trend`, `survey`, `regress`, `classify`, `status` …).
extension Table: Encodable {
  struct ColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: Encoder) throws {
    var rows = encoder.unkeyedContainer()
    for row in 0..<rowCount {
      var object = rows.nestedContainer(keyedBy: ColumnKey.self)
      for column in columns {
        let key = ColumnKey(stringValue: column.name)
        switch column[row] {
        case .empty: try object.encodeNil(forKey: key)
        case .text(let text): try object.encode(text, forKey: key)
        case .number(let number): try object.encode(number, forKey: key)
        case .integer(let integer): try object.encode(integer, forKey: key)
        case .boolean(let boolean): try object.encode(boolean, forKey: key)
        }
      }
    }
  }
}
