import IntegrityTables
import IntegrityDecimal

/// Units in agency files and their power of ten relative to the base unit.
///
/// Money: 千元 ×10³, 萬元 ×10⁴, 百萬元 ×10⁶, 億元 ×10⁸, 兆元 ×10¹² relative to 元 (NT$;
/// DESIGN.md §5); a `新台幣`/`新臺幣` prefix and `單位：` are ignored. Counts written with
/// the same multipliers are scaled the same way to their base unit: 千件 ×10³ 件, 萬人次
/// ×10⁴ 人次 (per-mille `千分比`/`萬分之` is not a multiplier). Any other count unit (件,
/// 人, %, 公斤) is kept as written, unscaled. Scaling moves the `DecimalNumber`
/// exponent, so it is exact: `1,234.5` 千元 = 12345 × 10^(−1+3) 元 = 1234500 元.
///
/// A unit that cannot be applied is refused by the reader (`isUnreadable`): a money
/// unit not in `moneyUnits` (`美元`, `十億元`), a multiplier without a unit (`千`, `億`),
/// and English multiplier words (`thousand`, `NT$ million`).
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
    default:
      let written = TextTable.trim(TextFolding.halfWidth(text))
      for (prefix, power) in Self.multipliers where written.hasPrefix(prefix) {
        let base = TextTable.trim(String(written.dropFirst(prefix.count)))
        // 千分比, 萬分之: per mille, per ten thousand — a unit of their own.
        if base.hasPrefix("分") { break }
        self.init(baseUnit: base, powerOfTen: power)
        return
      }
      self.init(baseUnit: written, powerOfTen: 0)
    }
  }

  /// Chinese multipliers written before a unit, longest first.
  static let multipliers: [(String, Int32)] = [
    ("千萬", 7), ("百萬", 6), ("十萬", 5), ("千", 3), ("萬", 4), ("億", 8), ("兆", 12),
  ]

  /// The money units read (and scaled to 元), for messages.
  public static let moneyUnits = "元, 千元, 萬元, 十萬元, 百萬元, 千萬元, 億元, 兆元"

  /// What a unit must look like, for messages about one that is not read.
  public static let expected =
    "expected a unit (\(moneyUnits), a count unit such as 件, 人, %, or one with a multiplier such as 千件, 萬人次)"

  /// Whether `scale` cannot be applied, and would otherwise pass unscaled or half-read:
  /// a money unit not in `moneyUnits` (`美元`, `十億元`: written with 元 but not scaled
  /// to it), a multiplier without a unit (`千`, `億`), or an English multiplier word
  /// (`thousand`, `million`, `billion`).
  public static func isUnreadable(_ scale: UnitScale) -> Bool {
    if scale.baseUnit != "元" && scale.baseUnit.hasSuffix("元") { return true }
    if scale.baseUnit.isEmpty { return true }
    let key = scale.baseUnit.lowercased()
    return ["thousand", "million", "billion"].contains { key.contains($0) }
  }

  /// Whether a table stating this unit (in a title or its corner header) leaves the rows
  /// named as rates unscaled: a count or an amount (件, 千元) does; a rate's own unit (%, ‰)
  /// applies to them as to any row.
  public var sparesRates: Bool { !["%", "‰"].contains(baseUnit) }

  /// The unit as printed in messages: `×10^3 件`, `元`.
  public var described: String { powerOfTen == 0 ? baseUnit : "×10^\(powerOfTen) \(baseUnit)" }

  /// `value` in base units.
  public func apply(_ value: DecimalNumber) -> DecimalNumber {
    powerOfTen == 0 ? value : value.scaled(byPowerOfTen: powerOfTen)
  }
}
