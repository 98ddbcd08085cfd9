import IntegrityIndicators
import IntegrityTables

extension StoredFigure {
  /// `history` columns (DESIGN.md §6): indicator,agency,period,value,file,line,sha256,
  /// received,imported_at,reason. The reason is the row's own (a 修正原因 column), else the
  /// file's (`--reason`).
  public static let historyHeader = [
    "indicator", "agency", "period", "value", "file", "line", "sha256", "received", "imported_at", "reason",
  ]

  /// The history table of `figures`. Values print through `Double` as `tidy` does.
  public static func historyTable(_ figures: [StoredFigure]) -> IntegrityTables.Table {
    IntegrityTables.Table(columns: [
      Column("indicator", text: figures.map { $0.key.indicator.isEmpty ? nil : $0.key.indicator }),
      Column("agency", text: figures.map { $0.key.agency.isEmpty ? nil : $0.key.agency }),
      Column("period", text: figures.map { $0.key.period.description }),
      Column("value", numbers: figures.map { $0.value?.double }),
      Column("file", text: figures.map(\.submission.file)),
      Column("line", integers: figures.map(\.line)),
      Column("sha256", text: figures.map(\.submission.sha256)),
      Column("received", text: figures.map { $0.submission.received.description }),
      Column("imported_at", text: figures.map(\.submission.importedAt)),
      Column("reason", text: figures.map { $0.rowReason ?? $0.submission.reason }),
    ])
  }
}
