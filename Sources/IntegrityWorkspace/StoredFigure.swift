import IntegrityIndicators
import IntegrityTables
import IntegrityDecimal
import IntegrityAgencyData

/// One value a figure had, as the workspace stores it, with its provenance.
public struct StoredFigure: Sendable, Equatable {
  public var key: FigureKey
  public var value: DecimalNumber?
  public var target: DecimalNumber?
  public var sampleSize: DecimalNumber?
  public var unit: String?
  public var direction: Direction?
  /// The source figure carried a trailing `r`.
  public var revisedFlag: Bool
  /// The source line (1-based).
  public var line: Int
  /// The row's own reason (a 修正原因/備註 column), else nil (the file's reason applies).
  public var rowReason: String?
  /// Provenance of the submission that gave this value.
  public var submission: SubmissionInfo

  /// The figure as the reader's `Observation`.
  public var observation: Observation {
    Observation(
      indicator: key.indicator.isEmpty ? nil : key.indicator, agency: key.agency.isEmpty ? nil : key.agency,
      period: key.period, value: value, target: target, sampleSize: sampleSize, unit: unit,
      direction: direction, revised: revisedFlag, line: line)
  }
}

/// One imported file.
public struct SubmissionInfo: Sendable, Equatable {
  public var id: Int64
  public var file: String
  public var sha256: String
  public var format: String
  public var encoding: String?
  public var received: CalendarDate
  /// `YYYY-MM-DDTHH:MM:SSZ`.
  public var importedAt: String
  public var reason: String?

  public init(
    id: Int64, file: String, sha256: String, format: String, encoding: String?, received: CalendarDate,
    importedAt: String, reason: String?
  ) {
    self.id = id
    self.file = file
    self.sha256 = sha256
    self.format = format
    self.encoding = encoding
    self.received = received
    self.importedAt = importedAt
    self.reason = reason
  }
}
