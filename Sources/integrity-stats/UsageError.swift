import IntegrityStats

/// A request that cannot be carried out as asked (exit 64): an unknown option value,
/// contradictory options, `--rejects` naming the input. It belongs to the command line:
/// the library throws typed reasons (`ColumnMapError`, `DataError`, …) and the tool
/// words them with its flags. Problems found in the data are `DataError`s (exit 65).
struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { MessageText.escaped(message) }
}
