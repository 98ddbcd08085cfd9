import Foundation
import TestSupport

/// The JSON object `integrity-stats regress --format json` prints (DESIGN.md §6), decoded for tests.
/// Keys are snake_case in the output (`std_error`, `adj_r_squared`, `f_p_value`, …); absent numbers are
/// JSON null, so every statistic is optional. Aliased terms carry null estimate, SE, t, p and CI.
struct RegressOutput: Decodable, Equatable, Sendable {
  struct Row: Decodable, Equatable, Sendable {
    var term: String
    var estimate: Double?
    var stdError: Double?
    var tValue: Double?
    var pValue: Double?
    var ciLow: Double?
    var ciHigh: Double?
  }

  var coefficients: [Row]
  var n: Int
  var dfResidual: Int
  var sigma: Double?
  var rSquared: Double?
  var adjRSquared: Double?
  var fStatistic: Double?
  var fPValue: Double?
  var rank: Int
  var aliased: [String]
  var logLikelihood: Double?
  var aic: Double?
  var bic: Double?
  var covarianceType: String?

  /// The row of `term`, if the output has one.
  func row(_ term: String) -> Row? { coefficients.first { $0.term == term } }

  /// Decodes `text` (the command's standard output).
  static func decode(_ text: String) throws -> RegressOutput {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(RegressOutput.self, from: Data(text.utf8))
  }
}

/// Runs `integrity-stats regress ARGS --format json`; returns the decoded output, or nil (after
/// recording why) when the command fails or prints something that is not the documented JSON.
func runRegressJSON(_ arguments: [String], stdin: String? = nil) throws -> (output: RegressOutput?, stderr: String) {
  let result = try runCLI(["regress"] + arguments + ["--format", "json"], stdin: stdin)
  guard result.status == 0 else { return (nil, "exit \(result.status): \(result.stderr)") }
  do {
    return (try RegressOutput.decode(result.stdout), result.stderr)
  } catch {
    return (nil, "undecodable output (\(error)): \(result.stdout.prefix(400))")
  }
}
