import ArgumentParser
import IntegrityStats

// Closed choices as `ExpressibleByArgument`: `help` lists the allowed values, completion
// scripts offer them, and a value outside the set is a usage error (exit 64) whose message
// lists them. The library's enums conform here, in the CLI (same package, so no `@retroactive`); spellings the
// commands accepted as strings before (utf8, 正向, ';' …) are still accepted.

extension Aggregation: ExpressibleByArgument {}
extension DuplicatePolicy: ExpressibleByArgument {}
extension TargetPeriod: ExpressibleByArgument {}
extension TargetCaseRule.Combination: ExpressibleByArgument {}

extension Direction: ExpressibleByArgument {
  /// The canonical names, and agencies' spellings (正向, 負向, higher, ↓ …) through
  /// `Direction(parsing:)`.
  public init?(argument: String) { self.init(parsing: argument) }
}

extension TextEncoding: ExpressibleByArgument {
  /// auto, utf-8/utf8, big5/cp950, utf-16/utf16 through `TextEncoding(name:)`.
  public init?(argument: String) { self.init(name: argument) }
}

/// `--delimiter`: the field separators a reader accepts.
enum DelimiterOption: String, ExpressibleByArgument, CaseIterable {
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
