/// A cell's A1 reference: column letters (A…Z, AA…, XFD = 16384) and a 1-based row.
public enum CellReference {
  /// `1` → `A`, `27` → `AA`, `16384` → `XFD`.
  public static func columnLetters(_ column: Int) -> String {
    var n = column
    var letters: [UInt8] = []
    while n > 0 {
      n -= 1
      letters.append(UInt8(ascii: "A") + UInt8(n % 26))
      n /= 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  /// `D7` for column 4, row 7.
  public static func name(column: Int, row: Int) -> String { "\(columnLetters(column))\(row)" }

  /// The 1-based (column, row) of an A1 reference such as `D7` or `$D$7`; a missing
  /// part is nil (`D` has no row; a row alone, `7`, no column).
  static func parse<C: Collection<UInt8>>(_ text: C) -> (column: Int?, row: Int?) {
    var column = 0
    var row = 0
    var sawColumn = false
    var sawRow = false
    for b in text {
      switch b {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        guard !sawRow, column < 1 << 24 else { return (nil, nil) }
        column = column * 26 + Int(b - UInt8(ascii: "A") + 1)
        sawColumn = true
      case UInt8(ascii: "a")...UInt8(ascii: "z"):
        guard !sawRow, column < 1 << 24 else { return (nil, nil) }
        column = column * 26 + Int(b - UInt8(ascii: "a") + 1)
        sawColumn = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard row < 1 << 40 else { return (nil, nil) }
        row = row * 10 + Int(b - UInt8(ascii: "0"))
        sawRow = true
      case UInt8(ascii: "$"):
        continue
      default:
        return (nil, nil)
      }
    }
    return (sawColumn ? column : nil, sawRow ? row : nil)
  }
}
