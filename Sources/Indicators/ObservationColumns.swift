import TableIO

/// A block of observations stored column by column: the compact form the streaming
/// reader hands to aggregations (DESIGN.md §8: interned keys, scaled integers).
///
/// Row `i` is indicator `keys.indicators[indicator[i]]`, agency
/// `keys.agencies[agency[i]]` (id 0 is "no indicator" / "no agency"), period
/// `year[i]` with quarter `quarter[i]` (0: an annual row), and the exact figures
/// `value[i]·10^valueExponent[i]` and `target[i]·10^targetExponent[i]` in base units;
/// an exponent of `ObservationColumns.missing` marks a figure that is not available.
/// `line[i]` is the 1-based physical line the row starts on. About 34 bytes a row,
/// against about 160 for an `Observation`.
public struct ObservationColumns: Sendable {
  public var indicator: [Int32] = []
  public var agency: [Int32] = []
  public var year: [Int32] = []
  public var quarter: [UInt8] = []
  public var value: [Int64] = []
  public var valueExponent: [Int8] = []
  public var target: [Int64] = []
  public var targetExponent: [Int8] = []
  public var line: [Int32] = []

  /// The exponent that marks a missing figure.
  public static let missing = Int8.min

  public init() {}

  public var count: Int { year.count }

  /// The figure of row `i` as a decimal (`nil` when missing).
  public func value(at i: Int) -> DecimalNumber? {
    let e = valueExponent[i]
    return e == Self.missing ? nil : DecimalNumber(significand: value[i], exponent: Int32(e))
  }

  /// The target of row `i` as a decimal (`nil` when none).
  public func target(at i: Int) -> DecimalNumber? {
    let e = targetExponent[i]
    return e == Self.missing ? nil : DecimalNumber(significand: target[i], exponent: Int32(e))
  }

  /// Empties the columns, keeping their storage for the next block.
  public mutating func removeAll() {
    indicator.removeAll(keepingCapacity: true)
    agency.removeAll(keepingCapacity: true)
    year.removeAll(keepingCapacity: true)
    quarter.removeAll(keepingCapacity: true)
    value.removeAll(keepingCapacity: true)
    valueExponent.removeAll(keepingCapacity: true)
    target.removeAll(keepingCapacity: true)
    targetExponent.removeAll(keepingCapacity: true)
    line.removeAll(keepingCapacity: true)
  }

  /// Makes room for `count` rows in every column.
  public mutating func reserveCapacity(_ count: Int) {
    indicator.reserveCapacity(count)
    agency.reserveCapacity(count)
    year.reserveCapacity(count)
    quarter.reserveCapacity(count)
    value.reserveCapacity(count)
    valueExponent.reserveCapacity(count)
    target.reserveCapacity(count)
    targetExponent.reserveCapacity(count)
    line.reserveCapacity(count)
  }

  /// Appends `other`'s rows (same key tables).
  public mutating func append(contentsOf other: ObservationColumns) {
    indicator += other.indicator
    agency += other.agency
    year += other.year
    quarter += other.quarter
    value += other.value
    valueExponent += other.valueExponent
    target += other.target
    targetExponent += other.targetExponent
    line += other.line
  }
}

/// One row of `ObservationColumns`, as the fast lane hands it to a `ColumnarConsumer`.
public struct ObservationRow: Sendable, Equatable {
  public var indicator: Int32
  public var agency: Int32
  public var year: Int32
  public var quarter: UInt8
  public var value: Int64
  public var valueExponent: Int8
  public var target: Int64
  public var targetExponent: Int8
  public var line: Int32
}

extension ObservationColumns {
  /// Appends one row.
  public mutating func append(_ row: ObservationRow) {
    indicator.append(row.indicator)
    agency.append(row.agency)
    year.append(row.year)
    quarter.append(row.quarter)
    value.append(row.value)
    valueExponent.append(row.valueExponent)
    target.append(row.target)
    targetExponent.append(row.targetExponent)
    line.append(row.line)
  }

  /// Row `i`.
  public subscript(row i: Int) -> ObservationRow {
    ObservationRow(
      indicator: indicator[i], agency: agency[i], year: year[i], quarter: quarter[i], value: value[i],
      valueExponent: valueExponent[i], target: target[i], targetExponent: targetExponent[i], line: line[i])
  }
}

/// The distinct indicator and agency names of a streamed file, by id (0 = none), as
/// `ObservationReader` reads them (trimmed; a money unit in an indicator's name
/// moved to its figures).
public struct ObservationKeys: Sendable {
  public internal(set) var indicators: [String?] = [nil]
  public internal(set) var agencies: [String?] = [nil]

  public init() {}
}

extension ObservationKeys {
  /// Adds the names of `other` (another part of the same file) not here yet, and
  /// returns the id here of each of `other`'s ids.
  mutating func absorb(_ other: ObservationKeys) -> (indicators: [Int32], agencies: [Int32]) {
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
    return (renumber(other.indicators, into: &indicators), renumber(other.agencies, into: &agencies))
  }
}
