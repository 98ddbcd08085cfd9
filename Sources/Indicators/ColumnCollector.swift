/// Keeps every streamed row: the whole file as `ObservationColumns` (what
/// `ObservationReader.readColumns` returns). A later part's key ids are renumbered
/// into this part's names when the parts are merged.
struct ColumnCollector: ColumnarConsumer {
  var columns = ObservationColumns()
  var keys = ObservationKeys()

  mutating func add(_ block: ObservationColumns, keys: ObservationKeys) -> Bool {
    columns.append(contentsOf: block)
    self.keys = keys
    return true
  }

  mutating func merge(_ next: ColumnCollector, lineOffset: Int) -> Bool {
    func renumber(_ names: [String?], into mine: inout [String?]) -> [Int32] {
      var index: [String?: Int32] = [:]
      for (id, name) in mine.enumerated() { index[name] = Int32(id) }
      return names.map { name in
        if let id = index[name] { return id }
        mine.append(name)
        index[name] = Int32(mine.count - 1)
        return Int32(mine.count - 1)
      }
    }
    let indicators = renumber(next.keys.indicators, into: &keys.indicators)
    let agencies = renumber(next.keys.agencies, into: &keys.agencies)
    var tail = next.columns
    for i in 0..<tail.count {
      tail.indicator[i] = indicators[Int(tail.indicator[i])]
      tail.agency[i] = agencies[Int(tail.agency[i])]
      tail.line[i] += Int32(lineOffset)
    }
    columns.append(contentsOf: tail)
    return true
  }
}
