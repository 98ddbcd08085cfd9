import IntegrityAgencyData

extension ActionPlanCatalog {
  /// What a reference resolves to: a measure (all its targets) or one target.
  public enum Entry: Sendable, Equatable {
    case measure(Measure, targets: [CatalogTarget])
    case target(CatalogTarget)

    /// The targets the entry covers.
    public var targets: [CatalogTarget] {
      switch self {
      case .measure(_, let targets): targets
      case .target(let target): [target]
      }
    }
  }

  /// The strategy numbered `number` (1–9), if any.
  public func strategy(_ number: Int) -> Strategy? {
    strategies.first { $0.number == number }
  }

  /// Resolves a reference written as `8-5`, `8.5`, `八(五)`, `策略八措施五` (a measure) or
  /// `8-5-1`, `八(五)1` (a target) — the spellings of `CatalogTargetID` — to the plan's
  /// measure or target; nil when the text is no such reference or the plan has no such entry.
  public func lookup(_ reference: String) -> Entry? {
    guard let id = CatalogTargetID(reference) else { return nil }
    return lookup(id)
  }

  /// Resolves a parsed reference; nil when the plan has no such measure or target.
  public func lookup(_ id: CatalogTargetID) -> Entry? {
    guard let measure = measures.first(where: { $0.strategy == id.strategy && $0.number == id.measure })
    else { return nil }
    let targets = targets(ofStrategy: id.strategy, measure: id.measure)
    guard let index = id.index else { return .measure(measure, targets: targets) }
    return targets.first { $0.index == index }.map(Entry.target)
  }

  /// The default direction for an indicator named after the plan, used by `achievement` when
  /// neither a direction column nor `--direction` gives one;
  /// nil where `resolvedDirection(forIndicator:)` finds none or finds the name ambiguous.
  public func direction(forIndicator indicator: String) -> Direction? {
    (try? resolvedDirection(forIndicator: indicator)) ?? nil
  }

  /// The plan's direction for an indicator named after it:
  ///
  /// - A target reference (`8-5-1`) gives that target's direction.
  /// - A measure reference (`8-5`, `8.5`, `八(五)`, `策略八措施五`, also followed by a label as
  ///   in `8-5 起訴貪瀆案件數`) gives the direction its targets share. When they differ (8-8 has
  ///   a zero-event, a milestone and a count target), the label picks the target whose text
  ///   shares the most of its words (`sharedWords`): `8-8 檢舉人身分外洩` is 8-8-1, zero events.
  ///   When no target shares more words than the others, or those that share the most differ
  ///   in direction, the name is ambiguous: `AmbiguousCatalogDirection` lists the candidates.
  /// - Otherwise the plan's exact text of a target (a final 。 optional) gives its direction
  ///   when the text is unique in the plan and names targets of one direction.
  /// - Anything else: nil.
  ///
  /// - Complexity: O(number of targets) per call (95): callers reading many rows look up
  ///   each distinct indicator once.
  public func resolvedDirection(forIndicator indicator: String) throws(AmbiguousCatalogDirection) -> Direction? {
    if let (id, label) = CatalogTargetID.parse(labelled: indicator), let entry = lookup(id) {
      if let common = Self.commonDirection(entry.targets) { return common }
      let targets = entry.targets
      let scores = targets.map { Self.sharedWords(label, $0.text) }
      let best = scores.max() ?? 0
      let candidates = best == 0 ? targets : zip(targets, scores).filter { $0.1 == best }.map(\.0)
      if let common = Self.commonDirection(candidates) { return common }
      throw AmbiguousCatalogDirection(indicator: indicator, measure: id, candidates: candidates)
    }
    let key = Self.textKey(indicator)
    guard !key.isEmpty else { return nil }
    return Self.commonDirection(targets.filter { Self.textKey($0.text) == key })
  }

  /// How many words of `label` occur in `text`. Chinese writes no spaces between words, so a
  /// word here is two adjacent letters (a character bigram, the usual unit of Chinese text
  /// matching), after folding variant characters the plan and agencies mix (份/分, 台/臺).
  static func sharedWords(_ label: String, _ text: String) -> Int {
    func bigrams(_ s: String) -> Set<String> {
      let letters = s.map { c -> Character in
        switch c {
        case "份": "分"
        case "台": "臺"
        default: c
        }
      }.filter { $0.isLetter || $0.isNumber }
      guard letters.count >= 2 else { return [] }
      return Set((0..<letters.count - 1).map { String(letters[$0...$0 + 1]) })
    }
    let words = bigrams(label)
    guard !words.isEmpty else { return 0 }
    return words.intersection(bigrams(text)).count
  }

  private static func commonDirection(_ targets: [CatalogTarget]) -> Direction? {
    guard let first = targets.first?.direction, targets.allSatisfy({ $0.direction == first })
    else { return nil }
    return first
  }

  private static func textKey(_ text: String) -> String {
    var key = text.trimmingWhitespace()
    while key.hasSuffix("。") { key.removeLast() }
    return key
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

extension ActionPlanCatalog {
  /// The number of the strategy written as `8`, `８` or `八` (also `策略八`), if the plan has it.
  public func strategyNumber(_ text: String) -> Int? {
    var key = Substring(text)
    while let first = key.first, first.isWhitespace { key.removeFirst() }
    while let last = key.last, last.isWhitespace { key.removeLast() }
    if key.hasPrefix("策略") { key = key.dropFirst(2) }
    let digits = String(key.unicodeScalars.map { scalar -> Character in
      (0xFF10...0xFF19).contains(scalar.value)
        ? Character(Unicode.Scalar(scalar.value - 0xFEE0)!) : Character(scalar)
    })
    let chinese = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    let number = Int(digits) ?? chinese.firstIndex(of: digits).map { $0 + 1 }
    guard let number, strategy(number) != nil else { return nil }
    return number
  }
}

/// An indicator names a measure whose targets differ in direction, and its label does not
/// single one out (`ActionPlanCatalog.resolvedDirection(forIndicator:)`).
public struct AmbiguousCatalogDirection: Error, Sendable, Equatable, CustomStringConvertible {
  /// The indicator as written.
  public var indicator: String
  /// The measure it names.
  public var measure: CatalogTargetID
  /// The targets it may mean, in the plan's order.
  public var candidates: [CatalogTarget]

  public init(indicator: String, measure: CatalogTargetID, candidates: [CatalogTarget]) {
    self.indicator = indicator
    self.measure = measure
    self.candidates = candidates
  }

  /// `indicator "8-8" names measure 8-8, whose targets differ in direction: 8-8-1 (zero: 法務部…), …`
  public var description: String {
    let list = candidates.map { target in
      let text = target.text.count > 16 ? String(target.text.prefix(16)) + "…" : target.text
      return "\(target.id) (\(target.direction.rawValue): \(text))"
    }
    return "indicator \"\(indicator)\" names measure \(measure), whose targets differ in direction: "
      + list.joined(separator: ", ")
  }
}
