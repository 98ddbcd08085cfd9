import Foundation
import Testing
import IntegrityTables
import TestSupport
@testable import IntegrityIndicators
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal

/// The reader's fast lane (`ObservationReader.streamColumns`) against the general
/// reader, and `AchievementAccumulator` against `AchievementReport`: on every fixture
/// and sample file, and on generated files with every cell spelling, small blocks (so
/// records straddle block ends) and irregular rows, the fast lane either declines
/// (`nil`) or gives exactly the general reader's rows, notes and row account.
@Suite struct ColumnarReaderTests {
  /// Every agency file we have: fixtures, SampleData, the real agency samples.
  static let files: [String] = {
    let roots = [
      fixturePath("indicators"), fixturePath("reader"), fixturePath("trends"),
      packageRoot.appendingPathComponent("SampleData").path, referencePath("agency-csv-samples"),
    ]
    var found: [String] = []
    for root in roots {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { continue }
      for name in names.sorted() where name.hasSuffix(".csv") { found.append(root + "/" + name) }
    }
    return found
  }()

  /// Reads `path` in blocks of `blockSize` bytes (records straddle block ends) and, with
  /// `parallelMinimum` 0, in parts on every core (two, or with `partBytes` 1 two per
  /// core), and compares with one read of the whole file: the same observations, notes,
  /// rejected rows and counts — or the same error. True when the file was read.
  @discardableResult
  func checkSameRows(
    _ path: String, options: ObservationReadOptions = ObservationReadOptions(), blockSize: Int,
    parallelMinimum: Int = .max, partBytes: Int = ObservationReader.partBytes
  ) throws -> Bool {
    let whole: ObservationSet
    do {
      whole = try ObservationReader.read(path: path, options: options)
    } catch let error as DataError {
      #expect(throws: error) {
        _ = try ObservationReader.readColumns(
          path: path, options: options, blockSize: blockSize, parallelMinimum: parallelMinimum, partBytes: partBytes)
      }
      return false
    }
    let (columns, keys, parts) = try ObservationReader.readColumns(
      path: path, options: options, blockSize: blockSize, parallelMinimum: parallelMinimum, partBytes: partBytes)
    let set = ObservationReader.observations(columns, keys: keys, set: parts)
    #expect(set.rowsRead == whole.rowsRead, "\(path)")
    #expect(set.notes == whole.notes, "\(path)")
    #expect(set.warnings == whole.warnings, "\(path)")
    #expect(set.rejected == whole.rejected, "\(path)")
    #expect(set.columnsPresent == whole.columnsPresent, "\(path)")
    #expect(set.headerText == whole.headerText, "\(path)")
    #expect(set.observations == whole.observations, "\(path)")
    return true
  }

  @Test func fixturesAndSamplesReadTheSameInAnyBlocks() throws {
    var read = 0
    for path in Self.files {
      if try checkSameRows(path, blockSize: 37) { read += 1 }
      try checkSameRows(path, blockSize: 37, parallelMinimum: 0)
      try checkSameRows(path, options: ObservationReadOptions(skipBadRows: true), blockSize: 53, parallelMinimum: 0)
      try checkSameRows(path, blockSize: 41, parallelMinimum: 0, partBytes: 1)
    }
    #expect(read >= 8, "only \(read) of \(Self.files.count) files were read")
  }

  // MARK: generated files


  /// Figure spellings the fast lane parses inline or hands to `NumberParser`.
  static let figures = [
    "0", "7", "12.5", "1,234", "\"1,234,567\"", "\"1,234.50\"", "0.001", "007", "-3", "12%", "－", "-", "…", "",
    "NA", "\"(1,234)\"", "1.5e3", "１２３", " 42 ", "3r", "\"1,23\"", "1,234", "123456789012345678",
    "1234567890123456789", "9.99", ".5", "5.", "+8", "1.50", "\"2,000\"",
  ]
  static let years = ["2023", "112", "112年", "民國112年", "1999", "2024"]
  static let quarters = ["1", "2", "3", "4", "Q3", "第3季", "第三季", ""]
  static let indicators = ["I1", "目標案件起訴件數", "查扣不法所得金額(千元)", " I2 ", "\"I,3\"", "8-5"]
  static let agencies = ["臺北地檢署", "臺灣臺北地方檢察署", "A1", "台北地檢", "新北", "\"B, 2\""]

  /// A figure; without `irregular`, only spellings the general reader accepts.
  func figure(_ rng: inout SplitMix64, _ irregular: Bool) -> String {
    while true {
      let f = Self.figures.randomElement(using: &rng)!
      // 19 significant digits cannot be kept exactly: a bad cell.
      if irregular || (f != "\"1,23\"" && f != "1,234" && f != "1234567890123456789") { return f }
    }
  }

  /// `common`: the six columns of the common layout (no 備考), and runs of rows that
  /// repeat the previous row's indicator, agency and year (as sorted files do), which
  /// the parser reads from the previous record's bytes.
  func generatedFile(seed: Int, irregular: Bool, common: Bool = false) -> String {
    var rng = SplitMix64(seed: UInt64(seed) &* 7919)
    var lines = [common ? "指標,機關,年度,季別,實際值,目標值" : "指標,機關,年度,季別,實際值,目標值,備考"]
    let rows = Int.random(in: 20...400, using: &rng)
    var previous: [String] = []
    for _ in 0..<rows {
      var row = [
        Self.indicators.randomElement(using: &rng)!, Self.agencies.randomElement(using: &rng)!,
        Self.years.randomElement(using: &rng)!, Self.quarters.randomElement(using: &rng)!,
        figure(&rng, irregular), figure(&rng, irregular), "x",
      ]
      if common {
        row.removeLast()
        // Keys that extend others ("I1" and "I12"): only a whole cell may match.
        if Int.random(in: 0..<4, using: &rng) == 0 { row[0] = "I12" }
        if Int.random(in: 0..<4, using: &rng) == 0 { row[1] = "A12" }
        if Int.random(in: 0..<4, using: &rng) == 0 { row[1] = "A1" }
        if previous.count == 6 {
          let kept = Int.random(in: 0..<4, using: &rng)
          if kept >= 1 { row[0] = previous[0] }
          if kept >= 2 { row[1] = previous[1] }
          if kept >= 3 { row[2] = previous[2] }
          if Bool.random(using: &rng) { row[5] = previous[5] }
        }
      }
      if irregular && Int.random(in: 0..<60, using: &rng) == 0 {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: row = ["註：本表資料"]
        case 1: row = Array(repeating: "", count: row.count)
        case 2: row.removeLast(2)
        case 3: row[2] = "abc"
        default: row[4] = "\"a \"\"b\"\"\""
        }
      }
      previous = row
      lines.append(row.joined(separator: ","))
    }
    let end = Bool.random(using: &rng) ? "\r\n" : "\n"
    return lines.joined(separator: end) + (Bool.random(using: &rng) ? end : "")
  }

  func temporaryFile(_ text: String, _ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "columnar-\(ProcessInfo.processInfo.processIdentifier)-\(name).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test(arguments: 0..<40)
  func generatedFilesReadTheSame(_ seed: Int) throws {
    let path = try temporaryFile(generatedFile(seed: seed, irregular: seed % 2 == 1), "g\(seed)")
    defer { try? FileManager.default.removeItem(atPath: path) }
    for blockSize in [16, 101, 4 << 20] {
      try checkSameRows(path, blockSize: blockSize)
      try checkSameRows(path, blockSize: blockSize, parallelMinimum: 0)
      try checkSameRows(path, options: ObservationReadOptions(dashMeansMissing: true), blockSize: blockSize)
      try checkSameRows(path, options: ObservationReadOptions(skipBadRows: true), blockSize: blockSize, parallelMinimum: 0)
      try checkSameRows(path, blockSize: blockSize, parallelMinimum: 0, partBytes: 1)
      try checkSameRows(
        path, options: ObservationReadOptions(skipBadRows: true), blockSize: blockSize, parallelMinimum: 0, partBytes: 1)
    }
  }

  @Test(arguments: 0..<40)
  func generatedFilesOfTheCommonLayoutReadTheSame(_ seed: Int) throws {
    let path = try temporaryFile(generatedFile(seed: seed, irregular: seed % 2 == 1, common: true), "c\(seed)")
    defer { try? FileManager.default.removeItem(atPath: path) }
    for blockSize in [16, 101, 4 << 20] {
      let read = try checkSameRows(path, blockSize: blockSize)
      if seed % 2 == 0 { #expect(read, "a regular file must be read") }
      try checkSameRows(path, blockSize: blockSize, parallelMinimum: 0)
      try checkSameRows(path, blockSize: blockSize, parallelMinimum: 0, partBytes: 1)
    }
  }

  @Test func regularGeneratedFilesAreTaken() throws {
    // Without irregular rows (and with no footnote-like first cell) the lane must take them.
    var taken = 0
    for seed in 0..<10 {
      let path = try temporaryFile(generatedFile(seed: seed * 2, irregular: false), "r\(seed)")
      defer { try? FileManager.default.removeItem(atPath: path) }
      if (try? ObservationReader.read(path: path)) != nil, try checkSameRows(path, blockSize: 64) { taken += 1 }
    }
    #expect(taken >= 5)
  }

  // MARK: achievement

  /// The achievement rows of `path` read in blocks of `blockSize` (and in parts on
  /// every core when `parallelMinimum` is 0), or the error's text.
  static func achievement(
    _ path: String, options: AchievementOptions, blockSize: Int = 4 << 20, parallelMinimum: Int = .max,
    partBytes: Int = ObservationReader.partBytes
  ) -> Result<[AchievementRatio], ErrorText> {
    let catalog = ActionPlanCatalog.plan
    do {
      let (accumulator, _) = try ObservationReader.streamColumns(
        path: path, blockSize: blockSize, parallelMinimum: parallelMinimum, partBytes: partBytes
      ) { AchievementAccumulator(options: options, catalogDirection: { catalog.direction(forIndicator: $0) }) }
      return .success(try AchievementReport(accumulator).rows)
    } catch {
      return .failure(ErrorText(error))
    }
  }

  /// The same rows or the same error whatever the blocks and cores; true when read.
  @discardableResult
  func checkSameAchievement(
    _ path: String, options: AchievementOptions, blockSize: Int, parallelMinimum: Int = 0,
    partBytes: Int = ObservationReader.partBytes
  ) throws -> Bool {
    let whole = Self.achievement(path, options: options)
    let parts = Self.achievement(
      path, options: options, blockSize: blockSize, parallelMinimum: parallelMinimum, partBytes: partBytes)
    #expect(whole == parts, "\(path) \(options)")
    if case .success = whole { return true }
    return false
  }

  @Test func achievementIsTheSameInAnyBlocksOnFixtures() throws {
    var taken = 0
    for path in Self.files {
      for options in [
        AchievementOptions(), AchievementOptions(aggregation: .mean, total: true), AchievementOptions(aggregation: .last),
        AchievementOptions(aggregation: .max, total: true), AchievementOptions(duplicates: .sum),
        AchievementOptions(duplicates: .last, targetPer: .quarter),
      ] {
        // On one core, in two parts (the file cut in the middle), and in two per core.
        if try checkSameAchievement(path, options: options, blockSize: 53, parallelMinimum: .max) { taken += 1 }
        try checkSameAchievement(path, options: options, blockSize: 53, parallelMinimum: 0)
        try checkSameAchievement(path, options: options, blockSize: 53, parallelMinimum: 0, partBytes: 1)
      }
    }
    #expect(taken >= 4, "only \(taken) fixture runs were read")
  }

  @Test(arguments: 0..<30)
  func achievementIsTheSameInAnyBlocksOnGeneratedFiles(_ seed: Int) throws {
    // Few keys, so groups collect several quarters, duplicates and mixed periods.
    var rng = SplitMix64(seed: UInt64(seed) &+ 99)
    var lines = ["indicator,agency,year,quarter,value,target"]
    for _ in 0..<Int.random(in: 5...120, using: &rng) {
      let q = ["1", "2", "3", "4", ""].randomElement(using: &rng)!
      let value = ["1", "0", "0.1", "0.7", "\"1,000\"", "…", "250", "2.5"].randomElement(using: &rng)!
      let target = ["1", "1000", "", "3", "0.9"].randomElement(using: &rng)!
      lines.append(
        "\(["I1", "I2", "8-5"].randomElement(using: &rng)!),\(["A", "B", "臺北"].randomElement(using: &rng)!),"
          + "\(["2022", "111", "2024"].randomElement(using: &rng)!),\(q),\(value),\(target)")
    }
    let path = try temporaryFile(lines.joined(separator: "\n") + "\n", "a\(seed)")
    defer { try? FileManager.default.removeItem(atPath: path) }
    for options in [
      AchievementOptions(), AchievementOptions(direction: .decrease, total: true),
      AchievementOptions(aggregation: .last), AchievementOptions(direction: .decrease, aggregation: .max),
      AchievementOptions(duplicates: .sum, targetPer: .quarter), AchievementOptions(aggregation: .mean, duplicates: .last),
    ] {
      try checkSameAchievement(path, options: options, blockSize: 40, parallelMinimum: .max)
      try checkSameAchievement(path, options: options, blockSize: 40, parallelMinimum: 0)
      try checkSameAchievement(path, options: options, blockSize: 40, parallelMinimum: 0, partBytes: 1)
    }
  }
}

/// `QuarterlyPaceAccumulator` in any blocks, on one core or two, as above.
@Suite struct ColumnarQuarterlyTests {
  static func review(
    _ path: String, total: Bool, duplicates: DuplicatePolicy = .error, blockSize: Int = 4 << 20,
    parallelMinimum: Int = .max, partBytes: Int = ObservationReader.partBytes
  ) -> Result<[QuarterlyPace], ErrorText> {
    do {
      let (accumulator, _) = try ObservationReader.streamColumns(
        path: path, blockSize: blockSize, parallelMinimum: parallelMinimum, partBytes: partBytes
      ) { QuarterlyPaceAccumulator(total: total, duplicates: duplicates) }
      return .success(try QuarterlyPaceReport(accumulator, targets: [], targetsSource: AggregationSource(file: "t")).rows)
    } catch {
      return .failure(ErrorText(error))
    }
  }

  func check(
    _ path: String, total: Bool, blockSize: Int, parallelMinimum: Int, partBytes: Int = ObservationReader.partBytes
  ) throws -> Bool {
    var read = false
    for duplicates in DuplicatePolicy.allCases {
      let whole = Self.review(path, total: total, duplicates: duplicates)
      let parts = Self.review(
        path, total: total, duplicates: duplicates, blockSize: blockSize, parallelMinimum: parallelMinimum,
        partBytes: partBytes)
      #expect(whole == parts, "\(path) \(duplicates)")
      if case .success = whole, duplicates == .error { read = true }
    }
    return read
  }

  @Test func sameOnFixtures() throws {
    var taken = 0
    for path in ColumnarReaderTests.files {
      for total in [false, true] where try check(path, total: total, blockSize: 61, parallelMinimum: .max) {
        taken += 1
        _ = try check(path, total: total, blockSize: 61, parallelMinimum: 0)
        _ = try check(path, total: total, blockSize: 61, parallelMinimum: 0, partBytes: 1)
      }
    }
    #expect(taken >= 2, "only \(taken) fixture runs were read")
  }

  @Test(arguments: 0..<30)
  func sameOnGeneratedFiles(_ seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 501)
    var lines = ["indicator,office,year,quarter,count,target"]
    for _ in 0..<Int.random(in: 5...150, using: &rng) {
      let value = ["1", "0", "3", "…", "12", "2.5", "－"].randomElement(using: &rng)!
      let target = ["40", "", "12", "0"].randomElement(using: &rng)!
      lines.append(
        "\(["I1", "I2", ""].randomElement(using: &rng)!),\(["臺北", "士林地檢署", "臺灣新北地方檢察署", "X"].randomElement(using: &rng)!),"
          + "\(["2022", "112"].randomElement(using: &rng)!),\(["1", "2", "3", "4", "第2季"].randomElement(using: &rng)!),"
          + "\(value),\(target)")
    }
    let path = NSTemporaryDirectory() + "columnar-q-\(ProcessInfo.processInfo.processIdentifier)-\(seed).csv"
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    for total in [false, true] {
      _ = try check(path, total: total, blockSize: 33, parallelMinimum: .max)
      _ = try check(path, total: total, blockSize: 33, parallelMinimum: 0)
      _ = try check(path, total: total, blockSize: 33, parallelMinimum: 0, partBytes: 1)
    }
  }
}

