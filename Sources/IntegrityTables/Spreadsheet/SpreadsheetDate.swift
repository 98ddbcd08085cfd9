/// Dates as spreadsheets store them, printed ISO `YYYY-MM-DD` (Gregorian).
///
/// .xlsx stores a date as a number, days since an epoch, and only its number format
/// says it is a date. Two systems (ECMA-376 Part 1, §18.17.4.1):
/// - 1900 (the default): serial 1 = 1900-01-01. Serial 60 is 1900-02-29, a day that
///   never was, kept from Lotus 1-2-3; from 61 on, serial s is 1899-12-30 + s days.
/// - 1904 (`<workbookPr date1904="1"/>`, old Mac workbooks): serial 0 = 1904-01-01.
/// A time of day (the fraction) is dropped.
///
/// Date formats (`isDateFormat`): the built-in ids 14–22, 27–36, 45–47 and 50–58
/// (ECMA-376 §18.8.30 and the East Asian ids; in zh-TW 27–29, 36, 50–58 are ROC-year
/// formats such as `[$-404]e/m/d`), and any custom format with a y, m, d or e (era
/// year) outside quotes, brackets and escapes — `"民國"e"年"m"月"d"日"` is one. `General`
/// and the exponent of `0.00E+00` are not; a format made of h, m and s alone is a time.
enum SpreadsheetDate {
  static func isBuiltInDate(_ id: Int) -> Bool {
    (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
  }

  /// A number format that shows a percentage: built-in 9 (`0%`) and 10 (`0.00%`), or a
  /// `%` outside quotes, brackets and escapes (and not a date format).
  static func isPercentFormat(id: Int, code: String?) -> Bool {
    guard let code else { return id == 9 || id == 10 }
    var inQuotes = false
    var inBrackets = false
    var escaped = false
    for c in code.unicodeScalars {
      if escaped {
        escaped = false
        continue
      }
      switch c {
      case "\"" where !inBrackets: inQuotes.toggle()
      case "[" where !inQuotes: inBrackets = true
      case "]" where !inQuotes: inBrackets = false
      case "\\", "_", "*": if !inQuotes && !inBrackets { escaped = true }
      case "%" where !inQuotes && !inBrackets: return !isDateFormat(code)
      default: break
      }
    }
    return false
  }

  static func isDateFormat(_ code: String) -> Bool {
    var sawDate = false
    var sawMonthOrMinute = false
    var sawTime = false
    var chars = Array(code.lowercased().unicodeScalars)
    // "General" is a keyword, not the letters e, e and a.
    if code.lowercased().hasPrefix("general") { chars.removeFirst(7) }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      switch c {
      case "\"":
        i += 1
        while i < chars.count && chars[i] != "\"" { i += 1 }
      case "[":
        while i < chars.count && chars[i] != "]" { i += 1 }
      case "\\", "_", "*":
        i += 1
      case "y", "d":
        sawDate = true
      case "e":
        let next = i + 1 < chars.count ? chars[i + 1] : " "
        if next != "+" && next != "-" { sawDate = true }
      case "m":
        sawMonthOrMinute = true
      case "h", "s":
        sawTime = true
      default:
        break
      }
      i += 1
    }
    return sawDate || (sawMonthOrMinute && !sawTime)
  }

  /// `serial` in the 1900 or 1904 system as `YYYY-MM-DD`; nil outside 0 ..< 2958466
  /// (the spreadsheet range, up to 9999-12-31).
  static func iso(serial: Double, date1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    let day = Int(serial.rounded(.down))
    let daysSince1970: Int
    if date1904 {
      daysSince1970 = day + civilDays(year: 1904, month: 1, day: 1)
    } else if day == 60 {
      return "1900-02-29"
    } else if day < 60 {
      daysSince1970 = day + civilDays(year: 1899, month: 12, day: 31)
    } else {
      daysSince1970 = day + civilDays(year: 1899, month: 12, day: 30)
    }
    let (y, m, d) = civil(daysSince1970)
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
  }

  private static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
  }

  /// Days from 1970-01-01 (Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms").
  static func civilDays(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  static func civil(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
