import Testing
@testable import IntegrityCharts

@Suite("Chart limits")
struct ChartLimitTests {
  @Test("limitingBars keeps the lowest and highest by the latest year, statuses ranking bars without a ratio")
  func bars() {
    var points: [ChartPoint] = []
    // a: high then low (latest low); b: low then high (latest high); c, d middling; e no ratio behind; f no ratio achieved
    for (name, ys) in [("a", [2.0, 0.1]), ("b", [0.1, 2.0]), ("c", [1.0, 1.0]), ("d", [1.1, 1.1])] {
      for (i, y) in ys.enumerated() { points.append(ChartPoint(series: name, x: Double(2023 + i), y: y, kind: .observed)) }
    }
    points.append(ChartPoint(series: "e", x: 2024, y: nil, kind: .observed, status: "behind"))
    points.append(ChartPoint(series: "f", x: 2024, y: nil, kind: .observed, status: "achieved"))
    points.append(ChartPoint(series: "目標", x: 2024, y: 1, kind: .target))
    let data = ChartData(kind: .achievement, points: points, yMeasure: .ratio)
    let (limited, shown, total) = data.limitingBars(to: 4)
    #expect((shown, total) == (4, 6))
    #expect(limited.seriesNames == ["a", "b", "e", "f", "目標"])  // lowest: e, a; highest: f, b
    #expect(data.limitingBars(to: 6).data == data)
  }

  @Test("limitingPanels keeps the lowest and highest by the latest value, and the shared reference")
  func panels() {
    var points: [ChartPoint] = []
    for (k, last) in [0.2, 0.9, 0.5, 1.4, 0.1].enumerated() {
      points.append(ChartPoint(series: "o\(k)", x: 1, y: 0.3, kind: .observed, panel: "o\(k)"))
      points.append(ChartPoint(series: "o\(k)", x: 4, y: last, kind: .observed, panel: "o\(k)"))
    }
    points.append(ChartPoint(series: "q/4", x: 4, y: 1, kind: .target))
    let data = ChartData(kind: .quarterly, points: points, xAxis: .quarter, yMeasure: .cumulativeRate)
    let (limited, shown, total) = data.limitingPanels(to: 2)
    #expect((shown, total) == (2, 5))
    #expect(limited.panelNames == ["o3", "o4"])
    #expect(limited.points.contains { $0.series == "q/4" })
  }
}
