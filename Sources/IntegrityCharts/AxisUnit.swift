/// How figures are shown on a value axis: divided by a power of ten, with the scale named in
/// the axis title (`金額（億元）`), so that ticks read `34` and not `3,400,000,000`.
///
/// Amounts in 元 (the base unit every output carries) are shown in 億元 (10⁸)
/// when the largest magnitude is at least 10⁸, in 萬元 (10⁴) from 10⁴, else in 元 — the
/// units of Taiwan's official statistical tables. Other units are shown as they are.
struct AxisUnit: Equatable {
  var divisor: Double
  /// The unit named in the title; nil when unknown.
  var label: String?
  /// True for money (the title says amount rather than value).
  var isMoney: Bool

  static func choose(unit: String?, largest: Double, options: ChartOptions) -> AxisUnit {
    guard let unit else { return AxisUnit(divisor: 1, label: nil, isMoney: false) }
    guard unit == "元" else { return AxisUnit(divisor: 1, label: unit, isMoney: false) }
    if largest >= 1e8 { return AxisUnit(divisor: 1e8, label: options.text("億元", "NT$100 million"), isMoney: true) }
    if largest >= 1e4 { return AxisUnit(divisor: 1e4, label: options.text("萬元", "NT$10,000"), isMoney: true) }
    return AxisUnit(divisor: 1, label: options.text("元", "NT$"), isMoney: true)
  }

  /// The value-axis title: `數值` / `金額（億元）` / `數值（件）`.
  func title(_ options: ChartOptions) -> String {
    let base = isMoney ? options.text("金額", "Amount") : options.text("數值", "Value")
    guard let label else { return base }
    return base + options.text("（\(label)）", " (\(label))")
  }
}
