import IntegrityTables
import IntegrityDecimal

/// Monetary units in agency files and their power of ten relative to 元 (NT$).
///
/// 千元 ×10³, 萬元 ×10⁴, 百萬元 ×10⁶, 億元 ×10⁸, 兆元 ×10¹² (DESIGN.md §5); a `新台幣`/`新臺幣`
/// prefix and `單位：` are ignored. Scaling moves the `DecimalNumber` exponent, so it is
/// exact: `1,234.5` 千元 = 12345 × 10^(−1+3) 元 = 1234500 元.
public struct UnitScale: Sendable, Equatable {
  /// The unit printed after scaling (`元` for money, else the unit as written).
  public var baseUnit: String
  /// The power of ten to multiply values by.
  public var powerOfTen: Int32

  public init(baseUnit: String, powerOfTen: Int32) {
    self.baseUnit = baseUnit
    self.powerOfTen = powerOfTen
  }

  /// Reads a unit as written (`千元`, `新臺幣百萬元`, `件`, `%`); nil for an empty one.
  public init?(parsing text: String) {
    var u = TextFolding.key(text)
    for prefix in ["單位:", "單位", "新台幣", "新臺幣", "nt$", "ntd"] where u.hasPrefix(prefix) {
      u = TextTable.trim(String(u.dropFirst(prefix.count)))
    }
    guard !u.isEmpty else { return nil }
    switch u {
    case "元": self.init(baseUnit: "元", powerOfTen: 0)
    case "千元": self.init(baseUnit: "元", powerOfTen: 3)
    case "萬元": self.init(baseUnit: "元", powerOfTen: 4)
    case "十萬元": self.init(baseUnit: "元", powerOfTen: 5)
    case "百萬元": self.init(baseUnit: "元", powerOfTen: 6)
    case "千萬元": self.init(baseUnit: "元", powerOfTen: 7)
    case "億元": self.init(baseUnit: "元", powerOfTen: 8)
    case "兆元": self.init(baseUnit: "元", powerOfTen: 12)
    default: self.init(baseUnit: TextTable.trim(TextFolding.halfWidth(text)), powerOfTen: 0)
    }
  }

  /// The money units read (and scaled to 元), for messages.
  public static let moneyUnits = "元, 千元, 萬元, 十萬元, 百萬元, 千萬元, 億元, 兆元"

  /// Whether `scale` is a money unit we cannot scale (`美元`, `百億元`…): a unit written
  /// with 元 that is not one of `moneyUnits`, which would otherwise pass unscaled.
  public static func isUnknownMoney(_ scale: UnitScale) -> Bool {
    scale.baseUnit != "元" && scale.baseUnit.hasSuffix("元")
  }

  /// `value` in base units.
  public func apply(_ value: DecimalNumber) -> DecimalNumber {
    powerOfTen == 0 ? value : value.scaled(byPowerOfTen: powerOfTen)
  }
}
