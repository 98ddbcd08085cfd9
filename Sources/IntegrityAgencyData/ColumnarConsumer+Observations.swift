import IntegrityTables
import IntegrityDecimal

extension ColumnarConsumer {
  /// Hands observations already read (or built in code) to the computation, as the
  /// reader hands it the rows of a file: names interned to ids in first-seen order,
  /// figures as scaled integers. Observations are the same computation's input as a
  /// file's rows, not a second one.
  ///
  /// A figure whose exponent is beyond −127…127 is an error at its line.
  public mutating func consume(_ observations: [Observation], source: AggregationSource) throws(DataError) {
    begin(source: source)
    var keys = ObservationKeys()
    var indicatorIDs: [String: Int32] = [:]
    var agencyIDs: [String: Int32] = [:]
    var unitIDs: [String: Int32] = [:]
    func id(_ name: String?, _ ids: inout [String: Int32], _ names: inout [String?]) -> Int32 {
      guard let name else { return 0 }
      if let known = ids[name] { return known }
      names.append(name)
      ids[name] = Int32(names.count - 1)
      return Int32(names.count - 1)
    }
    func scaled(_ d: DecimalNumber?, _ field: String, line: Int) throws(DataError) -> (Int64, Int8) {
      guard let d else { return (0, ObservationColumns.missing) }
      guard let e = Int8(exactly: d.exponent), e != ObservationColumns.missing else {
        throw source.error(
          line: line, field: field, "a number beyond the exact range (exponent −127…127)", found: d.description)
      }
      return (d.significand, e)
    }
    for o in observations {
      let (value, valueExponent) = try scaled(o.value, "value", line: o.line)
      let (target, targetExponent) = try scaled(o.target, "target", line: o.line)
      let (n, nExponent) = try scaled(o.sampleSize, "n", line: o.line)
      let row = ObservationRow(
        indicator: id(o.indicator, &indicatorIDs, &keys.indicators), agency: id(o.agency, &agencyIDs, &keys.agencies),
        year: Int32(clamping: o.period.year), quarter: UInt8(clamping: o.period.quarter ?? 0), value: value,
        valueExponent: valueExponent, target: target, targetExponent: targetExponent, line: Int32(clamping: o.line),
        month: UInt8(clamping: o.period.month ?? 0), direction: o.direction?.code ?? 0,
        flags: o.revised ? ObservationRow.revisedFlag : 0, n: n, nExponent: nExponent,
        unit: id(o.unit, &unitIDs, &keys.units))
      try add(row, keys: keys)
    }
  }
}
