import IntegrityStats

/// `CSVWriter.bytes` as it was before `CSVLineBuffer` (commit 225c94a), verbatim but for
/// the name: the "before" of the CSV output benchmarks.
struct LegacyCSVWriter {
  var numberFormat: NumberFormat = .shortest
  var raw = false

  func bytes(_ table: Table) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(64 * (table.rowCount + 1))
    for (i, column) in table.columns.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      appendText(column.name, to: &out)
    }
    out.append(UInt8(ascii: "\n"))
    for row in 0..<table.rowCount {
      for (i, column) in table.columns.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        appendCell(column[row], to: &out)
      }
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  func appendCell(_ cell: Cell, to out: inout [UInt8]) {
    switch cell {
    case .empty: break
    case .text(let s): appendText(s, to: &out)
    case .number(let x): if let s = numberFormat.string(x) { out += s.utf8 }
    case .integer(let n): out += String(n).utf8
    case .boolean(let b): out += (b ? "true" : "false").utf8
    }
  }

  func appendText(_ text: String, to out: inout [UInt8]) {
    let utf8 = text.utf8
    let guarded = !raw && utf8.first.map { Self.formulaStarters.contains($0) } == true
    let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    if needsQuotes { out.append(0x22) }
    if guarded { out.append(UInt8(ascii: "'")) }
    for byte in utf8 {
      if byte == 0x22 { out.append(0x22) }
      out.append(byte)
    }
    if needsQuotes { out.append(0x22) }
  }

  static let formulaStarters: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
}
