import IntegrityTables
import IntegrityDecimal

extension CSVLineBuffer {
  /// Appends an exact figure as `number(value?.double)` would (empty when nil): a
  /// plain sum straight from its decimal digits, a mean through its double.
  mutating func figure(_ value: AggregatedValue?) {
    guard let value else { return empty() }
    if value.divisor == 1, let d = value.sum.decimal {
      decimal(significand: d.significand, exponent: d.exponent)
    } else {
      number(value.double)
    }
  }
}
