import Foundation

// Foundation's `localizedDescription` of a Swift error that is not a `LocalizedError`
// is "The operation could not be completed"; a client embedding the library gets the
// same located message the command-line tool prints.

extension DataError: LocalizedError {
  public var errorDescription: String? { description }
}

extension InputError: LocalizedError {
  public var errorDescription: String? { description }
}

extension OutputError: LocalizedError {
  public var errorDescription: String? { description }
}
