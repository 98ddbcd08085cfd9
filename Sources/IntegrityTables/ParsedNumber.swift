import IntegrityDecimal

/// What a cell holds when read as a number.
public enum ParsedNumber: Sendable, Equatable {
  /// A figure, exact as written; `revised` when it carried a trailing `r`.
  case number(DecimalNumber, revised: Bool)
  /// Not available: empty, `…`, `...`, `NA`, `N/A`, `缺`.
  case missing
  /// A dash (`-`, `－`, `—`, `–`): "none", i.e. zero, in MOJ's and DGBAS's legend
  /// (a file may define it as missing instead: `--dash missing`).
  case dash
  /// Anything else.
  case invalid

  /// The figure, with a dash read as zero when `dashMeansZero`; nil when missing or invalid.
  public func value(dashMeansZero: Bool = true) -> DecimalNumber? {
    switch self {
    case .number(let d, _): d
    case .dash: dashMeansZero ? .zero : nil
    case .missing, .invalid: nil
    }
  }
}
