import IntegrityDecimal

extension DecimalNumber: LosslessStringConvertible {
  /// A plain decimal number written as text — `1234.5`, `-0.001`, `+7`, `1.5e-3` —
  /// exactly, or `nil`. Agency spellings (thousands separators, full-width digits, units,
  /// `%`, `－`, `…`, a revised `r`) are `NumberParser`'s job, not this initialiser's;
  /// text that would lose a digit (more than 18 significant ones) gives `nil` too.
  ///
  ///     DecimalNumber("1234.5")?.description   // "1234.5"
  ///     DecimalNumber("1,234")                 // nil
  public init?(_ description: String) {
    let plain = description.utf8.allSatisfy { byte in
      (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
    var percentSign = false, exact = true
    let bytes = Array(description.utf8)
    guard plain, !bytes.isEmpty,
      case .number(let value, revised: false) = NumberParser.parse(
        bytes: bytes[...], percentSign: &percentSign, exact: &exact),
      exact
    else { return nil }
    self = value
  }
}
