/// Text normalisation for matching headers and symbols written by hand in Excel.
public enum TextFolding {
  /// Full-width forms U+FF01…U+FF5E become their ASCII counterparts (`１２` → `12`,
  /// `（千元）` → `(千元)`), the ideographic space U+3000 and no-break space U+00A0
  /// become a space, and U+2212 MINUS SIGN becomes `-` (Unicode's compatibility
  /// decomposition for the full-width block, UAX #11).
  public static func halfWidth(_ text: String) -> String {
    var needs = false
    for u in text.unicodeScalars where u.value >= 0x80 {
      if isFoldable(u.value) {
        needs = true
        break
      }
    }
    guard needs else { return text }
    var out = String.UnicodeScalarView()
    for u in text.unicodeScalars {
      switch u.value {
      case 0xFF01...0xFF5E: out.append(Unicode.Scalar(u.value - 0xFEE0)!)
      case 0x3000, 0x00A0: out.append(" ")
      case 0x2212: out.append("-")
      default: out.append(u)
      }
    }
    return String(out)
  }

  /// Trimmed, half-width, lower-cased: the key headers are matched by.
  public static func key(_ text: String) -> String {
    TextTable.trim(halfWidth(text)).lowercased()
  }

  static func isFoldable(_ v: UInt32) -> Bool {
    (0xFF01...0xFF5E).contains(v) || v == 0x3000 || v == 0x00A0 || v == 0x2212
  }
}