/// The split: a file cut at line starts into two parts, or two per core (`partBytes` 1).
@Suite struct ColumnarSplitTests {
  func write(_ text: String, _ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "columnar-s-\(ProcessInfo.processInfo.processIdentifier)-\(name).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func largeRegularFileIsCutAndReadTheSame() throws {
    var lines = ["indicator,agency,year,quarter,value,target"]
    for i in 0..<4000 {
      lines.append("I\(i / 400),A\(i / 4 % 100),\(2000 + i / 40 % 10),\(i % 4 + 1),\"\(i % 97),\(100 + i % 900)\",\(i / 4 % 50 + 1)")
    }
    let path = try write(lines.joined(separator: "\n") + "\n", "big")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let options = AchievementOptions(total: true)
    let two = ColumnarReaderTests.achievement(path, options: options, blockSize: 4096, parallelMinimum: 0)
    let one = ColumnarReaderTests.achievement(path, options: options)
    let many = ColumnarReaderTests.achievement(path, options: options, blockSize: 4096, parallelMinimum: 0, partBytes: 1)
    #expect(two == one)
    #expect(many == one)
    #expect((try? two.get()) != nil)
    // Observations handed to the same computation give the same rows.
    let general = try ObservationReader.read(path: path)
    #expect(general.rowsRead == 4000)
    #expect((try? one.get()) == (try AchievementReport(observations: general.observations, options: options).rows))
    #expect(
      ColumnarQuarterlyTests.review(path, total: true, blockSize: 4096, parallelMinimum: 0)
        == ColumnarQuarterlyTests.review(path, total: true))
    #expect(
      ColumnarQuarterlyTests.review(path, total: true, blockSize: 4096, parallelMinimum: 0, partBytes: 1)
        == ColumnarQuarterlyTests.review(path, total: true))
    for partBytes in [ObservationReader.partBytes, 1] {
      let (series, _) = try ObservationReader.streamColumns(
        path: path, blockSize: 4096, parallelMinimum: 0, partBytes: partBytes
      ) { TrendSeriesAccumulator() }
      #expect(series.series() == (try TrendAnalysis.yearlySeries(general)))
    }
  }

  @Test func cutInsideAQuotedLineBreakIsNeverMisread() throws {
    // Every indicator holds a quoted line break, so the middle line start may fall
    // inside one: the reader must then read on one core, exactly as a whole.
    var lines = ["indicator,agency,year,quarter,value,target"]
    for i in 0..<3000 { lines.append("\"I\(i / 300)\nx\",A\(i / 4 % 50),\(2000 + i / 12 % 5),\(i % 4 + 1),\(i % 9),10") }
    let path = try write(lines.joined(separator: "\n") + "\n", "quoted")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let general = try ObservationReader.read(path: path)
    let two = ColumnarReaderTests.achievement(path, options: AchievementOptions(), blockSize: 4096, parallelMinimum: 0)
    #expect((try? two.get()) == (try AchievementReport(observations: general.observations).rows))
    let many = ColumnarReaderTests.achievement(
      path, options: AchievementOptions(), blockSize: 4096, parallelMinimum: 0, partBytes: 1)
    #expect((try? many.get()) == (try AchievementReport(observations: general.observations).rows))
  }
}

