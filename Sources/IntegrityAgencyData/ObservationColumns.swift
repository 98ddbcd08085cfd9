import IntegrityTables
import IntegrityDecimal

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
  /// Month 1–12 (0: none), the direction stated on the row (0: none, else
  /// `Direction.code`), flags (`ObservationRow.revisedFlag`), the sample size
  /// `n[i]·10^nExponent[i]` (exponent `missing`: none) and the unit id (`keys.units`).
  public var month: [UInt8] = []
  public var direction: [UInt8] = []
  public var flags: [UInt8] = []
  public var n: [Int64] = []
  public var nExponent: [Int8] = []
  public var unit: [Int32] = []

  /// The exponent that marks a missing figure.
  @inlinable public static var missing: Int8 { .min }

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
    month.removeAll(keepingCapacity: true)
    direction.removeAll(keepingCapacity: true)
    flags.removeAll(keepingCapacity: true)
    n.removeAll(keepingCapacity: true)
    nExponent.removeAll(keepingCapacity: true)
    unit.removeAll(keepingCapacity: true)
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
    month.reserveCapacity(count)
    direction.reserveCapacity(count)
    flags.reserveCapacity(count)
    n.reserveCapacity(count)
    nExponent.reserveCapacity(count)
    unit.reserveCapacity(count)
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
    month += other.month
    direction += other.direction
    flags += other.flags
    n += other.n
    nExponent += other.nExponent
    unit += other.unit
  }
}

/// One row of `ObservationColumns`, as the reader hands it to a `ColumnarConsumer`.
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
  public var month: UInt8 = 0
  public var direction: UInt8 = 0
  public var flags: UInt8 = 0
  public var n: Int64 = 0
  public var nExponent: Int8 = ObservationColumns.missing
  public var unit: Int32 = 0

  /// `flags` bit: a figure of the row carried a trailing `r` (revised).
  @inlinable public static var revisedFlag: UInt8 { 1 }
}

extension ObservationRow {
  /// A row of keys and figures, as the parser's (inlinable) row rule builds it.
  @inlinable
  init(
    keys indicator: Int32, agency: Int32, year: Int32, quarter: UInt8, value: Int64, valueExponent: Int8,
    target: Int64, targetExponent: Int8, line: Int32
  ) {
    self.indicator = indicator
    self.agency = agency
    self.year = year
    self.quarter = quarter
    self.value = value
    self.valueExponent = valueExponent
    self.target = target
    self.targetExponent = targetExponent
    self.line = line
  }
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
    month.append(row.month)
    direction.append(row.direction)
    flags.append(row.flags)
    n.append(row.n)
    nExponent.append(row.nExponent)
    unit.append(row.unit)
  }

  /// Row `i`.
  public subscript(row i: Int) -> ObservationRow {
    ObservationRow(
      indicator: indicator[i], agency: agency[i], year: year[i], quarter: quarter[i], value: value[i],
      valueExponent: valueExponent[i], target: target[i], targetExponent: targetExponent[i], line: line[i],
      month: month[i], direction: direction[i], flags: flags[i], n: n[i], nExponent: nExponent[i], unit: unit[i])
  }
}

/// The distinct indicator and agency names of a streamed file, by id (0 = none), as
/// `ObservationReader` reads them (trimmed; a money unit in an indicator's name
/// moved to its figures).
public struct ObservationKeys: Sendable {
  public internal(set) var indicators: [String?] = [nil]
  public internal(set) var agencies: [String?] = [nil]
  /// Units after scaling (`元`, `件`, `%`), by id (0 = none).
  public internal(set) var units: [String?] = [nil]

  public init() {}
}

extension ObservationKeys {
  /// Appends the names `other` has beyond these (`other` a later state of the same
  /// part's names): linear in the new names.
  package mutating func catchUp(with other: borrowing ObservationKeys) {
    while indicators.count < other.indicators.count { indicators.append(other.indicators[indicators.count]) }
    while agencies.count < other.agencies.count { agencies.append(other.agencies[agencies.count]) }
    while units.count < other.units.count { units.append(other.units[units.count]) }
  }

  /// Adds the names of `other` (another part of the same file) not here yet, and
  /// returns the id here of each of `other`'s ids.
  package mutating func absorb(_ other: ObservationKeys) -> (indicators: [Int32], agencies: [Int32], units: [Int32]) {
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
    return (
      renumber(other.indicators, into: &indicators), renumber(other.agencies, into: &agencies),
      renumber(other.units, into: &units)
    )
  }
}
