import IntegrityTables

extension ObservationReader {
  /// The `--rejects` file: the header as written plus a `reason` column, then each
  /// rejected row exactly as written plus its reason (RFC 4180-quoted), LF line ends.
  public static func rejectsFile(_ set: ObservationSet) -> String {
    let d = String(UnicodeScalar(set.delimiter))
    func quoted(_ s: String) -> String {
      let needs = s.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" || String($0) == d }
      return needs ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
    }
    var out = set.headerText + d + "reason\n"
    for row in set.rejected {
      out += row.text + d + quoted(row.reason) + "\n"
    }
    return out
  }
}
