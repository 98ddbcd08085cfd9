/// The character encoding of an input file.
///
/// `auto`: a UTF-16 byte order mark → UTF-16; a UTF-8 byte order mark
/// or valid UTF-8 → UTF-8; anything else → Big5 (Microsoft code page 950, glibc's
/// `CP950`), decoded strictly: an invalid byte is an error naming its byte offset.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, Codable {
  case auto
  case utf8 = "utf-8"
  case big5
  case utf16 = "utf-16"

  /// Parses a user's spelling: `auto`, `utf-8`/`utf8`, `big5`/`cp950`, `utf-16`/`utf16`.
  public init?(name: String) {
    switch name.lowercased() {
    case "auto": self = .auto
    case "utf-8", "utf8": self = .utf8
    case "big5", "cp950", "big-5": self = .big5
    case "utf-16", "utf16", "utf-16le", "utf-16be": self = .utf16
    default: return nil
    }
  }
}
