import IntegrityAgencyData

/// One of the 22 district prosecutors offices (地方檢察署) that report target cases
/// (目標案件) under strategy 8, measure 6 of the National Integrity Building Action Plan.
///
/// Offices are written many ways in agency files: the official name
/// (`臺灣臺北地方檢察署`), its name before the 2018 renaming (`臺灣臺北地方法院檢察署`),
/// the usual short forms (`臺北地方檢察署`, `臺北地檢署`, `臺北地檢`, `臺北`), the
/// two-character abbreviation used inside the prosecution service (`北檢`), and any of
/// these with `台` for `臺`. `init?(recognizing:)` reads them all; `name` prints the
/// one canonical form, the official name (`臺灣臺北地方檢察署`, `福建金門地方檢察署`).
///
/// The order of `all` is the Ministry of Justice's order in its statistical tables
/// (north to south, then the east and the islands); results sort offices in it.
public struct ProsecutorsOffice: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The place name, as in `臺北` (with `臺`, never `台`).
  public let place: String
  /// The province prefix of the official name: `臺灣`, or `福建` for 金門 and 連江.
  public let province: String
  /// The abbreviation used inside the prosecution service (`北檢`, `雄檢`).
  public let abbreviation: String
  /// The position in the Ministry of Justice's table order, 0…21.
  public let order: Int

  /// The canonical (official) name, e.g. `臺灣臺北地方檢察署`.
  public var name: String { province + place + "地方檢察署" }

  /// The short name, e.g. `臺北地檢署`.
  public var shortName: String { place + "地檢署" }

  public var description: String { name }

  public static func < (a: ProsecutorsOffice, b: ProsecutorsOffice) -> Bool { a.order < b.order }

  /// The 22 offices, in the Ministry of Justice's order.
  public static let all: [ProsecutorsOffice] = {
    let table: [(String, String, String)] = [
      ("臺北", "臺灣", "北檢"), ("新北", "臺灣", "新北檢"), ("士林", "臺灣", "士檢"),
      ("桃園", "臺灣", "桃檢"), ("新竹", "臺灣", "竹檢"), ("苗栗", "臺灣", "苗檢"),
      ("臺中", "臺灣", "中檢"), ("南投", "臺灣", "投檢"), ("彰化", "臺灣", "彰檢"),
      ("雲林", "臺灣", "雲檢"), ("嘉義", "臺灣", "嘉檢"), ("臺南", "臺灣", "南檢"),
      ("橋頭", "臺灣", "橋檢"), ("高雄", "臺灣", "雄檢"), ("屏東", "臺灣", "屏檢"),
      ("臺東", "臺灣", "東檢"), ("花蓮", "臺灣", "花檢"), ("宜蘭", "臺灣", "宜檢"),
      ("基隆", "臺灣", "基檢"), ("澎湖", "臺灣", "澎檢"), ("金門", "福建", "金檢"),
      ("連江", "福建", "連檢"),
    ]
    return table.enumerated().map { index, entry in
      ProsecutorsOffice(place: entry.0, province: entry.1, abbreviation: entry.2, order: index)
    }
  }()

  private init(place: String, province: String, abbreviation: String, order: Int) {
    self.place = place
    self.province = province
    self.abbreviation = abbreviation
    self.order = order
  }

  /// Recognises an office from any of its spellings (see the type's documentation);
  /// `nil` when `text` names no district prosecutors office.
  ///
  /// The text is trimmed, `台` is read as `臺`, and spaces inside are ignored. The
  /// office 板橋 (renamed 新北 in 2013) is read as 新北.
  public init?(recognizing text: String) {
    guard let office = ProsecutorsOffice.lookup[ProsecutorsOffice.normalize(text)] else { return nil }
    self = office
  }

  /// The canonical name of `agency` if it names an office, else `agency` trimmed.
  public static func canonicalName(_ agency: String) -> String {
    // Every spelling of an office holds Chinese characters: an ASCII name (an agency
    // code) is only trimmed, byte by byte.
    if agency.utf8.allSatisfy({ $0 < 0x80 }) {
      let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
      let bytes = agency.utf8
      guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
      else { return "" }
      return first == bytes.startIndex && last == bytes.index(before: bytes.endIndex)
        ? agency : String(decoding: bytes[first...last], as: UTF8.self)
    }
    if let office = ProsecutorsOffice(recognizing: agency) { return office.name }
    return trimmed(agency)
  }

  /// Every accepted spelling, normalised, to its office.
  private static let lookup: [String: ProsecutorsOffice] = {
    var map: [String: ProsecutorsOffice] = [:]
    let suffixes = ["", "地方檢察署", "地方法院檢察署", "地檢署", "地檢", "檢察署"]
    for office in all {
      var places = [office.place]
      if office.place == "新北" { places.append("板橋") }
      for place in places {
        for prefix in ["", office.province] {
          for suffix in suffixes { map[prefix + place + suffix] = office }
        }
      }
      map[office.abbreviation] = office
    }
    map["板檢"] = all[1]
    return map
  }()

  /// `text` without leading and trailing white space (ASCII, NBSP, U+3000).
  package static func trimmed(_ text: String) -> String {
    let isSpace: (Character) -> Bool = {
      $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{00A0}" || $0 == "\r" || $0 == "\n"
    }
    guard let first = text.firstIndex(where: { !isSpace($0) }),
      let last = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(text[first...last])
  }

  /// Trims, removes inner spaces (ASCII and U+3000) and reads `台` as `臺`.
  static func normalize(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case " ", "\t", "\u{3000}", "\u{00A0}", "\r", "\n": continue
      case "台": result.unicodeScalars.append("臺")
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

extension ObservationReadOptions {
  /// These options with `ProsecutorsOffice.canonicalName` as the agency-name rule unless one
  /// is set: how every command reads an agency file.
  package var officesCanonical: ObservationReadOptions {
    var options = self
    if options.agencyName == nil { options.agencyName = ProsecutorsOffice.canonicalName }
    return options
  }
}
