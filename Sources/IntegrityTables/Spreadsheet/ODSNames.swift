/// The OpenDocument (ISO/IEC 26300, ODF 1.2/1.3) names the .ods handler reads.
enum ODSNames: Int, CaseIterable {
  case table, tableRow, tableCell, coveredCell, p, s, tab, lineBreak, annotation
  case name, rowsRepeated, columnsRepeated, columnsSpanned, rowsSpanned, formula
  case valueType, value, dateValue, booleanValue, stringValue, calcValueType, spaceCount

  static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  static let tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  static let calcext = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

  var name: (namespace: String, local: String) {
    switch self {
    case .table: return (ODSNames.tableNS, "table")
    case .tableRow: return (ODSNames.tableNS, "table-row")
    case .tableCell: return (ODSNames.tableNS, "table-cell")
    case .coveredCell: return (ODSNames.tableNS, "covered-table-cell")
    case .p: return (ODSNames.text, "p")
    case .s: return (ODSNames.text, "s")
    case .tab: return (ODSNames.text, "tab")
    case .lineBreak: return (ODSNames.text, "line-break")
    case .annotation: return (ODSNames.office, "annotation")
    case .name: return (ODSNames.tableNS, "name")
    case .rowsRepeated: return (ODSNames.tableNS, "number-rows-repeated")
    case .columnsRepeated: return (ODSNames.tableNS, "number-columns-repeated")
    case .columnsSpanned: return (ODSNames.tableNS, "number-columns-spanned")
    case .rowsSpanned: return (ODSNames.tableNS, "number-rows-spanned")
    case .formula: return (ODSNames.tableNS, "formula")
    case .valueType: return (ODSNames.office, "value-type")
    case .value: return (ODSNames.office, "value")
    case .dateValue: return (ODSNames.office, "date-value")
    case .booleanValue: return (ODSNames.office, "boolean-value")
    case .stringValue: return (ODSNames.office, "string-value")
    case .calcValueType: return (ODSNames.calcext, "value-type")
    case .spaceCount: return (ODSNames.text, "c")
    }
  }

  static let vocabulary = XMLVocabulary(allCases.map(\.name))
}
