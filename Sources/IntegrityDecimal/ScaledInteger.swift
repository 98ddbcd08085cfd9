/// Exact arithmetic on decimals held as a 64-bit significand and a power of ten
/// (`s·10^e`), as the streaming computations keep figures: every result is exact or
/// `nil` (beyond 64 bits, where callers fall back to the 128-bit `DecimalSum`).
package enum ScaledInteger {
  /// `value·10^shift` for `shift ≥ 0`; nil beyond 64 bits.
  @inlinable package static func scale(_ value: Int64, by shift: Int) -> Int64? {
    var v = value
    for _ in 0..<max(0, shift) {
      if v == 0 { return 0 }
      let (next, overflow) = v.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      v = next
    }
    return v
  }

  /// `a·10^ea` and `b·10^eb` as integers over the smaller exponent; nil beyond 64 bits.
  // Specialised here for the accumulators' exponents: across modules, their generic call
  // was not specialised (an unspecialised `BinaryInteger` call per grouped row).
  @_specialize(exported: true, where E == Int8)
  @_specialize(exported: true, where E == Int32)
  @inlinable package static func align<E: BinaryInteger>(_ a: Int64, _ ea: E, _ b: Int64, _ eb: E) -> (Int64, Int64)? {
    guard let x = scale(a, by: Int(ea) - Int(eb)), let y = scale(b, by: Int(eb) - Int(ea)) else { return nil }
    return (x, y)
  }

  /// `a·10^ea + b·10^eb` exactly, at the smaller exponent; nil beyond 64 bits.
  @inlinable package static func add(_ a: Int64, _ ea: Int8, _ b: Int64, _ eb: Int8) -> (Int64, Int8)? {
    guard let (x, y) = align(a, ea, b, eb) else { return nil }
    let (sum, overflow) = x.addingReportingOverflow(y)
    return overflow ? nil : (sum, min(ea, eb))
  }
}
