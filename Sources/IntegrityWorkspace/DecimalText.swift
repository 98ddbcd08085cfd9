import IntegrityTables
import IntegrityDecimal

/// Exact decimals as the workspace stores them: `DecimalNumber.description` text
/// (`1234.5`, `0.001`, `1000000`), read back without loss. Text rather than REAL so that
/// SQLite never rounds a figure and a user's `SELECT` shows what the agency wrote.
enum DecimalText {
  static func text(_ value: DecimalNumber?) -> String? {
    guard let value else { return nil }
    // Whole numbers (most figures): the same text, without normalising first.
    return value.exponent == 0 ? String(value.significand) : value.description
  }

  /// Parses `[-]digits[.digits]` as written by `text`; nil for anything else.
  static func parse(_ text: String?) -> DecimalNumber? {
    guard let text, !text.isEmpty else { return nil }
    var significand: Int64 = 0
    var exponent: Int32 = 0
    var pendingZeros: Int32 = 0
    var negative = false
    var afterPoint = false
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "-"): negative = true
      case UInt8(ascii: "."): afterPoint = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let digit = Int64(byte - UInt8(ascii: "0"))
        if afterPoint { exponent -= 1 }
        if digit == 0 && !afterPoint {
          pendingZeros += 1
          continue
        }
        // Flush zeros held back (integer part), then the digit.
        for _ in 0..<pendingZeros { significand *= 10 }
        pendingZeros = 0
        significand = significand * 10 + digit
      default: return nil
      }
    }
    if pendingZeros > 0 {
      if significand == 0 { return .zero }
      exponent += pendingZeros
    }
    return DecimalNumber(significand: negative ? -significand : significand, exponent: exponent)
  }
}
