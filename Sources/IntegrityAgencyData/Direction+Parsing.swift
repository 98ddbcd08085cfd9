import IntegrityTables
import IntegrityDecimal

/// Reading directions and milestone values as agencies write them.
extension Direction {
  /// increase: increase, higher, up, 正向, 越高越好, 增加, ↑ · decrease: decrease, lower,
  /// down, 負向, 越低越好, 減少, ↓ · zero: zero, 零, 不發生, 零發生 · milestone:
  /// milestone, 完成, 里程碑. Case-insensitive after trimming and width folding.
  public init?(parsing text: String) {
    switch TextFolding.key(text) {
    case "increase", "higher", "up", "正向", "越高越好", "增加", "↑": self = .increase
    case "decrease", "lower", "down", "負向", "越低越好", "減少", "↓": self = .decrease
    case "zero", "零", "不發生", "零發生": self = .zero
    case "milestone", "完成", "里程碑": self = .milestone
    default: return nil
    }
  }

  /// A milestone value: 1/0, 是/否, 完成/未完成, done/not done, yes/no → 1 or 0; nil otherwise.
  public static func milestoneValue(_ text: String) -> DecimalNumber? {
    switch TextFolding.key(text) {
    case "1", "是", "完成", "已完成", "done", "yes", "y", "true": DecimalNumber(1)
    case "0", "否", "未完成", "not done", "no", "n", "false": DecimalNumber(0)
    default: nil
    }
  }
}
