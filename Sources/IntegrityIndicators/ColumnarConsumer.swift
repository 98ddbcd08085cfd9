import IntegrityTables

/// A computation over the fast lane's blocks that can run on parts of a file at once
/// (DESIGN.md §8, two cores): one consumer per part, merged in file order.
public protocol ColumnarConsumer {
  /// Adds a row as it is parsed (its ids index `keys`, the names of this part so far);
  /// `false` when the file needs the general reader.
  mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) -> Bool
  /// Takes in the consumer of the part that follows this one in the file, whose line
  /// numbers are `lineOffset` short; `false` when the two cannot be merged.
  mutating func merge(_ next: Self, lineOffset: Int) -> Bool
  /// Told once, after the first block of its part, about how many rows it will have
  /// taken in the end (its part's and those of the parts merged into it, estimated from
  /// the bytes per row so far) and how many it has taken: room for its state can be
  /// made once instead of growing by copies. A hint only; the default does nothing.
  mutating func expect(rows: Int, after seen: Int)
}

extension ColumnarConsumer {
  public mutating func expect(rows: Int, after seen: Int) {}
}
