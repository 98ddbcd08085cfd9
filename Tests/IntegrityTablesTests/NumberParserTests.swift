import Testing
@testable import IntegrityTables
@testable import IntegrityDecimal

/// Hand-worked cases: each expected value is the figure a person reads in the cell,
/// written as significand × 10^exponent.
@Suite struct NumberParserTests {
  static let numbers: [(String, Int64, Int32, Bool)] = [
    ("1234", 1234, 0, false),
    ("1,234", 1234, 0, false),  // thousands separator
    ("1，234", 1234, 0, false),  // full-width comma U+FF0C
    ("１２３４", 1234, 0, false),  // full-width digits
    ("１，２３４．５", 12345, -1, false),  // 1234.5 all full-width
    ("12.5%", 125, -1, false),  // percent kept as written: 12.5
    ("+7", 7, 0, false),
    ("-175,638", -175_638, 0, false),
    ("−3", -3, 0, false),  // U+2212 minus sign
    ("－3", -3, 0, false),  // full-width hyphen-minus U+FF0D
    ("(1,234)", -1234, 0, false),  // accounting negative
    ("1.5e3", 15, 2, false),  // 1.5 × 10³ = 15 × 10²
    ("2E-4", 2, -4, false),
    ("1,234r", 1234, 0, true),  // revised
    ("  42 ", 42, 0, false),  // spaces trimmed
    ("\u{3000}42", 42, 0, false),  // ideographic space trimmed
    ("0.1", 1, -1, false),
    ("1,234,567.25", 123_456_725, -2, false),
  ]

  @Test(arguments: numbers)
  func readsNumbers(_ c: (String, Int64, Int32, Bool)) {
    #expect(NumberParser.parse(c.0) == .number(DecimalNumber(significand: c.1, exponent: c.2), revised: c.3))
  }

  @Test(arguments: ["", "   ", "…", "...", "NA", "N/A", "n/a", "na", "缺"])
  func readsMissing(_ s: String) {
    #expect(NumberParser.parse(s) == .missing)
  }

  @Test(arguments: ["-", "－", "—", "–", " - "])
  func readsDash(_ s: String) {
    #expect(NumberParser.parse(s) == .dash)
  }

  @Test(arguments: ["abc", "1,23", "12,3456", "1234,567", "1.2.3", "(12", "12)", "1e", "e5", "+", "1 2", "一百", "--"])
  func rejectsInvalid(_ s: String) {
    #expect(NumberParser.parse(s) == .invalid)
  }

  @Test func reportsPercentSign() {
    var percent = false
    _ = NumberParser.parse(bytes: ArraySlice("12.5%".utf8), percentSign: &percent)
    #expect(percent)
    _ = NumberParser.parse(bytes: ArraySlice("12.5".utf8), percentSign: &percent)
    #expect(!percent)
  }

  @Test func roundsBeyondEighteenDigits() {
    // 1234567890123456789 has 19 digits: kept 123456789012345679 (…8|9 rounds up) × 10¹.
    #expect(
      NumberParser.parse("1234567890123456789")
        == .number(DecimalNumber(significand: 123_456_789_012_345_679, exponent: 1), revised: false))
  }
}
