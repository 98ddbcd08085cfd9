import Foundation
import IntegrityTables

/// An input file named on the report, with the SHA-256 of its bytes (FIPS 180-4, `SHA256`)
/// so that a reader can check the report was made from the file they hold.
public struct SourceFile: Sendable, Equatable, ExpressibleByStringLiteral {
  /// The name as given to the command (a path, or `-` for standard input).
  public var name: String
  /// 64 lower-case hex digits; nil when the bytes could not be read again (standard input).
  public var sha256: String?

  public init(name: String, sha256: String? = nil) {
    self.name = name
    self.sha256 = sha256
  }

  public init(stringLiteral name: String) { self.init(name: name) }

  /// The file at `path` with the digest of its current bytes. The digest is nil when the
  /// path is not a regular file (standard input, a pipe or a device: their bytes were consumed
  /// by the reader and reading again would hash something else) or cannot be read.
  public init(path: String, name: String? = nil) {
    let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    let bytes = type == .typeRegular ? FileManager.default.contents(atPath: path) : nil
    self.init(name: name ?? path, sha256: bytes.map { SHA256.hex([UInt8]($0)) })
  }
}
