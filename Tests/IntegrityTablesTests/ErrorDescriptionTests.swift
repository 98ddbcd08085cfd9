import Foundation
import IntegrityTables
import Testing

/// A client embedding the library reads the same located message the tool prints, through
/// `localizedDescription` (not Foundation's "The operation could not be completed").
@Suite struct ErrorDescriptionTests {
  @Test func localizedDescriptionIsTheLocatedMessage() {
    let data: Error = DataError(
      file: "填報表.csv", line: 7, column: 4, columnName: "實際值", message: "expected a number", found: "abc")
    #expect(data.localizedDescription == "填報表.csv:7:4: expected a number in column \"實際值\" (found \"abc\")")
    let sheet: Error = DataError(
      file: "填報表.xlsx", line: 7, column: 4, message: "expected a number", found: "abc", sheet: "工作表1")
    #expect(sheet.localizedDescription == "填報表.xlsx[工作表1]!D7: expected a number (found \"abc\")")
    let input: Error = InputError(path: "missing.csv", reason: "No such file or directory")
    #expect(input.localizedDescription == "missing.csv: cannot read input: No such file or directory")
    let output: Error = OutputError(path: "/proc/x.csv", reason: "Permission denied")
    #expect(output.localizedDescription == "/proc/x.csv: cannot write output: Permission denied")
  }
}
