import IntegrityTables
import IntegrityDecimal

/// The plan's rule for target cases (目標案件), strategy 8, measure 6 of the National
/// Integrity Building Action Plan (國家廉政建設行動方案): a case seriously harming
/// government integrity, namely one involving
///
///     grade    an official of senior grade 10 (簡任第十職等) or equivalent or above:
///              grade ≥ minGrade (10)
///     persons  a group of 3 or more persons:              defendants ≥ minPersons (3)
///     gain     illicit gains of NT$10,000,000 or more:     illicit_gain ≥ minGain (10,000,000 元)
///
/// The plan joins the criteria with "or" (`Combination.any`); `all` and other
/// thresholds are there to study alternatives. Gains compare exactly as decimals in 元.
///
/// A grade is read by `TargetCaseRule.grade(parsing:)`: a number (`10`), or text such
/// as `簡任第十職等`, `簡任第10職等`, `簡任十職等`, `相當簡任第十職等`, or a rank alone
/// (`簡任` is grades 10–14, `薦任` 6–9, `委任` 1–5). Titles without a grade (特任,
/// 政務官, 民意代表) take the grade the user gives them in `gradeMap`
/// (`--grade-map FILE`). A grade that cannot be read, or a rank whose grades lie on
/// both sides of the threshold, is an error — never a silent "not a target case".
public struct TargetCaseRule: Sendable, Equatable {
  /// How the three criteria combine (`--rule`).
  public enum Combination: String, Sendable, Hashable, CaseIterable, Codable {
    /// A target case when any criterion holds (the plan's rule).
    case any
    /// A target case only when all three hold.
    case all
  }

  /// The criteria, in the order `reasons` lists them.
  public enum Criterion: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case grade, persons, gain

    public static func < (a: Criterion, b: Criterion) -> Bool {
      allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
  }

  public var combination: Combination
  /// The lowest grade (職等) that counts (`--min-grade`, default 10).
  public var minGrade: Int
  /// The smallest group of persons that counts (`--min-persons`, default 3).
  public var minPersons: Int
  /// The smallest illicit gain that counts, in 元 (`--min-gain`, default 10,000,000).
  public var minGain: DecimalNumber
  /// Titles without a grade → the grade they count as (`--grade-map`), keyed by
  /// `TargetCaseRule.gradeKey` of the title.
  public var gradeMap: [String: Int]

  public init(
    combination: Combination = .any, minGrade: Int = 10, minPersons: Int = 3,
    minGain: DecimalNumber = DecimalNumber(10_000_000), gradeMap: [String: Int] = [:]
  ) {
    self.combination = combination
    self.minGrade = minGrade
    self.minPersons = minPersons
    self.minGain = minGain
    self.gradeMap = gradeMap
  }

  /// The facts of one case the rule looks at.
  public struct CaseFacts: Sendable, Equatable {
    /// The highest grade among the officials involved; `nil` when none is an official.
    public var grade: ClosedRange<Int>?
    /// The number of persons (defendants).
    public var persons: DecimalNumber
    /// The illicit gain in 元.
    public var gain: DecimalNumber
    /// Criteria whose facts are not known (the cell is missing: `…`, empty, NA); their
    /// values above are not looked at.
    public var missing: [Criterion]

    public init(grade: ClosedRange<Int>?, persons: DecimalNumber, gain: DecimalNumber, missing: [Criterion] = []) {
      self.grade = grade
      self.persons = persons
      self.gain = gain
      self.missing = missing
    }
  }

  /// The rule's verdict on one case.
  public struct Decision: Sendable, Equatable {
    public var isTarget: Bool
    /// The criteria that held, in the order grade, persons, gain.
    public var reasons: [Criterion]
    /// Criteria not known (missing cells) that the verdict did not need.
    public var missing: [Criterion]

    public init(isTarget: Bool, reasons: [Criterion], missing: [Criterion] = []) {
      self.isTarget = isTarget
      self.reasons = reasons
      self.missing = missing
    }

    /// `grade;gain` — the reasons `;`-joined, as `classify` prints them.
    public var reasonsText: String { reasons.map(\.rawValue).joined(separator: ";") }
  }

  /// Why a case could not be decided.
  public enum Undecidable: Error, Equatable, Sendable {
    /// The grade range straddles the threshold (a rank alone such as `薦任` with
    /// `--min-grade 8`).
    case gradeRangeStraddles(ClosedRange<Int>, threshold: Int)
    /// The facts of these criteria are missing, and the verdict depends on them: under
    /// `any` no known criterion holds; under `all` every known one does.
    case missing([Criterion])
  }

  /// Applies the rule.
  ///
  /// A criterion whose facts are missing is unknown. Under `any` (the plan's rule) a case
  /// is a target case as soon as one known criterion holds — the missing ones cannot
  /// change that — and is reported with the reasons that held and `missing`; under `all`
  /// a case is not one as soon as one known criterion fails. Otherwise the verdict
  /// depends on the missing facts: `Undecidable.missing`.
  public func decide(_ facts: CaseFacts) throws(Undecidable) -> Decision {
    var reasons: [Criterion] = []
    let unknown = Criterion.allCases.filter(facts.missing.contains)
    if let grade = facts.grade, !unknown.contains(.grade) {
      if grade.lowerBound >= minGrade {
        reasons.append(.grade)
      } else if grade.upperBound >= minGrade {
        throw .gradeRangeStraddles(grade, threshold: minGrade)
      }
    }
    if !unknown.contains(.persons), facts.persons >= DecimalNumber(minPersons) { reasons.append(.persons) }
    if !unknown.contains(.gain), facts.gain >= minGain { reasons.append(.gain) }
    let known = Criterion.allCases.count - unknown.count
    switch combination {
    case .any:
      if !reasons.isEmpty { return Decision(isTarget: true, reasons: reasons, missing: unknown) }
      if !unknown.isEmpty { throw .missing(unknown) }
      return Decision(isTarget: false, reasons: [])
    case .all:
      if reasons.count < known { return Decision(isTarget: false, reasons: reasons, missing: unknown) }
      if !unknown.isEmpty { throw .missing(unknown) }
      return Decision(isTarget: true, reasons: reasons)
    }
  }
}
