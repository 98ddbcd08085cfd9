import Foundation
import IntegrityModels
import TestSupport

/// Reads the reference CSVs written by Tests/Fixtures/reference/make_trends.py (no quoting
/// needed: every field is a name or a number; an empty field is a missing value).
struct TrendReferenceTable {
  var header: [String]
  var rows: [[String]]

  init(_ relative: String) throws {
    let text = try String(contentsOfFile: fixturePath(relative), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    rows = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  /// The rows as dictionaries from column name to text.
  var records: [[String: String]] {
    rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }
}

extension Dictionary where Key == String, Value == String {
  /// The number in column `name` (nil when empty).
  func trendNumber(_ name: String) -> Double? {
    guard let text = self[name], !text.isEmpty else { return nil }
    return Double(text)
  }
  func trendInt(_ name: String) -> Int { Int(Double(self[name]!)!) }
}

/// The fixture series (Tests/Fixtures/trends/series.csv), by name.
func trendFixtureSeries() throws -> [String: TrendSeries] {
  let table = try TrendReferenceTable("trends/series.csv")
  var years = [String: [Int]](), values = [String: [Double]]()
  for r in table.records {
    years[r["indicator"]!, default: []].append(r.trendInt("year"))
    values[r["indicator"]!, default: []].append(r.trendNumber("value")!)
  }
  return years.mapValues { _ in TrendSeries(years: [], values: []) }.reduce(into: [:]) { out, item in
    out[item.key] = TrendSeries(years: years[item.key]!, values: values[item.key]!)
  }
}

/// Relative closeness with a message naming the case and the field.
func trendClose(_ computed: Double?, _ reference: Double?, _ relative: Double, _ what: String) -> (Bool, String) {
  (isClose(computed, reference, relative: relative),
   "\(what): computed \(computed.map { "\($0)" } ?? "nil"), reference \(reference.map { "\($0)" } ?? "nil")")
}
