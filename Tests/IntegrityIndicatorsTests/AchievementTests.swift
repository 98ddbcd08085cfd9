import Testing
import TestSupport
import IntegrityTables
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// Hand-worked achievement cases (DESIGN.md §4, issue 5); the arithmetic is in each test.
@Suite struct AchievementTests {
  static func d(_ text: String) -> DecimalNumber {
    // "12.5" → 125 × 10⁻¹, written out so the test does not depend on a parser.
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    return DecimalNumber(significand: Int64(String(parts[0]) + fraction)!, exponent: -Int32(fraction.count))
  }

  static func quarters(
    _ values: [String?], target: String? = "1", indicator: String? = "i", agency: String? = "A",
    year: Int = 2023, direction: Direction? = nil, firstLine: Int = 2
  ) -> [Observation] {
    values.enumerated().map { i, v in
      Observation(
        indicator: indicator, agency: agency, period: Period(year: year, quarter: i + 1), value: v.map(d),
        target: target.map(d), direction: direction, line: firstLine + i)
    }
  }

  static let source = AggregationSource(
    file: "f.csv",
    columns: ["indicator": 1, "agency": 2, "year": 3, "quarter": 4, "value": 5, "target": 6, "direction": 7],
    headers: ["indicator": "indicator", "agency": "agency", "year": "year", "quarter": "quarter",
      "value": "value", "target": "target", "direction": "direction"])

  @Test func quartersSummingExactlyToTheTargetAreAchieved() throws {
    // 0.1 + 0.1 + 0.7 + 0.1 = (1 + 1 + 7 + 1)/10 = 10/10 = 1 exactly ≥ 1 → achieved, ratio 1.
    // In doubles the same sum is 0.9999999999999999 and would miss the target.
    #expect(0.1 + 0.1 + 0.7 + 0.1 < 1.0)
    let report = try AchievementReport(observations: Self.quarters(["0.1", "0.1", "0.7", "0.1"]))
    #expect(report.rows.count == 1)
    let row = report.rows[0]
    #expect(row.status == .achieved)
    #expect(row.ratio == 1)
    #expect(row.actual?.double == 1)
    #expect(row.target?.double == 1)
    #expect(row.partial == false)
    #expect(row.periodsReported == 4)
  }

  @Test func quartersSummingExactlyToNearThresholdAreNear() throws {
    // 0.1 + 0.1 + 0.5 + 0.2 = 9/10 = 0.9; 0.9 ≥ 0.9 · 1 → near (not behind), ratio 0.9.
    // In doubles the sum is 0.8999999999999999, one ulp below 0.9.
    #expect(0.1 + 0.1 + 0.5 + 0.2 < 0.9)
    let row = try AchievementReport(observations: Self.quarters(["0.1", "0.1", "0.5", "0.2"])).rows[0]
    #expect(row.status == .near)
    #expect(row.ratio == 0.9)
  }

  @Test func increaseStatuses() {
    func decide(_ a: Int, _ t: Int) -> (Double?, AchievementStatus) {
      AchievementRatio.decide(
        actual: AggregatedValue(DecimalNumber(a)), target: AggregatedValue(DecimalNumber(t)), direction: .increase)
    }
    // 50/50 = 1 → achieved; 45/50 = 0.9 → near; 44/50 = 0.88 → behind; 60/50 = 1.2 → achieved.
    #expect(decide(50, 50) == (1, .achieved))
    #expect(decide(45, 50) == (0.9, .near))
    #expect(decide(44, 50) == (0.88, .behind))
    #expect(decide(60, 50) == (1.2, .achieved))
  }

  @Test func decreaseStatuses() {
    func decide(_ a: Int?, _ t: Int?) -> (Double?, AchievementStatus) {
      AchievementRatio.decide(
        actual: a.map { AggregatedValue(DecimalNumber($0)) }, target: t.map { AggregatedValue(DecimalNumber($0)) },
        direction: .decrease)
    }
    // ratio = target/actual: 10/8 = 1.25 → achieved; 10/11 = 0.9090… ≥ 0.9 → near;
    // 10/12 = 0.8333… → behind; actual 0 with target 10 → achieved, no ratio; target 0 → no-target.
    #expect(decide(8, 10) == (1.25, .achieved))
    #expect(decide(11, 10) == (10.0 / 11.0, .near))
    #expect(decide(12, 10) == (10.0 / 12.0, .behind))
    #expect(decide(0, 10) == (nil, .achieved))
    #expect(decide(5, 0) == (nil, .noTarget))
    #expect(decide(5, nil) == (nil, .noTarget))
    #expect(decide(nil, 10) == (nil, .noData))
  }

