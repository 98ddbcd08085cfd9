/// A linear-algebra failure caused by the data (exit 65), never by our own arguments:
/// those are programming errors and trap.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A LAPACK routine reported `info > 0` (singular factor, no convergence).
  /// The corresponding LAPACK status is the routine's positive INFO.
  case routine(String, info: Int)
  /// A system has no usable solution (e.g. every column aliased, no rows).
  case degenerate(String)
  /// A value was not finite where a finite one was required.
  case notFinite(String)
  /// The linear algebra library (OpenBLAS, opened on first use: `OpenBLAS`) could not
  /// be opened; the text says what was tried.
  case unavailable(String)

  public var description: String {
    switch self {
    case .routine(let name, let info): "LAPACK \(name) failed (info = \(info))"
    case .degenerate(let what): what
    case .notFinite(let what): "\(what) is not finite"
    case .unavailable(let what): what
    }
  }
}
