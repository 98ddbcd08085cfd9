import IntegrityIndicators
import IntegrityTables
import IntegrityAgencyData
import IntegrityActionPlan

/// Reporting status: for each (target, agency) a roster expects and each period of the
/// year, whether the figures came, and on time.
///
/// States, on the date `asOf` (figures received after it are not seen):
/// - `on-time`: first received on or before the due date; `late`: after it. A later
///   revision never changes this (only the first submission counts); `revised` is a flag:
///   the figure was superseded by a different value, or the source marked it `r`.
/// - `missing`: nothing received and the due date has passed; `not-due`: not yet due.
/// - `unexpected`: figures of the year that no roster entry expects (an unknown agency,
///   a target not in the roster, an agency outside its from/until window). Listed apart:
///   they never count as received.
///
/// Rates (DHIS2's definitions, with the denominator fixed so they cannot exceed 1):
///
///     expected        = on-time + late + missing      (not-due rows are not yet expected)
///     reporting rate  = (on-time + late) / expected
///     timeliness rate = on-time / expected
///
/// Matching: a figure belongs to an entry when its agency is the entry's (canonical
/// spelling) and its indicator is the entry's target — the same text, or the same catalog
/// target (`8-6-1`; an indicator naming only the measure, `8-6 目標案件`, matches each of
/// the measure's targets) — and its period is the expected one (`ReportingPeriod`).
public struct StatusReport: Sendable {
  public enum State: String, Sendable, Hashable, CaseIterable {
    case notDue = "not-due"
    case missing
    case onTime = "on-time"
    case late
    case unexpected
  }

  public struct Row: Sendable, Equatable {
    public var target: String
    public var agency: String
    public var period: String
    public var state: State
    public var due: CalendarDate?
    public var received: CalendarDate?
    public var revised: Bool
    /// The file of the first submission.
    public var source: String?
    /// The catalog strategy of the target, when it names one.
    public var strategy: Int?
  }

  /// Expected rows first (roster order, then period), then the unexpected ones (key order).
  public var rows: [Row]
  public var year: Int
  public var asOf: CalendarDate

  /// Builds the report from the workspace's `history` (all values, key order).
  public init(roster: Roster, history: [StoredFigure], year: Int, quarter: Int? = nil, asOf: CalendarDate) {
    self.year = year
    self.asOf = asOf
    // Figures of the year seen on `asOf`, grouped by key (history is in key order).
    var groups: [(key: FigureKey, values: [StoredFigure])] = []
    for figure in history where figure.key.period.year == year && figure.submission.received <= asOf {
      if let last = groups.last, last.key == figure.key {
        groups[groups.count - 1].values.append(figure)
      } else {
        groups.append((figure.key, [figure]))
      }
    }
    let inQuarter: (Period) -> Bool = { period in
      guard let quarter else { return true }
      let lastMonth = period.month ?? (period.quarter.map { $0 * 3 } ?? 12)
      return (quarter * 3 - 2...quarter * 3).contains(lastMonth)
    }
    var byAgency: [String: [Int]] = [:]
    for (i, group) in groups.enumerated() { byAgency[group.key.agency, default: []].append(i) }
    var claimed = Set<Int>()
    var rows: [Row] = []
    var matchCache: [String: Bool] = [:]
    for entry in roster.entries {
      let strategy = CatalogTargetID(entry.target)?.strategy
      for period in entry.frequency.periods(year: year, quarter: quarter) where entry.isResponsible(for: period) {
        let due = entry.dueDate(for: period)
        var first: StoredFigure?
        var revised = false
        for i in byAgency[entry.agency] ?? [] {
          let group = groups[i]
          guard period.isReported(by: group.key.period) else { continue }
          let cacheKey = entry.target + "\u{1}" + group.key.indicator
          let matches = matchCache[cacheKey] ?? StatusReport.matches(target: entry.target, indicator: group.key.indicator)
          matchCache[cacheKey] = matches
          guard matches else { continue }
          claimed.insert(i)
          if group.values.count > 1 || group.values.contains(where: \.revisedFlag) { revised = true }
          let earliest = group.values.min { $0.submission.received < $1.submission.received }!
          if first == nil || earliest.submission.received < first!.submission.received { first = earliest }
        }
        let state: State
        if let first {
          state = first.submission.received <= due ? .onTime : .late
        } else {
          state = asOf > due ? .missing : .notDue
        }
        rows.append(
          Row(
            target: entry.target, agency: entry.agency, period: period.description, state: state, due: due,
            received: first?.submission.received, revised: revised, source: first?.submission.file, strategy: strategy))
      }
    }
    for (i, group) in groups.enumerated() where !claimed.contains(i) && inQuarter(group.key.period) {
      let earliest = group.values.min { $0.submission.received < $1.submission.received }!
      rows.append(
        Row(
          target: group.key.indicator, agency: group.key.agency, period: group.key.period.description,
          state: .unexpected, due: nil, received: earliest.submission.received,
          revised: group.values.count > 1 || group.values.contains(where: \.revisedFlag),
          source: earliest.submission.file, strategy: CatalogTargetID(group.key.indicator)?.strategy))
    }
    self.rows = rows
  }

  /// True when `indicator` (as stored) reports `target` (as the roster writes it).
  static func matches(target: String, indicator: String) -> Bool {
    if target == indicator { return true }
    guard let t = CatalogTargetID(target), let i = CatalogTargetID(indicator),
      t.strategy == i.strategy, t.measure == i.measure
    else { return false }
    return t.index == nil || i.index == nil || t.index == i.index
  }
}
