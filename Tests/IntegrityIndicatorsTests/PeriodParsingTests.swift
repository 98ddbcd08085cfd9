import Testing
import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// Every spelling of DESIGN.md §5 and issue 4 item 4, by hand: ROC year + 1911 = Gregorian.
@Suite struct PeriodParsingTests {
  static let cases: [(String, Int, Int?, Int?)] = [
    ("2023", 2023, nil, nil),
    ("112", 2023, nil, nil),  // 112 + 1911
    ("99", 2010, nil, nil),  // 2-digit ROC: 99 + 1911
    ("1", 1912, nil, nil),  // 1-digit ROC: 民國元年 = 1912
    ("112年", 2023, nil, nil),
    ("112年度", 2023, nil, nil),
    ("民國112年", 2023, nil, nil),
    ("１１２年", 2023, nil, nil),  // full-width digits
    (" 112 ", 2023, nil, nil),
    ("2023Q3", 2023, 3, nil),
    ("2023-Q3", 2023, 3, nil),
    ("2023 Q3", 2023, 3, nil),
    ("112Q3", 2023, 3, nil),
    ("100Q1", 2011, 1, nil),  // NHI file spelling
    ("112年第3季", 2023, 3, nil),
    ("112年第三季", 2023, 3, nil),
    ("民國112年第四季", 2023, 4, nil),
    ("112年1-3月", 2023, 1, nil),  // months 1–3 = Q1
    ("112年1至3月", 2023, 1, nil),
    ("112年10-12月", 2023, 4, nil),
    ("112年7月", 2023, nil, 7),
    ("2023-07", 2023, nil, 7),
    ("2023/7", 2023, nil, 7),
    ("10407", 2015, nil, 7),  // MOI's ROC yyyMM: 104 + 1911 = 2015, month 07
    ("202307", 2023, nil, 7),
  ]

  @Test(arguments: cases)
  func parses(_ c: (String, Int, Int?, Int?)) {
    #expect(Period(parsing: c.0) == Period(year: c.1, quarter: c.2, month: c.3))
  }

  @Test(arguments: ["", "abc", "20231", "10413", "0", "112年2-4月", "112年第5季", "2023Q5", "112年13月", "年度", "12345"])
  func rejects(_ s: String) {
    #expect(Period(parsing: s) == nil)
  }

  @Test func quarterColumn() {
    #expect(Period.quarter(parsing: "3") == 3)
    #expect(Period.quarter(parsing: "Q3") == 3)
    #expect(Period.quarter(parsing: "第3季") == 3)
    #expect(Period.quarter(parsing: "第三季") == 3)
    #expect(Period.quarter(parsing: "５") == nil)
    #expect(Period.quarter(parsing: "0") == nil)
  }

  @Test func monthColumn() {
    #expect(Period.month(parsing: "07") == 7)
    #expect(Period.month(parsing: "7月") == 7)
    #expect(Period.month(parsing: "十二月") == 12)
    #expect(Period.month(parsing: "13") == nil)
  }
}
