import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityCharts

/// Reads a chart fixture through the same path the `chart` command uses.
func chartFixture(_ name: String, options: ChartOptions = ChartOptions()) throws -> ChartData {
  let table = try TableReader.read(path: fixturePath("charts/\(name)"), options: ReadOptions())
  return try ChartData.recognise(ChartSource(table), options: options)
}

@Suite("Chart data from result tables")
struct ChartDataTests {
  @Test("each result header is recognised as its kind", arguments: [
    ("achievement.csv", ChartKind.achievement), ("quarterly.csv", .quarterly), ("trend.csv", .trend),
    ("survey.csv", .survey), ("observations.csv", .observations),
  ])
  func recognition(file: String, kind: ChartKind) throws {
    #expect(try chartFixture(file).kind == kind)
  }

  @Test("an unknown header is a data error naming the header")
  func unknownHeader() throws {
    #expect(ChartKind.recognise(header: ["a", "b", "c"]) == nil)
    do {
      _ = try chartFixture("unknown_header.csv")
      Issue.record("expected a DataError")
    } catch let error as DataError {
      #expect(error.line == 1)
      #expect(error.found == "a,b,c")
    }
  }

  @Test("a non-number where a number is required names file, line, column and cell")
  func badNumber() throws {
    do {
      _ = try chartFixture("bad_number.csv")
      Issue.record("expected a DataError")
    } catch let error as DataError {
      #expect(error.line == 2)
      #expect(error.column == 4)
      #expect(error.columnName == "proportion")
      #expect(error.found == "四成")
      #expect(error.description.hasSuffix("bad_number.csv:2:4: expected a number in column \"proportion\" (found \"四成\")"))
    }
  }

  @Test("achievement: one bar per row with its status, a target row at ratio 1 per year")
  func achievement() throws {
    let data = try chartFixture("achievement.csv")
    let bars = data.points(kind: .observed)
    #expect(bars.count == 7)
    #expect(bars[0].series == "8-5 起訴貪瀆案件數 · 臺灣臺北地方檢察署")
    #expect(bars[0].x == 2023 && bars[0].status == "behind")
    #expect(isClose(bars[0].y, 30.0 / 34.0, relative: 1e-15))
    // zero-event target: no ratio, the status still carried
    #expect(bars[4].y == nil && bars[4].status == "achieved")
    let targets = data.points(kind: .target)
    #expect(targets.map(\.x) == [2023, 2024])
    #expect(targets.allSatisfy { $0.y == 1 })
    #expect(data.yMeasure == .ratio)
  }

  @Test("quarterly: lines per office and year, coloured by year; expected pace from expected_rate")
  func quarterly() throws {
    let data = try chartFixture("quarterly.csv", options: ChartOptions(rocYears: true))
    let lines = data.points(kind: .observed)
    #expect(lines.count == 8)
    #expect(lines[0].series == "臺灣臺北地方檢察署 113年")  // 2024 − 1911 = 113
    #expect(lines[0].group == "113年")
    #expect(lines[5].y == nil && lines[5].status == "incomplete")  // missing quarter: a gap, not 0
    #expect(data.points(kind: .target).map(\.y) == [0.25, 0.5, 0.75, 1])
    #expect(data.xAxis == .quarter)
  }

  @Test("trend: fitted line, projection and interval from the trend row (hand-worked)")
  func trend() throws {
    let data = try chartFixture("trend.csv")
    let linear = data.subset(series: "起訴貪瀆案件數 (linear)")
    let fitted = linear.points(kind: .fitted)
    #expect(fitted.count == 11)  // 2014…2024
    // linear: ŷ(2016) = 100 + (−5)·(2016 − 2014) = 90
    #expect(fitted.first { $0.x == 2016 }?.y == 90)
    // projection from 2024 (ŷ = 100 − 5·10 = 50) to 2027 (the table's 35)
    let projection = linear.points(kind: .projection)
    #expect(projection.map(\.x) == [2024, 2025, 2026, 2027])
    #expect(projection.first?.y == 50)
    #expect(projection.last?.y == 35)
    let band = linear.points(kind: .band)
    #expect(band.count == 1 && band[0].lower == 25 && band[0].upper == 45 && band[0].x == 2027)
    // loglinear: ŷ(x) = e^(a + b·x) with a = ln 1000, b = ln 0.9, so ŷ(2016) = 1000·0.9² = 810
    let log = data.subset(series: "查扣不法所得金額 (loglinear)")
    #expect(isClose(log.points(kind: .fitted).first { $0.x == 2016 }?.y, 810, relative: 1e-12))
  }

