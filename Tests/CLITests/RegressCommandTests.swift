import Foundation
import Testing
import TestSupport

/// The `regress` command's output contract (DESIGN.md §6–7): CSV columns, JSON and CSV agreeing,
/// `-o` written atomically with the same bytes, standard input, determinism, `--x` and `--poly`
/// naming a column once, and row order not mattering.
@Suite("regress command contract: CSV columns, -o, stdin, determinism")
struct RegressCommandTests {
  static let ols = "Tests/Fixtures/regress/ols3.csv"
  static let olsArguments = ["--y", "y", "--x", "x1,x2,x3"]

  /// Splits CSV output into rows of fields (the output has no quoted fields: terms and numbers).
  func rows(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  @Test("CSV: the exact header, one row per term, the numbers of the JSON output")
  func csvMatchesJSON() throws {
    let csv = try runCLI(["regress", Self.ols] + Self.olsArguments)
    #expect(csv.status == 0, "stderr: \(csv.stderr)")
    let table = rows(csv.stdout)
    #expect(table.first == ["term", "estimate", "std_error", "t_value", "p_value", "ci_low", "ci_high"])
    #expect(table.dropFirst().map { $0.first } == ["(Intercept)", "x1", "x2", "x3"])

    let (json, message) = try runRegressJSON([Self.ols] + Self.olsArguments)
    let fit = try #require(json, "\(message)")
    for (row, coefficient) in zip(table.dropFirst(), fit.coefficients) {
      #expect(row.count == 7)
      let numbers = row.dropFirst().map(Double.init)
      let expected = [coefficient.estimate, coefficient.stdError, coefficient.tValue, coefficient.pValue,
                      coefficient.ciLow, coefficient.ciHigh]
      // Both print the shortest round-trip form of the same doubles: equal, not merely close.
      #expect(numbers == expected, "\(coefficient.term): CSV \(row) JSON \(expected)")
    }
  }

  @Test("CSV: an aliased term has an empty row")
  func csvAliasedRowIsEmpty() throws {
    let csv = try runCLI(["regress", "Tests/Fixtures/regress/rankdef.csv", "--y", "y", "--x", "x1,x2,x3"])
    #expect(csv.status == 0, "stderr: \(csv.stderr)")
    #expect(rows(csv.stdout).last == ["x3", "", "", "", "", "", ""])
  }

  @Test("-o FILE holds exactly what standard output would, and is not created on error")
  func outputFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regress-o-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("fit.json").path

    let toStdout = try runCLI(["regress", Self.ols] + Self.olsArguments + ["--format", "json"])
    let toFile = try runCLI(["regress", Self.ols] + Self.olsArguments + ["--format", "json", "-o", file])
    #expect(toFile.status == 0, "stderr: \(toFile.stderr)")
    #expect(toFile.stdout.isEmpty)
    let written = try String(contentsOfFile: file, encoding: .utf8)
    #expect(written == toStdout.stdout)

    let failed = folder.appendingPathComponent("failed.csv").path
    let bad = try runCLI(["regress", "Tests/Fixtures/regress/bad/text_cell.csv", "--y", "y", "--x", "x1,x2",
                          "-o", failed])
    #expect(bad.status == 65)
    #expect(!FileManager.default.fileExists(atPath: failed))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["fit.json"],
            "no temporary file left behind")
  }

  @Test("standard input (`-` and absent) gives the same bytes as the file")
  func standardInput() throws {
    let text = try String(contentsOfFile: fixturePath("regress/ols3.csv"), encoding: .utf8)
    let fromFile = try runCLI(["regress", Self.ols] + Self.olsArguments)
    let fromDash = try runCLI(["regress", "-"] + Self.olsArguments, stdin: text)
    let fromNothing = try runCLI(["regress"] + Self.olsArguments, stdin: text)
    #expect(fromFile.status == 0 && fromDash.status == 0 && fromNothing.status == 0,
            "\(fromFile.stderr) \(fromDash.stderr) \(fromNothing.stderr)")
    #expect(fromDash.stdout == fromFile.stdout)
    #expect(fromNothing.stdout == fromFile.stdout)
  }

  @Test("the same input gives byte-identical output")
  func deterministic() throws {
    for format in ["csv", "json"] {
      let first = try runCLI(["regress", Self.ols] + Self.olsArguments + ["--format", format, "--robust", "hc3"])
      let second = try runCLI(["regress", Self.ols] + Self.olsArguments + ["--format", format, "--robust", "hc3"])
      #expect(first.status == 0)
      #expect(first.stdout == second.stdout, "\(format)")
    }
  }

  @Test("a column named in --x and --poly enters once")
  func polyColumnEntersOnce() throws {
    let poly = fixturePath("regress/poly.csv")
    let (both, m1) = try runRegressJSON([poly, "--y", "y", "--x", "x", "--poly", "x:3"])
    let (polyOnly, m2) = try runRegressJSON([poly, "--y", "y", "--poly", "x:3"])
    let a = try #require(both, "\(m1)"), b = try #require(polyOnly, "\(m2)")
    #expect(a.coefficients.map(\.term) == ["(Intercept)", "x", "x^2", "x^3"])
    #expect(a == b)
  }

  /// Reversing the data rows changes the order of floating-point sums only: every estimate and
  /// standard error agrees to 1e-12 relative.
  @Test("reversing the rows changes nothing beyond rounding")
  func rowOrderDoesNotMatter() throws {
    let lines = try String(contentsOfFile: fixturePath("regress/ols3.csv"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let reversed = ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n"
    let (forward, m1) = try runRegressJSON([Self.ols] + Self.olsArguments)
    let (backward, m2) = try runRegressJSON(["-"] + Self.olsArguments, stdin: reversed)
    let a = try #require(forward, "\(m1)"), b = try #require(backward, "\(m2)")
    for (x, y) in zip(a.coefficients, b.coefficients) {
      #expect(isClose(x.estimate, y.estimate, relative: 1e-12), "\(x.term)")
      #expect(isClose(x.stdError, y.stdError, relative: 1e-12), "\(x.term)")
    }
    #expect(isClose(a.rSquared, b.rSquared, relative: 1e-12))
  }
}