  @Test func zeroAndMilestone() throws {
    let obs = [
      // zero-event target: 0 events → achieved; 1 event → behind (no ratio either way).
      Observation(indicator: "leak", agency: "A", period: Period(year: 2023), value: DecimalNumber(0), target: DecimalNumber(0), direction: .zero, line: 2),
      Observation(indicator: "leak", agency: "B", period: Period(year: 2023), value: DecimalNumber(1), target: DecimalNumber(0), direction: .zero, line: 3),
      // milestone: 1 = done → achieved; 0 = not done → behind.
      Observation(indicator: "bill", agency: "A", period: Period(year: 2023), value: DecimalNumber(1), target: DecimalNumber(1), direction: .milestone, line: 4),
      Observation(indicator: "bill", agency: "B", period: Period(year: 2023), value: DecimalNumber(0), target: DecimalNumber(1), direction: .milestone, line: 5),
    ]
    let rows = try AchievementReport(observations: obs).rows
    #expect(rows.map(\.status) == [.achieved, .behind, .achieved, .behind])  // bill A, bill B, leak A, leak B
    #expect(rows.map(\.indicator) == ["bill", "bill", "leak", "leak"])
    #expect(rows.allSatisfy { $0.ratio == nil })
  }

  @Test func noDataAndNoTarget() throws {
    let rows = try AchievementReport(observations: [
      Observation(indicator: "i", agency: "A", period: Period(year: 2023), value: nil, target: DecimalNumber(5), line: 2),
      Observation(indicator: "i", agency: "B", period: Period(year: 2023), value: DecimalNumber(3), target: nil, line: 3),
    ]).rows
    #expect(rows.map(\.status) == [.noData, .noTarget])
  }

  @Test func partialYearIsFlagged() throws {
    // Three quarters reported: 2 + 3 + 4 = 9 of target 10 = 0.9 → near, partial.
    let row = try AchievementReport(observations: Self.quarters(["2", "3", "4"], target: "10")).rows[0]
    #expect(row.partial)
    #expect(row.periodsReported == 3)
    #expect(row.actual?.double == 9)
    #expect(row.status == .near)
    // A quarter row with no figure is not a reported quarter: 2 + 3 + 4 with Q4 empty.
    let withEmpty = try AchievementReport(observations: Self.quarters(["2", "3", "4", nil], target: "10")).rows[0]
    #expect(withEmpty.partial)
    #expect(withEmpty.periodsReported == 3)
  }

  @Test func aggregations() throws {
    let values = ["5", "12", "20", "31"]
    func row(_ aggregation: Aggregation, target: String) throws -> AchievementRatio {
      try AchievementReport(
        observations: Self.quarters(values, target: target), options: AchievementOptions(aggregation: aggregation)
      ).rows[0]
    }
    // sum: 5 + 12 + 20 + 31 = 68; 68/68 = 1.
    #expect(try row(.sum, target: "68").actual?.double == 68)
    #expect(try row(.sum, target: "68").status == .achieved)
    // mean: 68/4 = 17; 17/20 = 0.85 → behind.
    let mean = try row(.mean, target: "20")
    #expect(mean.actual?.double == 17)
    #expect(mean.ratio == 0.85)
    #expect(mean.status == .behind)
    // last: Q4 = 31 (a cumulative series); 31/31 = 1.
    #expect(try row(.last, target: "31").actual?.double == 31)
    #expect(try row(.last, target: "31").status == .achieved)
    // max: 31.
    #expect(try row(.max, target: "40").actual?.double == 31)
    // mean of 1, 1, 2 over three quarters = 4/3, kept exact: 4/3 against target 4/3 is not
    // expressible as a decimal target, but against 1.3333 it is achieved (4/3 > 1.3333)
    // and against 1.3334 it is near (4/3 < 1.3334; 4/3 ≥ 0.9 · 1.3334 = 1.20006).
    let thirds = Self.quarters(["1", "1", "2"], target: "1.3333")
    #expect(try AchievementReport(observations: thirds, options: AchievementOptions(aggregation: .mean)).rows[0].status == .achieved)
    let above = Self.quarters(["1", "1", "2"], target: "1.3334")
    #expect(try AchievementReport(observations: above, options: AchievementOptions(aggregation: .mean)).rows[0].status == .near)
  }