  @Test("segmented: the level and slope change apply from the break year (hand-worked)")
  func segmented() {
    // a = 10, b = 2, B = 2020, level change −5, slope change −1, first year 2015:
    // 2019: 10 + 2·4 = 18;  2022: 10 + 2·7 − 5 − 1·2 = 17
    let curve = TrendCurve(model: "linear", firstYear: 2015, intercept: 10, slope: 2, breakYear: 2020, levelChange: -5, slopeChange: -1)
    #expect(curve.fitted(2019) == 18)
    #expect(curve.fitted(2022) == 17)
  }

  @Test("survey: points with the Wilson interval as lower and upper")
  func survey() throws {
    let data = try chartFixture("survey.csv")
    let points = data.points(kind: .observed)
    #expect(points.count == 3)
    #expect(points[1].y == 0.445 && points[1].lower == 0.4156 && points[1].upper == 0.4748)
    #expect(data.yMeasure == .proportion)
  }

  @Test("observations: values per series with targets; a missing value stays missing")
  func observations() throws {
    let data = try chartFixture("observations.csv")
    #expect(data.points(kind: .observed).map(\.y) == [19, 30, nil])
    #expect(data.points(kind: .target).map(\.y) == [33, 34, 34])
  }

  @Test("tidy table has exactly the DESIGN.md §6 columns and round-trips")
  func tidyTable() throws {
    let data = try chartFixture("trend.csv")
    let table = data.table
    #expect(table.names == ["series", "x", "y", "kind", "lower", "upper"])
    let csv = CSVWriter().string(table)
    let reread = try ChartData.recognise(
      ChartSource(try TableReader.read(bytes: Array(csv.utf8), source: "tidy.csv")))
    #expect(reread.kind == .tidy)
    #expect(reread.points.map(\.y) == data.points.map(\.y))
    #expect(reread.points.map(\.kind) == data.points.map(\.kind))
  }
}

@Suite("Nice axis ticks (Heckbert 1990)")
struct NiceScaleTests {
  @Test("0.07…0.93 with 5 ticks: range nice(0.86)=1, step nice(1/4=0.25)=0.2 (f=2.5<3 → 2)")
  func fractions() {
    let s = NiceScale(min: 0.07, max: 0.93, ticks: 5)
    #expect(s.step == 0.2)
    #expect(s.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])  // k/5 exactly, no 0.6000000000000001
    #expect(s.fractionDigits == 1)
    #expect(s.label(0.4, percent: true) == "40%")
  }

  @Test("3…97 with 6 ticks: range nice(94)=100, step nice(100/5=20)=20")
  func integers() {
    let s = NiceScale(min: 3, max: 97, ticks: 6)
    #expect(s.lower == 0 && s.upper == 100 && s.step == 20)
    #expect(s.ticks.count == 6)
    #expect(s.label(1_949_000_000) == "1,949,000,000")
  }

  @Test("a constant series still gets an axis")
  func constant() {
    let s = NiceScale(min: 5, max: 5)
    #expect(s.lower < 5 && s.upper > 5)
    #expect(NiceScale(min: 0, max: 0).upper == 1)
  }

  @Test("fixed decimals are locale-free with a true minus sign")
  func fixed() {
    #expect(NiceScale.fixed(-1234.5, digits: 1) == "−1,234.5")
    #expect(NiceScale.fixed(0.05, digits: 2) == "0.05")
  }
}

@Suite("Markup escaping")
struct MarkupTests {
  @Test("all five XML specials and control characters")
  func escape() {
    #expect(Markup.escape("R&D <宣導> \"場次\" 'x'\u{1}") == "R&amp;D &lt;宣導&gt; &quot;場次&quot; &#39;x&#39;")
  }
}
