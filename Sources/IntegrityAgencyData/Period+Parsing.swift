import IntegrityTables

/// Reading periods as agencies write them (DESIGN.md §5, issue 4 item 4).
///
/// Years: `2023` · `112` · `112年` · `112年度` · `民國112年` — 1–3 digits are ROC years
/// (Gregorian = ROC + 1911), 4 digits Gregorian. Quarters: `2023Q3` · `2023-Q3` ·
/// `2023 Q3` · `112Q3` · `112年第3季` · `112年第三季` · `112年1-3月` / `112年1至3月`
/// (a range that is exactly one quarter). Months: `112年7月` · `2023-07` · `2023/7` ·
/// `10407` (ROC yyyMM, 5 digits) · `202307` (YYYYMM, 6 digits).
/// Full-width digits and letters are folded first; spaces are ignored.
extension Period {
  /// The human list of accepted spellings, for error messages.
  public static let spellings = "2023, 112, 112年, 民國112年, 2023Q3, 112年第3季 or 112年7月"

  /// Parses a period cell; `nil` when it is not one of the accepted spellings.
  public init?(parsing text: String) {
    // Fast path: plain digits.
    if let year = Period.yearFromDigits(text.utf8) {
      self.init(year: year)
      return
    }
    var s = Substring(TextFolding.halfWidth(text).filter { $0 != " " && $0 != "\t" })
    if s.hasPrefix("民國") { s = s.dropFirst(2) }
    let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
    if digits.count == s.count, digits.count == 5 || digits.count == 6 {
      // ROC year-month `10407` (yyyMM, as in MOI's files) or Gregorian `202307` (YYYYMM).
      guard let year = Period.year(fromDigits: digits.dropLast(2)), let month = Int(digits.suffix(2)),
        (1...12).contains(month)
      else { return nil }
      self.init(year: year, month: month)
      return
    }
    guard let year = Period.year(fromDigits: digits) else { return nil }
    var rest = s.dropFirst(digits.count)
    // `1-3月`, `1至3月`: a month range with no year (its digits are not a year).
    if let first = rest.first, "-至~～".contains(first), rest.hasSuffix("月") { return nil }
    if rest.isEmpty { self.init(year: year); return }
    if rest == "年" || rest == "年度" { self.init(year: year); return }
    if rest.hasPrefix("年度") { rest = rest.dropFirst(2) } else if rest.hasPrefix("年") { rest = rest.dropFirst() }
    // Quarter: Q3, -Q3, 第3季, 第三季.
    var q = rest
    if q.hasPrefix("-") || q.hasPrefix("/") { q = q.dropFirst() }
    if let quarter = Period.quarter(parsing: q), q.first == "Q" || q.first == "q" || q.first == "第" {
      self.init(year: year, quarter: quarter)
      return
    }
    // A month range that is a quarter: 1-3月, 1至3月, 1~3月.
    if rest.hasSuffix("月") {
      let body = rest.dropLast()
      for separator in ["-", "至", "~", "–", "—", "到"] {
        let parts = body.split(separator: separator, omittingEmptySubsequences: false)
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) {
          guard a >= 1, b == a + 2, (a - 1) % 3 == 0, b <= 12 else { return nil }
          self.init(year: year, quarter: (a + 2) / 3)
          return
        }
      }
    }
    // Month: 7月 after 年, or -07 / /7 after the year digits.
    if let month = Period.month(parsing: rest), rest.hasSuffix("月") || s.dropFirst(digits.count).first == "-"
      || s.dropFirst(digits.count).first == "/"
    {
      self.init(year: year, month: month)
      return
    }
    return nil
  }

  /// Reads a quarter cell: `3`, `Q3`, `第3季`, `第三季`, `3季`, `三`; 1…4 or nil.
  public static func quarter(parsing text: String) -> Int? {
    quarter(parsing: Substring(TextFolding.halfWidth(text).filter { $0 != " " }))
  }

  static func quarter(parsing s: Substring) -> Int? {
    var t = s
    if t.hasPrefix("Q") || t.hasPrefix("q") { t = t.dropFirst() } else if t.hasPrefix("第") { t = t.dropFirst() }
    if t.hasSuffix("季度") { t = t.dropLast(2) } else if t.hasSuffix("季") { t = t.dropLast() }
    guard let n = smallNumber(t), (1...4).contains(n) else { return nil }
    return n
  }

  /// Reads a month cell: `7`, `07`, `7月`, `七月`, `十二月`; 1…12 or nil.
  public static func month(parsing text: String) -> Int? {
    month(parsing: Substring(TextFolding.halfWidth(text).filter { $0 != " " }))
  }

  static func month(parsing s: Substring) -> Int? {
    var t = s
    if t.hasPrefix("-") || t.hasPrefix("/") { t = t.dropFirst() }
    if t.hasSuffix("月份") { t = t.dropLast(2) } else if t.hasSuffix("月") { t = t.dropLast() }
    guard let n = smallNumber(t), (1...12).contains(n) else { return nil }
    return n
  }

  /// A Gregorian year from 1–4 ASCII digits: 1–3 digits are ROC years; nil otherwise.
  static func year(fromDigits digits: Substring) -> Int? {
    guard (1...4).contains(digits.count), let n = Int(digits), n > 0 else { return nil }
    let year = digits.count == 4 ? n : n + Period.rocOffset
    return (1912...2200).contains(year) ? year : nil
  }

  /// The fast path for a cell of plain ASCII digits (`2023`, `112`), trimmed of spaces.
  static func yearFromDigits(_ utf8: String.UTF8View) -> Int? {
    var n = 0
    var count = 0
    var started = false
    var ended = false
    for b in utf8 {
      if b == 0x20 {
        if started { ended = true }
        continue
      }
      guard b >= 0x30 && b <= 0x39, !ended else { return nil }
      started = true
      n = n * 10 + Int(b - 0x30)
      count += 1
      if count > 4 { return nil }
    }
    guard count > 0, n > 0 else { return nil }
    let year = count == 4 ? n : n + Period.rocOffset
    return (1912...2200).contains(year) ? year : nil
  }

  /// 1–2 ASCII digits, or a Chinese numeral 一 … 十二.
  static func smallNumber(_ t: Substring) -> Int? {
    if !t.isEmpty, t.count <= 2, t.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(t) }
    let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    if t.count == 1, let d = digits[t.first!] { return d }
    if t == "十" { return 10 }
    if t.count == 2, t.first == "十", let d = digits[t.last!] { return 10 + d }
    return nil
  }
}
