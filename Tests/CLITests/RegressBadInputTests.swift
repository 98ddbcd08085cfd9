import Foundation
import Testing
import TestSupport

/// A `regress` run on bad input and what it must do: exit status, and where stderr must place
/// the fault. Paths are relative to the package root (the CLI runs there), so messages show them
/// as given. The files and the position of each fault: Tests/Fixtures/regress/bad/README.md.
struct RegressBadInput: Sendable, CustomTestStringConvertible {
  var name: String
  var arguments: [String]
  var stdin: String? = nil
  /// 65 bad data, 64 usage, 66 unreadable input, 73 unwritable output.
  var status: Int32
  /// stderr must start with this (`FILE:LINE:COLUMN:` where a cell is at fault).
  var prefix: String? = nil
  /// Texts stderr must contain (column name, the offending cell).
  var mentions: [String] = []
  var testDescription: String { name }
}

private let bad = "Tests/Fixtures/regress/bad/"
private let good = "Tests/Fixtures/regress/ols3.csv"

@Suite("regress on bad input: exact exit codes and FILE:LINE:COLUMN messages")
struct RegressBadInputTests {
  static let cases: [RegressBadInput] = [
    // Data errors (exit 65).
    RegressBadInput(name: "empty file", arguments: [bad + "empty.csv", "--y", "y", "--x", "x1"],
                    status: 65, prefix: bad + "empty.csv:"),
    RegressBadInput(name: "header only", arguments: [bad + "header_only.csv", "--y", "y", "--x", "x1,x2"],
                    status: 65, prefix: bad + "header_only.csv:"),
    RegressBadInput(name: "text cell in a numeric column",
                    arguments: [bad + "text_cell.csv", "--y", "y", "--x", "x1,x2"],
                    status: 65, prefix: bad + "text_cell.csv:4:3:", mentions: ["\"x2\"", "abc"]),
    RegressBadInput(name: "text cell, read from standard input",
                    arguments: ["-", "--y", "y", "--x", "x1,x2"],
                    stdin: "y,x1,x2\n1.5,2,3\n2.5,3,4.5\n3.1,4,abc\n4.2,5,7\n5.0,6,8.5\n",
                    status: 65, prefix: "<stdin>:4:3:", mentions: ["abc"]),
    RegressBadInput(name: "empty cell in a used column",
                    arguments: [bad + "missing_cell.csv", "--y", "y", "--x", "x1,x2"],
                    status: 65, prefix: bad + "missing_cell.csv:3:2:", mentions: ["\"x1\""]),
    RegressBadInput(name: "ragged row: a field beyond the header",
                    arguments: [bad + "ragged_long.csv", "--y", "y", "--x", "x1,x2"],
                    status: 65, prefix: bad + "ragged_long.csv:5:4:", mentions: ["\"9\""]),
    RegressBadInput(name: "ragged row: a used field missing",
                    arguments: [bad + "ragged_short.csv", "--y", "y", "--x", "x1,x2"],
                    status: 65, prefix: bad + "ragged_short.csv:4:3:"),
    // The short row lacks x2, which this model does not use: still a ragged row.
    RegressBadInput(name: "ragged row: an unused field missing",
                    arguments: [bad + "ragged_short.csv", "--y", "y", "--x", "x1"],
                    status: 65, prefix: bad + "ragged_short.csv:4:3:", mentions: ["2 fields", "header has 3"]),
    RegressBadInput(name: "unknown predictor column", arguments: [good, "--y", "y", "--x", "x1,nope"],
                    status: 65, prefix: good + ":1:", mentions: ["nope"]),
    RegressBadInput(name: "unknown response column", arguments: [good, "--y", "nope", "--x", "x1"],
                    status: 65, prefix: good + ":1:", mentions: ["nope"]),
    RegressBadInput(name: "unknown weights column", arguments: [good, "--y", "y", "--x", "x1", "--weights", "nope"],
                    status: 65, prefix: good + ":1:", mentions: ["nope"]),
    RegressBadInput(name: "negative weight",
                    arguments: [bad + "negative_weight.csv", "--y", "y", "--x", "x1", "--weights", "w"],
                    status: 65, prefix: bad + "negative_weight.csv:4:3:", mentions: ["-2"]),
    // 3 rows, terms (Intercept), x1, x2, x3, x4: more parameters than observations.
    RegressBadInput(name: "more predictors than rows",
                    arguments: [bad + "wide.csv", "--y", "y", "--x", "x1,x2,x3,x4"],
                    status: 65, prefix: bad + "wide.csv:"),
    // Usage errors (exit 64).
    RegressBadInput(name: "no --y", arguments: [good, "--x", "x1"], status: 64),
    RegressBadInput(name: "no predictors and no intercept", arguments: [good, "--y", "y", "--no-intercept"],
                    status: 64),
    RegressBadInput(name: "unknown --robust", arguments: [good, "--y", "y", "--x", "x1", "--robust", "hc4"],
                    status: 64),
    RegressBadInput(name: "--poly without a degree", arguments: [good, "--y", "y", "--poly", "x1"], status: 64),
    RegressBadInput(name: "--poly degree 0", arguments: [good, "--y", "y", "--poly", "x1:0"], status: 64),
    RegressBadInput(name: "--level 1.5", arguments: [good, "--y", "y", "--x", "x1", "--level", "1.5"], status: 64),
    RegressBadInput(name: "--format xml", arguments: [good, "--y", "y", "--x", "x1", "--format", "xml"], status: 64),
    // Unreadable input (66) and unwritable output (73).
    RegressBadInput(name: "input file does not exist",
                    arguments: [bad + "no_such_file.csv", "--y", "y", "--x", "x1"],
                    status: 66, prefix: bad + "no_such_file.csv"),
    RegressBadInput(name: "output folder does not exist",
                    arguments: [good, "--y", "y", "--x", "x1", "-o", "/nonexistent-folder/out.csv"],
                    status: 73, prefix: "/nonexistent-folder/out.csv"),
  ]

