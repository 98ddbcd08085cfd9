import IntegrityTables

extension StatusReport {
  /// `status` columns (DESIGN.md §6): target,agency,period,state,due,received,revised,source.
  public static let header = ["target", "agency", "period", "state", "due", "received", "revised", "source"]

  public var table: IntegrityTables.Table {
    IntegrityTables.Table(columns: [
      Column("target", text: rows.map { $0.target.isEmpty ? nil : $0.target }),
      Column("agency", text: rows.map { $0.agency.isEmpty ? nil : $0.agency }),
      Column("period", text: rows.map(\.period)),
      Column("state", text: rows.map(\.state.rawValue)),
      Column("due", text: rows.map { $0.due?.description }),
      Column("received", text: rows.map { $0.received?.description }),
      Column("revised", booleans: rows.map(\.revised)),
      Column("source", text: rows.map(\.source)),
    ])
  }

  /// The summary table: GROUP,expected,received,on_time,late,missing,not_due,unexpected,
  /// reporting_rate,timeliness_rate, where GROUP is agency, strategy or total.
  public func summaryTable(by grouping: StatusSummary.Grouping) -> IntegrityTables.Table {
    let s = summaries(by: grouping)
    return IntegrityTables.Table(columns: [
      Column(grouping.rawValue, text: s.map(\.group)),
      Column("expected", integers: s.map(\.expected)),
      Column("received", integers: s.map(\.received)),
      Column("on_time", integers: s.map(\.onTime)),
      Column("late", integers: s.map(\.late)),
      Column("missing", integers: s.map(\.missing)),
      Column("not_due", integers: s.map(\.notDue)),
      Column("unexpected", integers: s.map(\.unexpected)),
      Column("reporting_rate", numbers: s.map(\.reportingRate)),
      Column("timeliness_rate", numbers: s.map(\.timelinessRate)),
    ])
  }
}
