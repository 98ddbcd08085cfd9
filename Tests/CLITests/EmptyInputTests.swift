import Testing
import TestSupport

/// An empty input (a failed export, a wrong pipe) is a data error for every command that
/// reads observations, never an empty success.
@Suite struct EmptyInputTests {
  @Test(arguments: ["tidy", "achievement", "quarterly", "trend", "survey"])
  func emptyInputIsRejected(command: String) throws {
    let result = try runCLI([command], stdin: "")
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("<stdin>:1:1: the input is empty (no header line)"))
  }
}
