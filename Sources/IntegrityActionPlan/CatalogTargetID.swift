/// A reference to a measure or a performance target of the Action Plan, as users write it.
///
/// Accepted spellings (full-width digits and punctuation are read as ASCII; numbers may be
/// Arabic `8` or Chinese `八`, up to 二十):
///
/// | written            | means                          |
/// |--------------------|--------------------------------|
/// | `8-5`, `8.5`, `8_5`  | strategy 8, measure 5          |
/// | `8-5-1`, `8.5.1`   | strategy 8, measure 5, target 1 |
/// | `八(五)`, `八、(五)`, `八（五）` | strategy 8, measure 5 |
/// | `八(五)1`, `八(五)-1`, `八(五)之1` | strategy 8, measure 5, target 1 |
/// | `策略八措施五`, `策略8措施5` | strategy 8, measure 5   |
/// | `策略八措施五目標一`, `策略8措施5績效目標1` | … target 1 |
///
/// The reference may be followed by a space, `:`, `：`, `、` or a Chinese word and any text, so
/// an indicator column holding `8-5 起訴貪瀆案件數` or `八(五)起訴件數` names measure 8-5. Whether the measure or target exists
/// is for `ActionPlanCatalog.lookup(_:)` to say.
public struct CatalogTargetID: Sendable, Hashable, CustomStringConvertible {
  public var strategy: Int
  public var measure: Int
  /// The target's number within the measure; `nil` when the reference names the measure.
  public var index: Int?

  public init(strategy: Int, measure: Int, index: Int? = nil) {
    self.strategy = strategy
    self.measure = measure
    self.index = index
  }

  /// `8-5` or `8-5-1`.
  public var description: String {
    index.map { "\(strategy)-\(measure)-\($0)" } ?? "\(strategy)-\(measure)"
  }

  /// Parses `text` (see the table above); nil when it is not such a reference.
  public init?(_ text: String) {
    guard let (parsed, _) = Self.parse(labelled: text) else { return nil }
    self = parsed
  }

  /// Parses a reference followed by an optional label (`8-8 檢舉人身分外洩`): the reference
  /// and the label's text (without the separating space, `:`, `：` or `、`; empty when none).
  public static func parse(labelled text: String) -> (id: CatalogTargetID, label: String)? {
    var scanner = Scanner(text)
    guard let parsed = scanner.reference(), scanner.atEndOrLabelBreak() else { return nil }
    var label = scanner.chars[scanner.position...]
    while let first = label.first, first.isWhitespace || first == ":" || first == "、" { label.removeFirst() }
    return (parsed, String(label))
  }
}

extension CatalogTargetID {
  /// A hand-written scanner over normalized characters (no `Regex`: `achievement` may call
  /// this for every distinct indicator of a large file).
  fileprivate struct Scanner {
    var chars: [Character]
    var position = 0

    init(_ text: String) {
      chars = text.unicodeScalars.map { scalar -> Character in
        switch scalar.value {
        case 0xFF01...0xFF5E: Character(Unicode.Scalar(scalar.value - 0xFEE0)!)
        case 0x3000: " "
        case 0x2010...0x2015, 0x2212: "-"
        default: Character(scalar)
        }
      }
      while let first = chars.first, first.isWhitespace { chars.removeFirst() }
      while let last = chars.last, last.isWhitespace { chars.removeLast() }
    }

    var current: Character? { position < chars.count ? chars[position] : nil }

    mutating func take(_ literal: String) -> Bool {
      let wanted = Array(literal)
      guard position + wanted.count <= chars.count,
        Array(chars[position..<position + wanted.count]) == wanted
      else { return false }
      position += wanted.count
      return true
    }

    static let digits: [Character: Int] = [
      "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 1–2 ASCII digits, or a Chinese numeral 一 … 九十九; positive.
    mutating func number() -> Int? {
      let start = position
      var value = 0
      var digitCount = 0
      while let c = current, let d = c.wholeNumberValue, c.isASCII, digitCount < 2 {
        value = value * 10 + d
        digitCount += 1
        position += 1
      }
      if digitCount > 0 {
        if let c = current, c.isASCII, c.isNumber { position = start; return nil }
        return value > 0 ? value : { position = start; return nil }()
      }
      // Chinese: [d]十[d] or d
      var tens: Int? = nil
      var ones: Int? = nil
      if let c = current, let d = Self.digits[c] { ones = d; position += 1 }
      if current == "十" {
        tens = ones ?? 1
        ones = nil
        position += 1
        if let c = current, let d = Self.digits[c] { ones = d; position += 1 }
      }
      if tens == nil && ones == nil { position = start; return nil }
      return (tens ?? 0) * 10 + (ones ?? 0)
    }

    static let separators: Set<Character> = ["-", ".", "_"]

    mutating func separator() -> Bool {
      guard let c = current, Self.separators.contains(c) else { return false }
      position += 1
      return true
    }

    mutating func reference() -> CatalogTargetID? {
      let start = position
      if let id = prose() { return id }
      position = start
      if let id = parenthesized() { return id }
      position = start
      if let id = dotted() { return id }
      position = start
      return nil
    }

    /// 策略八措施五[目標一]
    mutating func prose() -> CatalogTargetID? {
      guard take("策略"), let s = number(), take("措施"), let m = number() else { return nil }
      let afterMeasure = position
      if take("績效目標") || take("目標"), let i = number() {
        return CatalogTargetID(strategy: s, measure: m, index: i)
      }
      position = afterMeasure
      return CatalogTargetID(strategy: s, measure: m)
    }

    /// 八(五), 八、(五), 八(五)1, 八(五)-1, 八(五)之1
    mutating func parenthesized() -> CatalogTargetID? {
      guard let s = number() else { return nil }
      _ = take("、")
      guard take("("), let m = number(), take(")") else { return nil }
      let afterMeasure = position
      _ = separator() || take("之")
      if let i = number() {
        _ = take(".")
        return CatalogTargetID(strategy: s, measure: m, index: i)
      }
      position = afterMeasure
      return CatalogTargetID(strategy: s, measure: m)
    }

    /// 8-5, 8.5, 8-5-1, 8.5.1
    mutating func dotted() -> CatalogTargetID? {
      guard let s = number(), separator(), let m = number() else { return nil }
      let afterMeasure = position
      if separator(), let i = number() {
        return CatalogTargetID(strategy: s, measure: m, index: i)
      }
      position = afterMeasure
      return CatalogTargetID(strategy: s, measure: m)
    }

    /// True at the end, or where a label starts: a space, `:`, `、`, or a letter of a
    /// non-Latin script (`8-5起訴件數`). Not at an ASCII letter, digit or other punctuation,
    /// so `8-5x`, `8-5-1-1` and `8.5%` are no references.
    func atEndOrLabelBreak() -> Bool {
      guard let c = current else { return true }
      if c.isWhitespace || c == ":" || c == "、" { return true }
      return !c.isASCII && c.isLetter && Self.digits[c] == nil && c != "十"
    }
  }
}
