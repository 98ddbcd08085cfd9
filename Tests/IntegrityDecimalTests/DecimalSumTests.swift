import Testing
import IntegrityDecimal

@Suite struct DecimalSumTests {
  /// 0.1 + 0.1 + 0.7 + 0.1 = 1 exactly (the float sum is 0.9999999999999999).
  @Test func quarterlyFiguresSumExactly() {
    var sum = DecimalSum()
    for tenths in [1, 1, 7, 1] { sum.add(DecimalNumber(significand: Int64(tenths), exponent: -1)) }
    #expect(0.1 + 0.1 + 0.7 + 0.1 != 1.0)
    #expect(sum.isExact && sum.compare(DecimalSum(DecimalNumber(1))) == 0)
    #expect(sum.double == 1 && sum.decimal == DecimalNumber(1))
  }

  /// 10·actual ≥ 9·target decides "near" in integers: 0.9 against 1.
  @Test func thresholdInIntegers() {
    let actual = DecimalSum(DecimalNumber(significand: 9, exponent: -1))
    let target = DecimalSum(DecimalNumber(1))
    #expect(actual.multiplied(by: DecimalNumber(10)).compare(target.multiplied(by: DecimalNumber(9))) == 0)
    #expect(actual.ratio(to: target) == 0.9)
  }

  /// 1e40 beside 0.001 needs 44 digits: more than 128 bits. The sum goes on as a
  /// double (flagged inexact) instead of trapping; comparisons across such exponents
  /// are decided by magnitude.
  @Test func beyond128BitsIsApproximateNotACrash() {
    var sum = DecimalSum(DecimalNumber(significand: 1, exponent: 40))
    sum.add(DecimalNumber(significand: 1, exponent: -3))
    #expect(!sum.isExact)
    #expect(sum.double == 1e40)
    #expect(sum.decimal == nil)
    let tiny = DecimalSum(DecimalNumber(significand: 1, exponent: -40))
    let huge = DecimalSum(DecimalNumber(significand: 1, exponent: 40))
    #expect(tiny.compare(huge) == -1 && huge.compare(tiny) == 1)
    #expect(DecimalNumber(significand: 1, exponent: 40) > DecimalNumber(significand: 1, exponent: -40))
    #expect(DecimalNumber(significand: -1, exponent: 40) < DecimalNumber(significand: 1, exponent: -40))
  }
}
