/// Counts and rates of a group of status rows (an agency, a strategy, or all).
///
///     expected        = on_time + late + missing    (not-due rows excluded)
///     reporting_rate  = (on_time + late) / expected  ∈ [0, 1], empty when expected = 0
///     timeliness_rate = on_time / expected           ∈ [0, 1]
///
/// Unexpected submissions are counted apart (`unexpected`) and never in a rate.
public struct StatusSummary: Sendable, Equatable {
  public enum Grouping: String, Sendable, CaseIterable {
    case agency, strategy, total
  }

  public var group: String
  public var expected = 0
  public var onTime = 0
  public var late = 0
  public var missing = 0
  public var notDue = 0
  public var unexpected = 0

  public var received: Int { onTime + late }
  public var reportingRate: Double? { expected == 0 ? nil : Double(received) / Double(expected) }
  public var timelinessRate: Double? { expected == 0 ? nil : Double(onTime) / Double(expected) }

  public init(group: String) { self.group = group }

  mutating func add(_ state: StatusReport.State) {
    switch state {
    case .onTime: onTime += 1; expected += 1
    case .late: late += 1; expected += 1
    case .missing: missing += 1; expected += 1
    case .notDue: notDue += 1
    case .unexpected: unexpected += 1
    }
  }
}

extension StatusReport {
  /// Summaries per agency (first-seen order), per strategy (number order; `-` for targets
  /// outside the catalog) or one total.
  public func summaries(by grouping: StatusSummary.Grouping) -> [StatusSummary] {
    var order: [String] = []
    var byGroup: [String: StatusSummary] = [:]
    for row in rows {
      let name: String
      switch grouping {
      case .agency: name = row.agency
      case .strategy: name = row.strategy.map(String.init) ?? "-"
      case .total: name = "total"
      }
      if byGroup[name] == nil {
        order.append(name)
        byGroup[name] = StatusSummary(group: name)
      }
      byGroup[name]!.add(row.state)
    }
    if grouping == .strategy {
      order.sort { (Int($0) ?? .max) < (Int($1) ?? .max) }
    }
    return order.map { byGroup[$0]! }
  }
}
