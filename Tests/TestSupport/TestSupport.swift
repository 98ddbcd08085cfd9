import Foundation

/// Log relative error as NIST StRD defines it: LRE = −log₁₀(|q − c| / |c|), or
/// −log₁₀|q| when the certified value c is 0; capped at the certified digits, and
/// 0 when negative.
public func logRelativeError(_ computed: Double, certified: Double, digits: Double = 15) -> Double {
  if computed == certified { return digits }
  let error = certified == 0 ? abs(computed) : abs(computed - certified) / abs(certified)
  guard error.isFinite else { return 0 }
  return max(0, min(digits, -log10(error)))
}

/// True when `a` and `b` agree to relative tolerance `relative` (or absolute `absolute`).
public func isClose(_ a: Double?, _ b: Double?, relative: Double = 1e-10, absolute: Double = 0) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let a?, let b?):
    if a == b { return true }
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
  default: return false
  }
}

/// The package's root folder (…/Tests/TestSupport/TestSupport.swift → …).
public let packageRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `Tests/Fixtures/<relative>`.
public func fixturePath(_ relative: String) -> String {
  packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
}

/// `Tests/Fixtures/reference/<relative>`: outside reference material (real agency files,
/// the action plan's text) copied into the repository, with each source's address and
/// licence in that folder's README, so the tests read nothing outside the package.
public func referencePath(_ relative: String) -> String {
  fixturePath("reference/\(relative)")
}

/// Runs the built `integrity-stats` with `arguments` and optional standard input;
/// returns exit status, standard output and standard error.
public func runCLI(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executablePath)
  process.arguments = arguments
  process.currentDirectoryURL = packageRoot
  let out = Pipe(), inp = Pipe()
  // Standard error goes to a temporary file, so both streams drain without threads.
  let errURL = FileManager.default.temporaryDirectory
    .appendingPathComponent("integrity-stats-stderr-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
  let err = try FileHandle(forWritingTo: errURL)
  defer { try? FileManager.default.removeItem(at: errURL) }
  process.standardOutput = out
  process.standardError = err
  process.standardInput = inp
  // The reader streams standard input and may stop at a bad row before it is all
  // read: a write to the closed pipe must fail, not kill the test process.
  signal(SIGPIPE, SIG_IGN)
  try process.run()
  if let stdin { try? inp.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
  try? inp.fileHandleForWriting.close()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  try err.close()
  let errData = (try? Data(contentsOf: errURL)) ?? Data()
  return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// The built executable: `$INTEGRITY_STATS_BIN`, or the one beside the test bundle.
public let executablePath: String = {
  if let path = ProcessInfo.processInfo.environment["INTEGRITY_STATS_BIN"] { return path }
  // Test bundles live in the build products folder, beside the executable.
  var url = Bundle.main.bundleURL
  for _ in 0..<4 {
    let candidate = url.appendingPathComponent("integrity-stats")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
    url = url.deletingLastPathComponent()
  }
  return packageRoot.appendingPathComponent(".build/debug/integrity-stats").path
}()

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): a small seeded generator, so generated test cases are the same on every run.
public struct SplitMix64: RandomNumberGenerator {
  public var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A program outside the package that some tests run (the Python reference checks, the
/// headless browser), and whether those tests run here.
///
/// A test that needs one is declared `@Test(.enabled(if: ExternalTool.chromium.testsRun))`:
/// on a machine without the tool it shows as skipped, never as passed. In CI (the
/// environment variable `CI` is `true` or `1`, which `.ci/run` sets) it always runs, so a
/// missing tool fails the run instead of skipping; `scripts/setup.sh --test` installs
/// them all.
public enum ExternalTool: Sendable {
  /// `python3` with the packages in Tests/requirements.txt that the Vega-Lite check
  /// imports (altair, jsonschema, vl-convert-python).
  case vegaLitePython
  /// Debian's `chromium` (or chromium-browser, google-chrome), for Tests/browser/report_check.py.
  case chromium
  /// `python3` itself (SampleData/generate.py, scripts/extract_catalog.py: standard library).
  case python
  /// Chromium to print to PDF and poppler-utils' `pdftotext` and `pdfinfo` to read it back
  /// (Tests/browser/print_check.py).
  case printTools
  /// The `swift` tool (SwiftPM), to load a client package's graph (ClientPackageTests).
  case swiftPM
  /// `python3` with pyarrow and duckdb (Tests/requirements.txt), which read the workspace's
  /// Parquet export back.
  case parquetPython

  /// Whether the tool is installed on this machine.
  public var isInstalled: Bool {
    switch self {
    case .python: Self.pythonInstalled
    case .vegaLitePython: Self.vegaLiteInstalled
    case .chromium: Self.chromiumInstalled
    case .printTools: Self.chromiumInstalled && Self.onPath("pdftotext") && Self.onPath("pdfinfo")
    case .swiftPM: Self.onPath("swift")
    case .parquetPython: Self.parquetInstalled
    }
  }

  /// Whether tests that need the tool run: when it is installed, and always in CI.
  public var testsRun: Bool { isInstalled || Self.isCI }

  /// The `CI` environment variable is `true` or `1`.
  public static let isCI: Bool = {
    let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
    return value == "true" || value == "1"
  }()

  static func onPath(_ name: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
  }

  private static let pythonInstalled = succeeds(["python3", "-c", "pass"])
  private static let parquetInstalled = succeeds(["python3", "-c", "import pyarrow.parquet, duckdb"])
  private static let vegaLiteInstalled = succeeds(
    ["python3", "-c", "import altair.vegalite.v5.schema, jsonschema, vl_convert"])
  private static let chromiumInstalled = ["chromium", "chromium-browser", "google-chrome"].contains { name in
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
  }

  /// Whether `/usr/bin/env ARGUMENTS` exits 0.
  private static func succeeds(_ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
