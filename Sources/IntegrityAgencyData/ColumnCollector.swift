/// Keeps every streamed row: the whole file as `ObservationColumns` (what
/// `ObservationReader.readColumns` returns). Blocks are kept as they come and joined
/// once at the end into columns of exactly the right size, each block freed as it is
/// copied, so the peak is about one copy of the rows. A later part's key ids and lines
/// are renumbered into this part's when the parts are merged.
struct ColumnCollector: ColumnarConsumer {
  private var blocks: [ObservationColumns] = []
  private var current = ObservationColumns()
  private(set) var keys = ObservationKeys()

  /// Rows per kept block.
  static let blockRows = 1 << 16

  mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) {
    // New names are copied one by one (copying all the names on each new one would
    // make a file of many distinct names quadratic).
    if keys.indicators.count != self.keys.indicators.count || keys.agencies.count != self.keys.agencies.count
      || keys.units.count != self.keys.units.count
    {
      self.keys.catchUp(with: keys)
    }
    if current.count == 0 { current.reserveCapacity(Self.blockRows) }
    current.append(row)
    if current.count == Self.blockRows {
      blocks.append(current)
      current = ObservationColumns()
    }
  }

  mutating func merge(_ next: ColumnCollector, lineOffset: Int) -> Bool {
    flush()
    var next = next
    next.flush()
    let (indicators, agencies, units) = keys.absorb(next.keys)
    for var block in next.blocks {
      for i in 0..<block.count {
        block.indicator[i] = indicators[Int(block.indicator[i])]
        block.agency[i] = agencies[Int(block.agency[i])]
        block.unit[i] = units[Int(block.unit[i])]
        block.line[i] += Int32(lineOffset)
      }
      blocks.append(block)
    }
    return true
  }

  /// Moves the rows of the current block to the kept blocks.
  private mutating func flush() {
    if current.count > 0 { blocks.append(current) }
    current = ObservationColumns()
  }

  /// All rows in file order.
  mutating func joined() -> ObservationColumns {
    flush()
    var all = ObservationColumns()
    all.reserveCapacity(blocks.reduce(0) { $0 + $1.count })
    for k in blocks.indices {
      all.append(contentsOf: blocks[k])
      blocks[k] = ObservationColumns()
    }
    blocks = []
    return all
  }
}