/// An error as its text, to compare two computations' failures.
struct ErrorText: Error, Equatable {
  var text: String
  init(_ error: any Error) { text = "\(error)" }
}

extension ColumnarReaderTests {
  /// How a large input is cut: equal parts up to one a core; beyond, the first round (one
  /// part a core) takes 80 % and the parts after it share the last 20 %, so the parts
  /// read last are short. Every cut lies after the one before, from 0 to the whole input.
  @Test func partsLeaveAShortLastRound() {
    typealias Schedule = PartSchedule<AchievementAccumulator>
    func shares(_ count: Int, cores: Int) -> [Double] { (0...count).map { Schedule.share(before: $0, count: count, cores: cores) } }
    #expect(shares(2, cores: 2) == [0, 0.5, 1])
    #expect(shares(4, cores: 2) == [0, 0.4, 0.8, 0.9, 1])
    #expect(shares(3, cores: 2) == [0, 0.4, 0.8, 1])
    #expect(shares(4, cores: 4) == [0, 0.25, 0.5, 0.75, 1])
    for cores in 1...8 {
      for count in 2...32 {
        let s = shares(count, cores: cores)
        #expect(s.first == 0 && abs(s.last! - 1) < 1e-12, "count \(count), cores \(cores)")
        #expect(zip(s, s.dropFirst()).allSatisfy { $0 < $1 }, "count \(count), cores \(cores)")
      }
    }
  }
}

