import IntegrityTables

extension TargetCaseRule {
  /// The grade (職等) ranges of the three ranks (官等) of Taiwan's civil service
  /// (公務人員任用法 art. 5): 委任 grades 1–5, 薦任 6–9, 簡任 10–14.
  public static let rankGrades: [String: ClosedRange<Int>] = ["委任": 1...5, "薦任": 6...9, "簡任": 10...14]

  /// Cells that mean "no official involved": empty, a dash, 無, 非公務員, 不適用.
  static let noGrade: Set<String> = ["", "-", "無", "非公務員", "非公務人員", "不適用", "n/a", "na", "none"]

  /// The key a grade text is looked up by in `gradeMap`: trimmed, half-width,
  /// lower-cased, inner spaces removed.
  public static func gradeKey(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0x00A0, 0xFEFF: continue
      case 0xFF01...0xFF5E:  // full-width ASCII forms
        result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF01 + 0x21)!)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result.lowercased()
  }

  /// Reads a grade cell: `nil` when no official is involved, else the range of
  /// grades it denotes (one grade, or a rank's grades when only the rank is given).
  ///
  /// Accepted: `10`, `10職等`, `第10職等`, `簡任第十職等`, `簡任第10職等`, `簡任十職等`,
  /// `相當簡任第十職等`, `簡任`, Chinese numerals 一 to 十四, full-width digits; and any
  /// title in `gradeMap`. A grade outside its rank (`委任第十職等`) or outside 1–14 is
  /// an error.
  ///
  /// - Throws: `GradeError` saying what was expected.
  public func grade(parsing text: String) throws(GradeError) -> ClosedRange<Int>? {
    let key = TargetCaseRule.gradeKey(text)
    if let mapped = gradeMap[key] { return mapped...mapped }
    if TargetCaseRule.noGrade.contains(key) || key == "－" || key == "—" { return nil }
    var rest = Substring(key)
    if rest.hasPrefix("相當") { rest = rest.dropFirst(2) }
    var rank: (name: String, grades: ClosedRange<Int>)?
    for (name, grades) in TargetCaseRule.rankGrades where rest.hasPrefix(name) {
      rank = (name, grades)
      rest = rest.dropFirst(name.count)
    }
    if rest.hasPrefix("第") { rest = rest.dropFirst() }
    if rest.hasSuffix("職等") { rest = rest.dropLast(2) }
    if rest.isEmpty {
      guard let rank else { throw GradeError(text: text, reason: .unreadable) }
      return rank.grades
    }
    guard let number = TargetCaseRule.gradeNumber(rest) else {
      throw GradeError(text: text, reason: .unreadable)
    }
    guard (1...14).contains(number) else { throw GradeError(text: text, reason: .outOfRange) }
    if let rank, !rank.grades.contains(number) {
      throw GradeError(text: text, reason: .outsideRank(rank.name, rank.grades))
    }
    return number...number
  }

  /// `10`, `十`, `十一` … `十四`, `一` … `九`; nil for anything else.
  static func gradeNumber(_ text: Substring) -> Int? {
    if let n = Int(text) { return n }
    let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    if text.count == 1, let d = digits[text.first!] { return d }
    if text == "十" { return 10 }
    if text.count == 2, text.first == "十", let d = digits[text.last!] { return 10 + d }
    return nil
  }

  /// A grade cell that cannot be read.
  public struct GradeError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
      case unreadable
      case outOfRange
      case outsideRank(String, ClosedRange<Int>)
    }

    public var text: String
    public var reason: Reason

    /// What was expected, without the remedy.
    public var message: String {
      switch reason {
      case .unreadable:
        "expected a grade (職等) such as 10 or 簡任第十職等, or a title given a grade"
      case .outOfRange:
        "expected a grade (職等) from 1 to 14 (titles above them need a grade given)"
      case .outsideRank(let rank, let grades):
        "expected a grade of rank \(rank) (grades \(grades.lowerBound) to \(grades.upperBound))"
      }
    }

    /// `Remedy.gradeMap` for a title the rule cannot grade; nil for a grade outside its rank.
    public var remedy: Remedy? {
      switch reason {
      case .unreadable, .outOfRange: .gradeMap
      case .outsideRank: nil
      }
    }

    /// The message and its remedy in the library's terms.
    public var description: String {
      remedy.map { "\(message); \($0)" } ?? message
    }
  }
}
