import IntegrityTables
import IntegrityDecimal

extension AchievementRatio {
  /// Totals over agencies per (indicator, year) of `rows` (one indicator's or more), in
  /// first-seen order: the ratio of sums,
  ///
  ///     actual = Σ actual,  target = Σ target,  ratio and status by `decide`
  ///
  /// over the agencies that have an actual (and, for `increase` and `decrease`, a target),
  /// never the mean of their ratios. `partial` when an agency was left out or partial. A
  /// milestone total is achieved only when every agency is done. Agencies giving one
  /// indicator different directions cannot be totalled: a `DataError` about `source`.
  static func totals(_ rows: [AchievementRatio], near: DecimalNumber, source: String) throws(DataError)
    -> [AchievementRatio]
  {
    struct TotalKey: Hashable {
      var indicator: String?
      var year: Int
    }
    var groups: [TotalKey: [AchievementRatio]] = [:]
    var keys: [TotalKey] = []
    for row in rows where row.agency != nil {
      let key = TotalKey(indicator: row.indicator, year: row.year)
      if groups[key] == nil { keys.append(key) }
      groups[key, default: []].append(row)
    }
    var result: [AchievementRatio] = []
    for key in keys {
      let members = groups[key]!
      let direction = members[0].direction
      if let other = members.first(where: { $0.direction != direction }) {
        throw DataError(
          file: source, line: 0, column: 0,
          message: "cannot total \(key.indicator ?? "the indicator") in \(key.year): agencies give directions "
            + "\(direction.rawValue) and \(other.direction.rawValue)")
      }
      let needsTarget = direction == .increase || direction == .decrease
      let included = members.filter { $0.actual != nil && (!needsTarget || $0.status != .noTarget) }
      var actual: AggregatedValue?
      var target: AggregatedValue?
      for row in included {
        if let a = row.actual { actual = actual.map { $0 + a } ?? a }
        if let t = row.target { target = target.map { $0 + t } ?? t }
      }
      var (ratio, status) = decide(actual: actual, target: target, direction: direction, near: near)
      if direction == .milestone, !included.isEmpty {
        ratio = nil
        status = included.allSatisfy { $0.status == .achieved } ? .achieved : .behind
      }
      result.append(
        AchievementRatio(
          indicator: key.indicator, agency: totalAgency, year: key.year, actual: actual, target: target,
          direction: direction, ratio: ratio, status: status,
          partial: included.count < members.count || included.contains { $0.partial }, periodsReported: 0,
          isTotal: true))
    }
    return result
  }
}
