import IntegrityStats

/// Row data for the CSV output benchmarks, as a command holds it before rendering:
/// interned names (indices into small name lists), integers, doubles, flags. Seeded.
struct OutputRows: Sendable {
  static let header = ["agency", "indicator", "year", "ratio", "expected_rate", "status", "partial"]
  static let agencies = (1...60).map { "臺灣第\($0)地方檢察署" } + ["法務部廉政署", "=formula, with comma"]
  static let indicators = (1...40).map { "\($0 / 10)-\($0 % 10) 財產申報及利益衝突迴避宣導說明會場次" } + ["說明會, \"座談\""]
  static let statuses = ["achieved", "not-achieved", "on-track", "behind"]

  var agency: [Int] = []
  var indicator: [Int] = []
  var year: [Int] = []
  var ratio: [Double?] = []
  var expectedRate: [Double?] = []
  var status: [Int] = []
  var partial: [Bool] = []

  init(count: Int, seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<count {
      agency.append(Int.random(in: 0..<Self.agencies.count, using: &rng))
      indicator.append(Int.random(in: 0..<Self.indicators.count, using: &rng))
      year.append(Int.random(in: 2010...2030, using: &rng))
      // A quotient of counts (full 17-digit text), sometimes missing or integral.
      let actual = Double(Int.random(in: 0...500, using: &rng))
      let target = Double(Int.random(in: 0...120, using: &rng))
      ratio.append(target == 0 ? nil : actual / target)
      expectedRate.append(Double(Int.random(in: 1...4, using: &rng)) / 4)  // 0.25 … 1
      status.append(Int.random(in: 0..<Self.statuses.count, using: &rng))
      partial.append(Int.random(in: 0..<10, using: &rng) == 0)
    }
  }

  /// Rows for a benchmark, after checking once that the three ways give the same bytes.
  static func checked(count: Int) -> OutputRows {
    let rows = OutputRows(count: count, seed: 42)
    let table = rows.table()
    let legacy = LegacyCSVWriter().bytes(table)
    precondition(CSVWriter().bytes(table) == legacy, "CSVWriter differs from the legacy writer")
    for interned in [true, false] {
      var streamed: [UInt8] = []
      rows.write(interned: interned) { streamed += $0 }
      precondition(streamed == legacy, "CSVLineBuffer differs from the legacy writer")
    }
    return rows
  }

  /// The rows as a `Table`, as the commands build it today.
  func table() -> Table {
    Table(columns: [
      Column(Self.header[0], text: agency.map { Self.agencies[$0] }),
      Column(Self.header[1], text: indicator.map { Self.indicators[$0] }),
      Column(Self.header[2], integers: year),
      Column(Self.header[3], numbers: ratio),
      Column(Self.header[4], numbers: expectedRate),
      Column(Self.header[5], text: status.map { Self.statuses[$0] }),
      Column(Self.header[6], booleans: partial),
    ])
  }

  /// The rows through `CSVLineBuffer`, handed to `sink` every 4 MB and at the end; the
  /// names `interned` (escaped once) or each written with `text(_:)`.
  func write(interned: Bool = true, _ sink: ([UInt8]) -> Void) {
    var csv = CSVLineBuffer(reservingCapacity: 4 << 20 + 4096)
    let agencyBase = csv.intern(Self.agencies).lowerBound
    let indicatorBase = csv.intern(Self.indicators).lowerBound
    let statusBase = csv.intern(Self.statuses).lowerBound
    csv.header(Self.header)
    for row in agency.indices {
      if interned {
        csv.interned(agencyBase + agency[row])
        csv.interned(indicatorBase + indicator[row])
      } else {
        csv.text(Self.agencies[agency[row]])
        csv.text(Self.indicators[indicator[row]])
      }
      csv.integer(year[row])
      csv.number(ratio[row])
      csv.number(expectedRate[row])
      if interned {
        csv.interned(statusBase + status[row])
      } else {
        csv.text(Self.statuses[status[row]])
      }
      csv.boolean(partial[row])
      csv.endLine()
      if csv.count >= 4 << 20 {
        sink(csv.bytes)
        csv.removeAll()
      }
    }
    sink(csv.bytes)
  }
}
