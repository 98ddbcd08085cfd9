/// Picks the delimiter of a file among comma, tab and semicolon.
///
/// Over the first 50 lines (outside quotes) each candidate's field count per line is
/// tallied; the winner is the candidate whose most common count (> 1) is shared by the
/// most lines, ties going to comma, then tab, then semicolon. A file with one column
/// reads as comma-separated.
public enum DelimiterDetector {
  public static let candidates: [UInt8] = [UInt8(ascii: ","), 0x09, UInt8(ascii: ";")]

  public static func detect(_ text: [UInt8]) -> UInt8 {
    var counts: [[Int]] = Array(repeating: [], count: candidates.count)
    var current = [Int](repeating: 1, count: candidates.count)
    var inQuotes = false
    var lines = 0
    var i = 0
    var lineHasContent = false
    while i < text.count && lines < 50 {
      let b = text[i]
      if b == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if !inQuotes && (b == 0x0A || b == 0x0D) {
        if lineHasContent {
          for c in 0..<candidates.count { counts[c].append(current[c]) }
          lines += 1
        }
        current = [Int](repeating: 1, count: candidates.count)
        lineHasContent = false
      } else if !inQuotes, let c = candidates.firstIndex(of: b) {
        current[c] += 1
      }
      if b != 0x0A && b != 0x0D { lineHasContent = true }
      i += 1
    }
    if lineHasContent && lines < 50 { for c in 0..<candidates.count { counts[c].append(current[c]) } }
    var best = 0
    var bestScore = 0
    for c in 0..<candidates.count {
      var tally: [Int: Int] = [:]
      for k in counts[c] where k > 1 { tally[k, default: 0] += 1 }
      let score = tally.values.max() ?? 0
      if score > bestScore {
        best = c
        bestScore = score
      }
    }
    return candidates[best]
  }
}