  @Test func annualTargetOnQuarterRowsIsTakenOnce() throws {
    // Target 100 repeated on 4 rows is 100, not 400: 30 + 20 + 25 + 25 = 100 → ratio 1.
    let row = try AchievementReport(observations: Self.quarters(["30", "20", "25", "25"], target: "100")).rows[0]
    #expect(row.target?.double == 100)
    #expect(row.ratio == 1)
  }

  @Test func disagreeingAnnualTargetsNameBothLines() throws {
    var obs = Self.quarters(["30", "20", "25", "25"], target: "100")
    obs[2].target = Self.d("90")  // line 4
    #expect(throws: DataError.self) { try AchievementReport(observations: obs, source: Self.source) }
    do {
      _ = try AchievementReport(observations: obs, source: Self.source)
    } catch let error as DataError {
      #expect(error.file == "f.csv")
      #expect(error.line == 4)
      #expect(error.column == 6)
      #expect(error.description.contains("lines 2 and 4"))
    }
    // Declared per quarter, targets 25 each aggregate like the figures: 25·4 = 100.
    let perQuarter = Self.quarters(["30", "20", "25", "25"], target: "25")
    let row = try AchievementReport(observations: perQuarter, options: AchievementOptions(targetPer: .quarter)).rows[0]
    #expect(row.target?.double == 100)
    #expect(row.ratio == 1)
  }

  @Test func duplicatesAreAnErrorByDefault() throws {
    var obs = Self.quarters(["1", "2", "3", "4"], target: "10")
    obs.append(Observation(indicator: "i", agency: "A", period: Period(year: 2023, quarter: 2), value: DecimalNumber(5), target: Self.d("10"), line: 9))
    do {
      _ = try AchievementReport(observations: obs, source: Self.source)
      Issue.record("expected a duplicate error")
    } catch let error as DataError {
      #expect(error.line == 9)
      #expect(error.column == 5)
      #expect(error.description.hasPrefix("f.csv:9:5: duplicate row"))
      #expect(error.description.contains("line 3"))
    }
    // sum: Q2 = 2 + 5 = 7; year = 1 + 7 + 3 + 4 = 15.
    let summed = try AchievementReport(observations: obs, options: AchievementOptions(duplicates: .sum)).rows[0]
    #expect(summed.actual?.double == 15)
    // last: Q2 = 5 (line 9 is later than line 3); year = 1 + 5 + 3 + 4 = 13.
    let last = try AchievementReport(observations: obs, options: AchievementOptions(duplicates: .last)).rows[0]
    #expect(last.actual?.double == 13)
  }