  @Test("exit status, nothing on stdout, and the fault located on stderr", arguments: cases)
  func rejects(_ input: RegressBadInput) throws {
    let result = try runCLI(["regress"] + input.arguments, stdin: input.stdin)
    #expect(result.status == input.status, "\(input.name): exit \(result.status), stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty, "\(input.name): stdout \(result.stdout.prefix(200))")
    #expect(!result.stderr.isEmpty, "\(input.name): no message")
    #expect(!result.stderr.contains("Fatal error"), "\(input.name): crashed: \(result.stderr)")
    if let prefix = input.prefix {
      #expect(result.stderr.hasPrefix(prefix), "\(input.name): stderr \(result.stderr) should start with \(prefix)")
    }
    for text in input.mentions {
      #expect(result.stderr.contains(text), "\(input.name): stderr \(result.stderr) should mention \(text)")
    }
  }

  /// A constant predictor is not an error: with an intercept it is an exact multiple of the
  /// intercept column (c = 2.5 · 1), so it is aliased — an empty row, listed under `aliased` —
  /// and the fit proceeds on the other terms (numbers: RegressReferenceTests, "constant_predictor").
  @Test("a constant predictor is reported aliased, not dropped or solved")
  func constantPredictorIsAliased() throws {
    let csv = try runCLI(["regress", "Tests/Fixtures/regress/constant.csv", "--y", "y", "--x", "x1,c"])
    #expect(csv.status == 0, "stderr: \(csv.stderr)")
    let lines = csv.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "term,estimate,std_error,t_value,p_value,ci_low,ci_high")
    #expect(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).first ?? "" }
      == ["(Intercept)", "x1", "c", ""])
    #expect(lines.count == 5 && lines[3] == "c,,,,,,", "aliased row: \(lines)")

    let (json, message) = try runRegressJSON(["Tests/Fixtures/regress/constant.csv", "--y", "y", "--x", "x1,c"])
    let fit = try #require(json, "\(message)")
    #expect(fit.aliased == ["c"])
    #expect(fit.rank == 2)
    #expect(fit.dfResidual == 15 - 2)
  }

  /// Without an intercept a constant column is an ordinary predictor (it plays the intercept's
  /// part), so nothing is aliased.
  @Test("a constant predictor without an intercept is fitted")
  func constantPredictorWithoutIntercept() throws {
    let (json, message) = try runRegressJSON(
      ["Tests/Fixtures/regress/constant.csv", "--y", "y", "--x", "x1,c", "--no-intercept"])
    let fit = try #require(json, "\(message)")
    #expect(fit.aliased.isEmpty)
    #expect(fit.rank == 2)
    #expect(fit.coefficients.allSatisfy { $0.estimate != nil })
  }
}
