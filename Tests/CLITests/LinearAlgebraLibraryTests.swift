import Foundation
import Testing
import TestSupport

/// OpenBLAS is opened when a fit first needs it (`INTEGRITY_STATS_OPENBLAS` names it when
/// set), not linked: the commands that fit a model stop before reading with exit 69
/// (EX_UNAVAILABLE) and a message naming what was tried when it cannot be opened, and
/// every other command runs without it.
@Suite("OpenBLAS opened on demand", .serialized)
struct LinearAlgebraLibraryTests {
  static let missing = ["INTEGRITY_STATS_OPENBLAS": "/nonexistent/libopenblas.so.0"]
  static let wide = "SampleData/synthetic_indictments_seizures_wide.csv"

  @Test(arguments: [
    ["regress", "SampleData/synthetic_indictments_regress.csv", "--y", "indictments", "--x", "year"],
    ["survey", "SampleData/synthetic_integrity_survey.csv"],
    ["trend", wide, "--wide"],
    ["trend", wide, "--wide", "--model", "poisson"],
    ["trend", wide, "--wide", "--auto"],
    ["report", "SampleData/synthetic_integrity_survey.csv", "-o", "-"],
  ])
  func fitsStopWithExit69WithoutTheLibrary(_ arguments: [String]) throws {
    let (status, stdout, stderr) = try runCLI(arguments, environment: Self.missing)
    #expect(status == 69, "\(stderr)")
    #expect(stdout.isEmpty)
    #expect(stderr.contains("OpenBLAS could not be opened (/nonexistent/libopenblas.so.0: "), "\(stderr)")
    #expect(!stderr.contains("read "), "stops before reading: \(stderr)")
  }

  @Test(arguments: [
    ["trend", wide, "--wide", "--model", "sen"],
    ["achievement", "SampleData/synthetic_yearly_indicators_big5.csv"],
    ["quarterly", "SampleData/synthetic_target_cases_quarterly.csv"],
    ["report", "SampleData/synthetic_target_cases_quarterly.csv", "--date", "2026-12-07", "-o", "-"],
  ])
  func otherCommandsRunWithoutIt(_ arguments: [String]) throws {
    let (status, stdout, stderr) = try runCLI(arguments, environment: Self.missing)
    #expect(status == 0, "\(stderr)")
    // The same bytes as with the library there.
    let (_, expected, _) = try runCLI(arguments, environment: [:])
    #expect(!stdout.isEmpty && stdout == expected)
  }

  @Test func theLibraryNamedIsTheOneOpened() throws {
    // A path that exists but is not OpenBLAS: the message names the routines it lacks.
    let (status, _, stderr) = try runCLI(
      ["regress", "SampleData/synthetic_indictments_regress.csv", "--y", "indictments", "--x", "year"],
      environment: ["INTEGRITY_STATS_OPENBLAS": "libz.so.1"])
    #expect(status == 69, "\(stderr)")
    #expect(stderr.contains("libz.so.1 has no dgeqp3_"), "\(stderr)")
  }
}
