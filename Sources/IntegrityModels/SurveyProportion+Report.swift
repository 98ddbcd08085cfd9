import IntegrityTables

/// The result of `survey`: each indicator's yearly proportions, in a fixed order.
public struct SurveyReport: Sendable, Equatable {
  /// One indicator-year (of one agency, when the survey has several).
  public struct Row: Sendable, Equatable {
    public var indicator: String?
    public var agency: String?
    public var proportion: SurveyProportion

    public init(indicator: String?, agency: String? = nil, proportion: SurveyProportion) {
      self.indicator = indicator
      self.agency = agency
      self.proportion = proportion
    }
  }

  public var rows: [Row]
  /// Messages for standard error (skipped rows).
  public var warnings: [String]

  public init(rows: [Row], warnings: [String] = []) {
    self.rows = rows
    self.warnings = warnings
  }

  /// The `survey` columns, exactly:
  /// indicator,year,n,proportion,ci_low,ci_high,change,change_z,change_p;
  /// then `agency` when a row has one (extra columns come after the contract's).
  /// `proportion`, the interval and `change` are proportions in [0, 1] (not percent).
  public var table: Table {
    let p = rows.map(\.proportion)
    var table = Table(columns: [
      Column("indicator", text: rows.map(\.indicator)),
      Column("year", integers: p.map(\.year)),
      Column("n", numbers: p.map(\.n)),
      Column("proportion", numbers: p.map(\.proportion)),
      Column("ci_low", numbers: p.map(\.ciLow)),
      Column("ci_high", numbers: p.map(\.ciHigh)),
      Column("change", numbers: p.map(\.change)),
      Column("change_z", numbers: p.map(\.changeZ)),
      Column("change_p", numbers: p.map(\.changeP)),
    ])
    if rows.contains(where: { $0.agency != nil }) { table.columns.append(Column("agency", text: rows.map(\.agency))) }
    return table
  }
}
