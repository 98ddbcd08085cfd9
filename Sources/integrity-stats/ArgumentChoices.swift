import ArgumentParser
import IntegrityStats

// Closed choices as `ExpressibleByArgument`: `help` lists the allowed values, completion
// scripts offer them, and a value outside the set is a usage error (exit 64) whose message
// lists them. The library's enums conform here, in the CLI (same package, so no `@retroactive`); spellings the
// commands accepted as strings before (utf8, 正向, ';' …) are still accepted.

/// A closed choice spelled by its `String` raw values. Its `allValueStrings` maps the cases
/// with a closure: ArgumentParser's default maps a key path with generic components,
/// which the runtime instantiates on every call (~57,000 instructions; 72 calls, ~4 M
/// instructions, before `achievement` reads its first byte).
protocol ClosedChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ClosedChoice {
  public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
}

extension Aggregation: ClosedChoice {}
extension DuplicatePolicy: ClosedChoice {}
extension TargetPeriod: ClosedChoice {}
extension TargetCaseRule.Combination: ClosedChoice {}

extension Direction: ClosedChoice {
  /// The canonical names, and agencies' spellings (正向, 負向, higher, ↓ …) through
  /// `Direction(parsing:)`.
  public init?(argument: String) { self.init(parsing: argument) }
}

extension TextEncoding: ClosedChoice {
  /// auto, utf-8/utf8, big5/cp950, utf-16/utf16 through `TextEncoding(name:)`.
  public init?(argument: String) { self.init(name: argument) }
}

/// `--delimiter`: the field separators a reader accepts.
enum DelimiterOption: String, ClosedChoice {
  case comma, semicolon, tab, pipe

  /// The name, or the character itself (`,` `;` `|`, a tab or `\t`).
  init?(argument: String) {
    switch argument {
    case ",", "comma": self = .comma
    case ";", "semicolon": self = .semicolon
    case "\t", "\\t", "tab", "TAB": self = .tab
    case "|", "pipe": self = .pipe
    default: return nil
    }
  }

  /// The separator byte.
  var byte: UInt8 {
    switch self {
    case .comma: UInt8(ascii: ",")
    case .semicolon: UInt8(ascii: ";")
    case .tab: 0x09
    case .pipe: UInt8(ascii: "|")
    }
  }
}
