import IntegrityIndicators
import IntegrityTables
import IntegrityActionPlan

/// Who must report what, how often and by when: one entry per (target, agency).
///
/// From a roster file (`agency,target,frequency[,due,from,until]`) or from the Action Plan
/// catalog (`Roster(catalog:)`). `from`/`until` bound the days the agency is responsible
/// (it joined or left): a period is expected only when the agency is responsible for all
/// of it (DHIS2's "open for the whole period"), so an agency that left in May owes Q1 but
/// not Q2, and its later figures are listed as unexpected instead of raising a rate.
public struct Roster: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    /// A catalog reference (`8-6-1`, `8-5`) or an indicator name as agencies write it.
    public var target: String
    /// The agency, in canonical spelling (prosecutors offices canonicalised).
    public var agency: String
    public var frequency: ReportingFrequency
    /// The deadline rule; nil for the §9 default of the frequency.
    public var due: DueRule?
    public var from: CalendarDate?
    public var until: CalendarDate?

    public init(
      target: String, agency: String, frequency: ReportingFrequency, due: DueRule? = nil, from: CalendarDate? = nil,
      until: CalendarDate? = nil
    ) {
      self.target = target
      self.agency = ProsecutorsOffice.canonicalName(agency)
      self.frequency = frequency
      self.due = due
      self.from = from
      self.until = until
    }

    /// True when the agency is responsible for the whole of `period`.
    public func isResponsible(for period: ReportingPeriod) -> Bool {
      if let from, from > period.start { return false }
      if let until, until < period.end { return false }
      return true
    }

    /// The date `period`'s figures are due.
    public func dueDate(for period: ReportingPeriod) -> CalendarDate {
      (due ?? frequency.defaultDue).due(after: period.end)
    }
  }

  public var entries: [Entry]
  /// What was assumed or skipped while building the roster.
  public var notes: [String] = []

  public init(entries: [Entry], notes: [String] = []) {
    self.entries = entries
    self.notes = notes
  }

  /// Header names accepted for each roster column (after trimming, case-insensitive).
  static let columnNames: [String: [String]] = [
    "agency": ["agency", "機關", "辦理機關", "機關名稱", "地檢署"],
    "target": ["target", "indicator", "指標", "績效目標", "目標", "績效指標"],
    "frequency": ["frequency", "頻率", "週期", "填報頻率"],
    "due": ["due", "期限", "繳交期限", "due_rule"],
    "from": ["from", "起", "起始", "開始"],
    "until": ["until", "迄", "至", "結束"],
  ]

  /// Reads a roster file. Bad cells are `DataError`s naming line and column.
  public static func read(path: String) throws -> Roster {
    let known = Set(columnNames.values.joined())
    var options = ReadOptions()
    options.headerMatcher = { fields in fields.filter { known.contains($0.lowercased()) }.count >= 3 }
    let table = try TableReader.read(path: path, options: options)
    let header = table.header.map { TextTable.trim($0).lowercased() }
    func column(_ name: String) -> Int? {
      header.firstIndex { columnNames[name]!.contains($0) }
    }
    guard let agency = column("agency"), let target = column("target"), let frequency = column("frequency") else {
      throw DataError(
        file: path, line: table.headerLine, column: 0,
        message: "a roster needs the columns agency, target and frequency (optional: due, from, until)")
    }
    let due = column("due"), from = column("from"), until = column("until")
    var entries: [Entry] = []
    for row in 0..<table.rowCount {
      let line = table.line(row: row)
      func cell(_ c: Int?) -> String? {
        guard let c, c < table.fieldCount(row: row) else { return nil }
        let text = TextTable.trim(table.field(row: row, column: c))
        return text.isEmpty ? nil : text
      }
      func bad(_ c: Int, _ message: String) -> DataError {
        DataError(file: path, line: line, column: c + 1, columnName: table.header[c], message: message, found: cell(c))
      }
      guard let agencyName = cell(agency), let targetName = cell(target) else {
        if (0..<table.fieldCount(row: row)).allSatisfy({ cell($0) == nil }) { continue }
        throw bad(cell(agency) == nil ? agency : target, "expected a value")
      }
      guard let freq = cell(frequency).flatMap(ReportingFrequency.init(parsing:)) else {
        throw bad(frequency, "expected yearly, half-yearly, quarterly or monthly")
      }
      var entry = Entry(target: targetName, agency: agencyName, frequency: freq)
      if let text = cell(due) {
        guard let rule = DueRule(parsing: text) else { throw bad(due!, "expected a deadline such as 20d or 2m (days or months after the period ends)") }
        entry.due = rule
      }
      if let text = cell(from) {
        guard let date = CalendarDate(parsing: text) else { throw bad(from!, "expected a date such as 2026-07-01 or 115/07/01") }
        entry.from = date
      }
      if let text = cell(until) {
        guard let date = CalendarDate(parsing: text) else { throw bad(until!, "expected a date such as 2026-06-30 or 115/06/30") }
        entry.until = date
      }
      entries.append(entry)
    }
    return Roster(entries: entries)
  }

  /// The roster the plan implies: every target reported yearly or quarterly, for each lead
  /// agency the plan names (`expand`). "各地方檢察署" (every district prosecutors office)
  /// stands for the 22 offices; other collective names (各機關, 各部會, …) cannot be
  /// enumerated and are skipped with a note — give a roster file for them.
  public init(catalog: ActionPlanCatalog) {
    var entries: [Entry] = []
    var skipped = 0
    for target in catalog.targets {
      let frequency: ReportingFrequency
      switch target.frequency {
      case .yearly: frequency = .yearly
      case .quarterly: frequency = .quarterly
      default: continue
      }
      var agencies: [String] = []
      for lead in target.leadAgencies {
        let names = Roster.expand(lead)
        if names.isEmpty { skipped += 1 }
        agencies += names
      }
      for agency in agencies where !entries.contains(where: { $0.target == target.id && $0.agency == agency }) {
        entries.append(Entry(target: target.id, agency: agency, frequency: frequency))
      }
    }
    var notes: [String] = []
    if skipped > 0 {
      notes.append("the catalog names \(skipped) collective lead agencies (各機關, 各部會, …) that cannot be listed; give a roster file to expect their reports")
    }
    self.init(entries: entries, notes: notes)
  }

  /// The agencies a catalog lead-agency entry names, as agencies write themselves:
  /// `法務部(廉政署)` → 法務部廉政署; `法務部(臺灣高等檢察署、各地方檢察署、廉政署、調查局)` →
  /// 臺灣高等檢察署, the 22 offices, 法務部廉政署, 法務部調查局 (a unit whose name already
  /// starts with 臺灣/福建 stands alone); other collective names (各機關) → none.
  static func expand(_ lead: String) -> [String] {
    func collective(_ name: String) -> [String]? {
      if name.contains("各地方檢察署") { return ProsecutorsOffice.all.map(\.name) }
      return name.hasPrefix("各") ? [] : nil
    }
    let folded = lead.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
    guard let open = folded.firstIndex(of: "("), folded.hasSuffix(")") else {
      return collective(folded) ?? [ProsecutorsOffice.canonicalName(folded)]
    }
    let parent = String(folded[..<open])
    let inside = folded[folded.index(after: open)..<folded.index(before: folded.endIndex)]
    var names: [String] = []
    for part in inside.split(whereSeparator: { "、,，;；".contains($0) }).map(String.init) {
      if let many = collective(part) {
        names += many
      } else if part.hasPrefix("臺灣") || part.hasPrefix("福建") || part.hasPrefix("行政院") {
        names.append(ProsecutorsOffice.canonicalName(part))
      } else {
        names.append(parent + part)
      }
    }
    return names
  }
}
