import IntegrityTables
import IntegrityDecimal

/// One figure an agency reported: the canonical long form every command reads.
///
/// `tidy` prints exactly these fields:
/// indicator,agency,year,quarter,month,value,target,n,unit,direction,revised,line.
/// Values are exact decimals in base units (元, persons, cases; a percentage stays
/// in percent, with `unit` "%"); `nil` is "not available" (`…`, empty, NA), while a
/// dash (`－`, "none") has been read as zero unless `ObservationReadOptions.dashMeansMissing`.
public struct Observation: Sendable, Equatable {
  /// The indicator (績效指標), e.g. a catalog target id `8-5` or a name.
  public var indicator: String?
  /// The reporting agency (辦理機關 / 地檢署), in canonical spelling when known.
  public var agency: String?
  /// The period reported.
  public var period: Period
  /// The actual figure (實際值), exact; `nil` when not available.
  public var value: DecimalNumber?
  /// The target (目標值), exact; `nil` when none was given.
  public var target: DecimalNumber?
  /// The sample size (樣本數), for survey proportions.
  public var sampleSize: DecimalNumber?
  /// The unit after scaling to base units (`元`, `件`, `%`, …), if known.
  public var unit: String?
  /// The indicator direction, when the file states it.
  public var direction: Direction?
  /// True when the figure carried a trailing `r` (revised).
  public var revised: Bool
  /// The 1-based line of the source file the figure came from.
  public var line: Int

  public init(
    indicator: String? = nil, agency: String? = nil, period: Period,
    value: DecimalNumber?, target: DecimalNumber? = nil, sampleSize: DecimalNumber? = nil,
    unit: String? = nil, direction: Direction? = nil, revised: Bool = false, line: Int = 0
  ) {
    self.indicator = indicator
    self.agency = agency
    self.period = period
    self.value = value
    self.target = target
    self.sampleSize = sampleSize
    self.unit = unit
    self.direction = direction
    self.revised = revised
    self.line = line
  }
}

/// Which way an indicator should move (指標方向).
public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
  /// Higher is better (正向): ratio = actual / target.
  case increase
  /// Lower is better (負向): ratio = target / actual.
  case decrease
  /// The target is zero events (零發生): achieved iff actual = 0.
  case zero
  /// Done or not done (里程碑): achieved iff done.
  case milestone

  /// A one-byte code (1–4; 0 stands for "none" in `ObservationRow.direction`).
  public var code: UInt8 {
    switch self {
    case .increase: 1
    case .decrease: 2
    case .zero: 3
    case .milestone: 4
    }
  }

  /// The direction of `code`; nil for 0 or an unknown code.
  public init?(code: UInt8) {
    switch code {
    case 1: self = .increase
    case 2: self = .decrease
    case 3: self = .zero
    case 4: self = .milestone
    default: return nil
    }
  }
}
