/// A note or warning for the user, with the ``Remedy`` it ends with, if any.
///
/// The library words the remedy itself (``description``); a caller with its own
/// controls words it with ``described(remedy:)``, as the command-line tool does with its
/// flags. A notice is written like a string (`notes.append("\(file): …")`) when it
/// suggests nothing.
public struct Notice: Equatable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation,
  Codable
{
  /// What happened, without the remedy.
  public var text: String
  /// What the caller can change, when there is something.
  public var remedy: Remedy?

  public init(_ text: String, remedy: Remedy? = nil) {
    self.text = text
    self.remedy = remedy
  }

  public init(stringLiteral text: String) {
    self.init(text)
  }

  public init(stringInterpolation: DefaultStringInterpolation) {
    self.init(String(stringInterpolation: stringInterpolation))
  }

  /// `text; remedy`, the remedy worded by `wording` (without a remedy: `text`).
  public func described(remedy wording: (Remedy) -> String) -> String {
    guard let remedy else { return text }
    return "\(text); \(wording(remedy))"
  }

  /// The notice with the library's wording of its remedy.
  public var description: String { described(remedy: \.description) }

  /// A notice encodes as its ``description``, one string (a decoded notice has no
  /// separate remedy).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }
}
