import Foundation
import IntegrityTables

/// Why a column map (`value=起訴件數,year=年度`: canonical column = header) cannot be read.
/// The library states the reason; a caller words it for its own interface (the command
/// line prefixes its flag, `--columns: …`, and exits 64).
public enum ColumnMapError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  /// An entry without `=`.
  case missingEquals(entry: String)
  /// The left side names no canonical column; `allowed` lists them.
  case unknownColumn(name: String, allowed: [String])

  public var description: String {
    switch self {
    case .missingEquals(let entry):
      "expected CANONICAL=HEADER, found \"\(MessageText.escaped(entry))\""
    case .unknownColumn(let name, let allowed):
      "\"\(MessageText.escaped(name))\" is not a canonical column (one of \(allowed.joined(separator: ", ")))"
    }
  }

  public var errorDescription: String? { description }
}