  @Test func badRowsAreReportedWithLineAndColumn() throws {
    func error(_ obs: [Observation]) -> String? {
      do {
        _ = try AchievementReport(observations: obs, source: Self.source)
        return nil
      } catch {
        return "\(error)"
      }
    }
    // A negative count.
    #expect(error([Observation(indicator: "i", agency: "A", period: Period(year: 2023), value: DecimalNumber(-3), target: DecimalNumber(5), line: 7)])
      == "f.csv:7:5: expected a figure of 0 or more in column \"value\" (found \"-3\")")
    // A target of 0 with increase is no target (issue 12 item 8), not an error.
    #expect(error([Observation(indicator: "i", agency: "A", period: Period(year: 2023), value: DecimalNumber(3), target: DecimalNumber(0), line: 8)]) == nil)
    // A quarter 5.
    #expect(error([Observation(indicator: "i", agency: "A", period: Period(year: 2023, quarter: 5), value: DecimalNumber(3), line: 9)])
      == "f.csv:9:4: expected a quarter 1 to 4 in column \"quarter\" (found \"5\")")
    // A year 0.
    #expect(error([Observation(indicator: "i", agency: "A", period: Period(year: 0), value: DecimalNumber(3), line: 10)])
      == "f.csv:10:3: expected a year in column \"year\" (found \"0\")")
    // A milestone figure other than 1/0.
    #expect(error([Observation(indicator: "i", agency: "A", period: Period(year: 2023), value: DecimalNumber(2), direction: .milestone, line: 11)])?
      .hasPrefix("f.csv:11:5: expected a milestone") == true)
    // An annual row mixed with quarterly rows of the same year.
    var mixed = Self.quarters(["1", "2"], target: "10")
    mixed.append(Observation(indicator: "i", agency: "A", period: Period(year: 2023), value: DecimalNumber(3), target: DecimalNumber(10), line: 12))
    #expect(error(mixed)?.contains("mixes with period") == true)
  }

  @Test func totalIsTheRatioOfSums() throws {
    // A: 90/100 = 0.9; B: 5/10 = 0.5. Total = (90 + 5)/(100 + 10) = 95/110 = 0.8636… → behind.
    // (The mean of ratios, 0.7, would be wrong.)
    let obs = [
      Observation(indicator: "i", agency: "A", period: Period(year: 2023), value: DecimalNumber(90), target: DecimalNumber(100), line: 2),
      Observation(indicator: "i", agency: "B", period: Period(year: 2023), value: DecimalNumber(5), target: DecimalNumber(10), line: 3),
    ]
    let rows = try AchievementReport(observations: obs, options: AchievementOptions(total: true)).rows
    #expect(rows.count == 3)
    let total = rows[2]
    #expect(total.isTotal)
    #expect(total.agency == AchievementRatio.totalAgency)
    #expect(total.actual?.double == 95)
    #expect(total.target?.double == 110)
    #expect(total.ratio == 95.0 / 110.0)
    #expect(total.status == .behind)
    #expect(!total.partial)
  }

  @Test func totalLeavesOutAgenciesWithoutTargetAndSaysSo() throws {
    // C has no target: left out of both sums (95/110), and the total is marked partial.
    let obs = [
      Observation(indicator: "i", agency: "A", period: Period(year: 2023), value: DecimalNumber(90), target: DecimalNumber(100), line: 2),
      Observation(indicator: "i", agency: "B", period: Period(year: 2023), value: DecimalNumber(5), target: DecimalNumber(10), line: 3),
      Observation(indicator: "i", agency: "C", period: Period(year: 2023), value: DecimalNumber(7), target: nil, line: 4),
    ]
    let total = try AchievementReport(observations: obs, options: AchievementOptions(total: true)).rows.last!
    #expect(total.ratio == 95.0 / 110.0)
    #expect(total.partial)
  }

  @Test func directionFromOptionThenCatalog() throws {
    let obs = [Observation(indicator: "8-5", agency: "A", period: Period(year: 2023), value: DecimalNumber(12), target: DecimalNumber(10), line: 2)]
    // No direction anywhere: increase, 12/10 = 1.2.
    #expect(try AchievementReport(observations: obs).rows[0].ratio == 1.2)
    // From the catalog: decrease, 10/12.
    let fromCatalog = try AchievementReport(observations: obs, catalogDirection: { $0 == "8-5" ? .decrease : nil })
    #expect(fromCatalog.rows[0].direction == .decrease)
    #expect(fromCatalog.rows[0].ratio == 10.0 / 12.0)
    // --direction wins over the catalog; the file's column wins over both.
    let fromOption = try AchievementReport(
      observations: obs, options: AchievementOptions(direction: .increase), catalogDirection: { _ in .decrease })
    #expect(fromOption.rows[0].direction == .increase)
    var withColumn = obs
    withColumn[0].direction = .zero
    #expect(try AchievementReport(observations: withColumn, options: AchievementOptions(direction: .increase)).rows[0].direction == .zero)
  }

  @Test func officeSpellingsGroupTogether() throws {
    // 臺北地檢署 Q1–Q2 and 台北地檢 Q3–Q4 are one office: 1 + 2 + 3 + 4 = 10.
    var obs = Self.quarters(["1", "2", "3", "4"], target: "10", agency: "臺北地檢署")
    obs[2].agency = "台北地檢"
    obs[3].agency = "臺灣臺北地方檢察署"
    let rows = try AchievementReport(observations: obs).rows
    #expect(rows.count == 1)
    #expect(rows[0].agency == "臺灣臺北地方檢察署")
    #expect(rows[0].actual?.double == 10)
  }

  @Test func permutingRowsDoesNotChangeTheOutputBytes() throws {
    var obs: [Observation] = []
    var line = 2
    for indicator in ["起訴件數", "8-5", "b"] {
      for agency in ["法務部", "臺北地檢署", "A"] {
        for year in [2021, 2022] {
          for q in 1...4 where !(agency == "A" && q == 3) {
            obs.append(Observation(
              indicator: indicator, agency: agency, period: Period(year: year, quarter: q),
              value: DecimalNumber(significand: Int64(line * 7 % 13), exponent: -1), target: DecimalNumber(2), line: line))
            line += 1
          }
        }
      }
    }
    let options = AchievementOptions(total: true)
    let writer = CSVWriter()
    let expected = writer.bytes(try AchievementReport(observations: obs, options: options).table)
    var generator = SplitMix64(seed: 42)
    for _ in 0..<5 {
      obs.shuffle(using: &generator)
      #expect(writer.bytes(try AchievementReport(observations: obs, options: options).table) == expected)
    }
  }
}


