import Foundation

/// Axis ticks at "nice" round numbers, by Heckbert's loose labelling algorithm.
///
///     nice(x, round): f = x / 10^⌊log₁₀ x⌋;
///       rounding:  f < 1.5 → 1, f < 3 → 2, f < 7 → 5, else 10
///       ceiling:   f ≤ 1 → 1, f ≤ 2 → 2, f ≤ 5 → 5, else 10
///     range = nice(max − min, ceiling);  step = nice(range / (ticks − 1), rounding)
///     axis = [⌊min/step⌋·step, ⌈max/step⌉·step];  fraction digits = max(0, −⌊log₁₀ step⌋)
///
/// Source: P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems (1990), 61–63.
/// Edge cases: min == max widens to [min − 1, max + 1] (or [0, 1] at 0); non-finite input
/// gives the unit interval. Tick values are computed as integer multiples of `step`, so
/// they print without floating-point residue (0.30000000000000004 never appears).
public struct NiceScale: Sendable, Equatable {
  /// The lower end of the axis (a multiple of `step`).
  public var lower: Double
  /// The upper end of the axis (a multiple of `step`).
  public var upper: Double
  /// The distance between ticks.
  public var step: Double
  /// Digits after the decimal point that labels need.
  public var fractionDigits: Int

  public init(min: Double, max: Double, ticks: Int = 5) {
    var lo = min, hi = max
    if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
    if lo > hi { swap(&lo, &hi) }
    if lo == hi {
      if lo == 0 { hi = 1 } else { lo -= abs(lo) * 0.1; hi += abs(hi) * 0.1 }
    }
    let range = NiceScale.nice(hi - lo, round: false)
    let step = NiceScale.nice(range / Double(Swift.max(ticks - 1, 1)), round: true)
    self.step = step
    self.lower = (lo / step).rounded(.down) * step
    self.upper = (hi / step).rounded(.up) * step
    self.fractionDigits = Swift.max(0, -Int(log10(step).rounded(.down)))
  }

  /// Heckbert's nice number near `x` (rounded) or not below it (ceiling).
  public static func nice(_ x: Double, round: Bool) -> Double {
    guard x > 0, x.isFinite else { return 1 }
    let exponent = log10(x).rounded(.down)
    let power = pow(10, exponent)
    let f = x / power
    let nf: Double
    if round {
      nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
    } else {
      nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
    }
    return nf * power
  }

  /// The tick values from `lower` to `upper`, each k·step for an integer k.
  public var ticks: [Double] {
    let first = Int((lower / step).rounded())
    let last = Int((upper / step).rounded())
    guard last >= first else { return [lower] }
    return (first...last).map { k in NiceScale.multiple(k, of: step) }
  }

  /// k · step, computed so that decimal steps give the nearest double to the decimal
  /// (0.1 · 3 = 0.30000000000000004, but 3 / 10 = 0.3).
  static func multiple(_ k: Int, of step: Double) -> Double {
    let digits = Swift.max(0, -Int(log10(step).rounded(.down)))
    if digits == 0 { return Double(k) * step }
    let scale = pow(10, Double(digits))
    return (Double(k) * (step * scale).rounded()) / scale
  }

  /// The label of a tick: fixed `fractionDigits` digits, or a percentage when `percent`.
  public func label(_ value: Double, percent: Bool = false) -> String {
    if percent {
      let digits = Swift.max(0, fractionDigits - 2)
      return NiceScale.fixed(value * 100, digits: digits) + "%"
    }
    return NiceScale.fixed(value, digits: fractionDigits)
  }

  /// `value` with exactly `digits` fraction digits and thousands separators, locale-independent.
  public static func fixed(_ value: Double, digits: Int) -> String {
    let scale = pow(10, Double(digits))
    let scaled = (abs(value) * scale).rounded()
    let negative = value < 0 && scaled != 0
    guard scaled < 9e15 else { return String(value) }
    let integer = Int64(scaled)
    let divisor = Int64(scale)
    let whole = integer / divisor
    let fraction = integer % divisor
    var wholeText = String(whole)
    var grouped = ""
    while wholeText.count > 3 {
      grouped = "," + wholeText.suffix(3) + grouped
      wholeText = String(wholeText.dropLast(3))
    }
    grouped = wholeText + grouped
    var text = (negative ? "−" : "") + grouped
    if digits > 0 {
      let f = String(fraction)
      text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return text
  }
}
