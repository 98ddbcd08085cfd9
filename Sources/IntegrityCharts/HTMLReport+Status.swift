import IntegrityTables

/// The reporting-status section of a report (填報狀況): who reported, on time or late, and
/// who did not — the tables `integrity-stats status` computes from a workspace, handed over
/// as plain tables so that this module needs no workspace.
public struct ReportingStatusTables: Sendable {
  /// Per strategy: strategy,expected,received,on_time,late,missing,not_due,unexpected,
  /// reporting_rate,timeliness_rate.
  public var byStrategy: Table
  /// The same per agency.
  public var byAgency: Table
  /// One row per expected report, then the unexpected ones (`status`'s columns).
  public var rows: Table
  /// What the tables cover, e.g. "2024, as of 2025-03-31".
  public var scope: String

  public init(byStrategy: Table, byAgency: Table, rows: Table, scope: String) {
    self.byStrategy = byStrategy
    self.byAgency = byAgency
    self.rows = rows
    self.scope = scope
  }
}

extension HTMLReport {
  /// The status section: the rates' definitions, the per-strategy table, then the per-agency
  /// table and every row in collapsible blocks (printed expanded).
  func statusSection(_ status: ReportingStatusTables) -> String {
    // The states' badge colours (the report's palette: green, amber, red; grey otherwise).
    var out = "<style>.s-on-time { background: #2e7d32; } .s-late { background: #b07a00; } .s-missing { background: #c62828; }</style>\n"
    out += "<p>\(e(t("範圍：", "Scope: ")))\(e(status.scope))。\(e(t("填報率 = 已收件 ÷ 應收件；準時率 = 準時 ÷ 應收件（應收件 = 準時 + 逾期 + 未交；未到期者不計）。預期外的提交另列，不計入比率，故兩率皆不超過 100%。期限依統計法施行細則第 9 條：年報期滿後 2 個月、半年報 1 個月、季報 20 日、月報 15 日。", "Reporting rate = received ÷ expected; timeliness = on time ÷ expected (expected = on time + late + missing; reports not yet due are left out). Unexpected submissions are listed apart and never counted, so neither rate exceeds 100%. Deadlines follow the Statistics Act Enforcement Rules §9: annual 2 months after the period, half-yearly 1 month, quarterly 20 days, monthly 15 days.")))</p>\n"
    out += statusTable(status.byStrategy)
    out += "<details><summary>\(e(t("各機關", "By agency"))) (\(status.byAgency.rowCount))</summary>\n\(statusTable(status.byAgency))</details>\n"
    out += "<details><summary>\(e(t("逐筆狀況", "Every expected report"))) (\(status.rows.rowCount))</summary>\n\(statusTable(status.rows))</details>\n"
    return out
  }

  /// A table with rates as percentages and states as badges.
  private func statusTable(_ table: Table) -> String {
    var out = "<div class=\"scroll\"><table class=\"data\">\n<thead><tr>"
    for name in table.names { out += "<th scope=\"col\">\(e(name))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for r in 0..<table.rowCount {
      out += "<tr>"
      for column in table.columns {
        switch column[r] {
        case .empty: out += "<td></td>"
        case .text(let s) where column.name == "state": out += "<td><span class=\"badge s-\(e(s))\">\(e(s))</span></td>"
        case .text(let s): out += "<td>\(e(s))</td>"
        case .number(let x) where column.name.hasSuffix("_rate"): out += "<td class=\"num\">\(e(percent(x)))</td>"
        case .number(let x): out += "<td class=\"num\">\(e(NumberFormat.shortestString(x)))</td>"
        case .integer(let n): out += "<td class=\"num\">\(n)</td>"
        case .boolean(let b): out += "<td>\(b ? "true" : "false")</td>"
        }
      }
      out += "</tr>\n"
    }
    return out + "</tbody></table></div>\n"
  }
}