extension ColumnarReaderTests {
  /// How many parts: one per `partBytes` up to two a core; a large input (a fifth of it
  /// at least `tailBytes` a core) gets a last round of up to four parts a core.
  @Test func largeInputsGetMoreShortParts() {
    typealias Schedule = PartSchedule<AchievementAccumulator>
    let mb = 1 << 20
    func count(_ megabytes: Int, cores: Int) -> Int {
      Schedule.partCount(bytes: megabytes * mb, partBytes: 4 * mb, cores: cores)
    }
    #expect(count(1, cores: 2) == 2)
    #expect(count(12, cores: 2) == 3)
    #expect(count(16, cores: 2) == 5)  // a fifth is 3.2 MiB: three parts of 1 MiB
    #expect(count(30, cores: 2) == 8)  // 10⁶ rows: six parts of 1 MiB in the last round
    #expect(count(300, cores: 2) == 10)  // 10⁷ rows: eight parts of 2.5 %
    #expect(count(3000, cores: 2) == 10)
    #expect(count(3000, cores: 1) == 2)
    #expect(count(3000, cores: 4) == 20)
    #expect(count(3000, cores: 16) == 32)
    #expect(Schedule.share(before: 2, count: 10, cores: 2) == 0.8)
    #expect(abs(Schedule.share(before: 3, count: 10, cores: 2) - 0.825) < 1e-12)
  }
}