@Suite struct AchievementDuplicateTargetTests {
  @Test func annualDuplicatesWithDifferentTargets() throws {
    let obs = [
      Observation(indicator: "i", agency: "A", period: Period(year: 2023), value: DecimalNumber(5), target: DecimalNumber(10), line: 2),
      Observation(indicator: "i", agency: "A", period: Period(year: 2023), value: DecimalNumber(6), target: DecimalNumber(12), line: 3),
    ]
    // sum: 5 + 6 = 11, but the targets 10 and 12 disagree → an error naming lines 2 and 3.
    #expect(throws: DataError.self) {
      try AchievementReport(observations: obs, options: AchievementOptions(duplicates: .sum))
    }
    // last: line 3 replaces line 2 entirely: 6 of 12 = 0.5.
    let last = try AchievementReport(observations: obs, options: AchievementOptions(duplicates: .last)).rows[0]
    #expect(last.ratio == 0.5)
  }

  /// DESIGN.md §4: `no-target` when the target is missing or 0 for increase/decrease — the
  /// same for both directions, annual and quarterly rows.
  @Test func zeroTargetIsNoTargetForIncreaseAsForDecrease() throws {
    for direction in [Direction.increase, .decrease] {
      let annual = [Observation(
        indicator: "i", agency: "A", period: Period(year: 2023), value: DecimalNumber(3), target: DecimalNumber(0),
        direction: direction, line: 2)]
      let rows = try AchievementReport(observations: annual).rows
      #expect(rows.map(\.status) == [.noTarget], "\(direction)")
      #expect(rows.allSatisfy { $0.ratio == nil })
      let quarterly = AchievementTests.quarters(["1", "2", "3", "4"], target: "0", direction: direction)
      #expect(try AchievementReport(observations: quarterly).rows.map(\.status) == [.noTarget], "\(direction)")
    }
  }

  /// Issue 12 item 8: 8-8 mixes a zero-event, a milestone and a count target; the label picks one.
  @Test func measureWithMixedDirectionsIsMatchedByItsWords() throws {
    let catalog = ActionPlanCatalog.plan
    func report(_ indicator: String) throws -> [AchievementRatio] {
      try AchievementReport(
        observations: [Observation(
          indicator: indicator, agency: "法務部", period: Period(year: 2023), value: DecimalNumber(0),
          target: DecimalNumber(0), line: 2)],
        source: AchievementTests.source, catalogDirection: { try catalog.resolvedDirection(forIndicator: $0) }
      ).rows
    }
    #expect(try report("8-8 檢舉人身分外洩").map(\.direction) == [.zero])
    #expect(try report("8-8 檢舉人身分外洩").map(\.status) == [.achieved])
    do {
      _ = try report("8-8 檢舉")
      Issue.record("8-8 檢舉 shares 檢舉 with all three targets: ambiguous")
    } catch let error as DataError {
      #expect(error.line == 2 && error.column == 1)
      #expect("\(error)".contains("names measure 8-8, whose targets differ in direction: 8-8-1 (zero: "))
      #expect("\(error)".contains(", 8-8-2 (milestone: "))
      #expect("\(error)".contains(", 8-8-3 (increase: "))
      #expect(error.remedy == .direction(exampleTarget: "8-8-1"))
      #expect("\(error)".hasSuffix(
        "; name the target (e.g. 8-8-1) or give the direction (a direction column, or `AchievementOptions.direction`)"))
      #expect(!"\(error)".contains("--"))
    }
  }
}
