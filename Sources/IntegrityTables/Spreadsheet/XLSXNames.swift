/// The SpreadsheetML element and attribute names the .xlsx handlers read, in the
/// transitional namespace (what Excel and LibreOffice write) and the strict one
/// (ISO/IEC 29500 strict); `id % XLSXNames.allCases.count` is the name either way.
enum XLSXNames: Int, CaseIterable {
  // elements (SpreadsheetML main namespace)
  case row, c, v, f, isElement, t, r, rPh, si, sheet, workbookPr, numFmt, cellXfs, xf, mergeCell, sheetData
  // unprefixed attributes
  case attrR, attrT, attrS, attrName, attrNumFmtId, attrFormatCode, attrRef, attrDate1904, attrId, attrTarget,
    attrType
  // the relationship id on <sheet r:id="…">
  case relationshipId
  // <Relationship> in .rels parts (package relationships namespace)
  case relationship

  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
  static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let strictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships"
  static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

  private func name(strict: Bool) -> (namespace: String, local: String) {
    let ns = strict ? XLSXNames.strict : XLSXNames.main
    switch self {
    case .row: return (ns, "row")
    case .c: return (ns, "c")
    case .v: return (ns, "v")
    case .f: return (ns, "f")
    case .isElement: return (ns, "is")
    case .t: return (ns, "t")
    case .r: return (ns, "r")
    case .rPh: return (ns, "rPh")
    case .si: return (ns, "si")
    case .sheet: return (ns, "sheet")
    case .workbookPr: return (ns, "workbookPr")
    case .numFmt: return (ns, "numFmt")
    case .cellXfs: return (ns, "cellXfs")
    case .xf: return (ns, "xf")
    case .mergeCell: return (ns, "mergeCell")
    case .sheetData: return (ns, "sheetData")
    case .attrR: return ("", "r")
    case .attrT: return ("", "t")
    case .attrS: return ("", "s")
    case .attrName: return ("", "name")
    case .attrNumFmtId: return ("", "numFmtId")
    case .attrFormatCode: return ("", "formatCode")
    case .attrRef: return ("", "ref")
    case .attrDate1904: return ("", "date1904")
    case .attrId: return ("", "Id")
    case .attrTarget: return ("", "Target")
    case .attrType: return ("", "Type")
    case .relationshipId:
      return (strict ? XLSXNames.strictRelationships : XLSXNames.officeRelationships, "id")
    case .relationship: return (XLSXNames.packageRelationships, "Relationship")
    }
  }

  /// Both spellings of every name; unprefixed attributes appear once per half too
  /// (the second copy is never matched, the first wins in the table).
  static let vocabulary = XMLVocabulary(
    allCases.map { $0.name(strict: false) } + allCases.map { $0.name(strict: true) })

  /// The name of an id from `vocabulary` (nil for names not asked for).
  @inline(__always) static func of(_ id: Int) -> XLSXNames? {
    id < 0 ? nil : XLSXNames(rawValue: id % allCases.count)
  }

  @inline(__always) var id: Int { rawValue }
}

extension XMLAttributes {
  /// The value of `name` in either namespace half of `XLSXNames.vocabulary`.
  func value(_ name: XLSXNames) -> ArraySlice<UInt8>? {
    value(name.rawValue) ?? value(name.rawValue + XLSXNames.allCases.count)
  }

  func string(_ name: XLSXNames) -> String? { value(name).map { String(decoding: $0, as: UTF8.self) } }

  func integer(_ name: XLSXNames) -> Int? {
    guard let v = value(name), !v.isEmpty, v.count <= 18, v.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      return nil
    }
    return v.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }
}
