/// Escaping and number text for SVG and HTML output (internal helpers).
enum Markup {
  /// `text` with `& < > " '` replaced by entities, and control characters other than
  /// tab/newline removed (they are not allowed in XML 1.0), so it is safe both as element
  /// content and inside a double- or single-quoted attribute.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A coordinate rounded to 0.01 px, printed in shortest form (`12`, `12.5`, `-3.25`).
  static func coordinate(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    if r == 0 { return "0" }
    if r == r.rounded() && abs(r) < 1e15 { return String(Int64(r)) }
    return String(r)
  }

  /// Approximate advance width of `text` at `fontSize` px: CJK and full-width characters
  /// one em, other characters 0.6 em (close for Noto Sans CJK's Latin glyphs).
  static func textWidth(_ text: String, fontSize: Double) -> Double {
    var em = 0.0
    for scalar in text.unicodeScalars {
      em += scalar.value >= 0x2E80 ? 1.0 : 0.6
    }
    return em * fontSize
  }

  /// `text` cut to fit `width` px at `fontSize`, ending with `…` when cut.
  static func truncate(_ text: String, width: Double, fontSize: Double) -> String {
    if textWidth(text, fontSize: fontSize) <= width { return text }
    var out = ""
    var used = fontSize  // room for the ellipsis
    for character in text {
      let w = textWidth(String(character), fontSize: fontSize)
      if used + w > width { break }
      out.append(character)
      used += w
    }
    return out + "…"
  }
}
