import IntegrityTables

/// A computation over the reader's rows that can run on parts of a file at once (every
/// core: `PartSchedule`): one consumer per part, merged in file order.
///
/// Every command's computation is one (`AchievementAccumulator`,
/// `QuarterlyPaceAccumulator`, `TrendSeriesAccumulator`), and so is `ColumnCollector`,
/// which keeps the rows. A row the computation cannot take (a negative figure, a
/// repeated period …) throws a `DataError` at the row's line: the reader stops there, or
/// under `skipBadRows` rejects the row and goes on. A consumer that throws must leave its
/// state as it was before the row. (`SendableMetatype`: the schedule's threads run code
/// generic over the consumer's type.)
@usableFromInline package protocol ColumnarConsumer: SendableMetatype {
  /// Told once, before any row, where the rows come from: the file name and the
  /// column of each canonical field, for locating errors.
  mutating func begin(source: AggregationSource)
  /// Adds a row as it is parsed (its ids index `keys`, the names of this part so far).
  mutating func add(_ row: ObservationRow, keys: borrowing ObservationKeys) throws(DataError)
  /// Takes in the consumer of the part that follows this one in the file, whose line
  /// numbers are `lineOffset` short; false when the two parts together hold a problem
  /// (a period in both parts, targets that disagree across the cut): the reader then
  /// reads the file again on one core, where `add` finds it at its row.
  mutating func merge(_ next: Self, lineOffset: Int) -> Bool
  /// Told once, after the first block of its part, about how many rows it will have
  /// taken in the end (its part's and those of the parts merged into it, estimated from
  /// the bytes per row so far) and how many it has taken: room for its state can be
  /// made once instead of growing by copies. A hint only; the default does nothing.
  mutating func expect(rows: Int, after seen: Int)
}

extension ColumnarConsumer {
  public mutating func begin(source: AggregationSource) {}
  public mutating func expect(rows: Int, after seen: Int) {}
}
