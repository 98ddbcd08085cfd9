import Foundation
import Testing
import TestSupport

/// Issue 12 item 9: `--total` on an input that already has total rows (總計, 合計, 小計, 全國,
/// 全體 as agency) does not sum them again, says so in a note, and prints no two rows with
/// the same key. The sums are worked out in the comments.
@Suite struct TotalRowsCLITests {
  /// The keys of a CSV output's rows (the first `width` columns), and whether any repeats.
  static func repeatedKeys(_ csv: String, width: Int) -> [String] {
    var seen = Set<String>(), repeated: [String] = []
    for line in csv.split(separator: "\n").dropFirst() {
      let key = line.split(separator: ",", omittingEmptySubsequences: false).prefix(width).joined(separator: ",")
      if !seen.insert(key).inserted { repeated.append(key) }
    }
    return repeated
  }

  @Test func achievementTotalLeavesOutTheInputsTotals() throws {
    // 2023: A 3/5 and B 4/5 → total 7/10 = 0.7 (summing the input's 合計 too would give 14/20).
    // 2022: A 3/5 only → total 3/5 = 0.6 (not 12/15 with the input's 總　計 row).
    let input = """
      indicator,agency,year,value,target
      i,A,2023,3,5
      i,B,2023,4,5
      i,合計,2023,7,10
      i,總　計,2022,9,10
      i,A,2022,3,5

      """
    let result = try runCLI(["achievement", "--total"], stdin: input)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == """
      indicator,agency,year,actual,target,direction,ratio,status,partial
      i,A,2022,3,5,increase,0.6,behind,false
      i,A,2023,3,5,increase,0.6,behind,false
      i,B,2023,4,5,increase,0.8,behind,false
      i,總計,2022,3,5,increase,0.6,behind,false
      i,總計,2023,7,10,increase,0.7,behind,false

      """)
    #expect(result.stderr.contains(
      "note: 2 rows with agency 合計, 總　計 are totals in the input: not summed again and not printed; "
        + "the 總計 rows are computed from the other agencies' rows\n"), "\(result.stderr)")
    #expect(result.stderr.hasSuffix("read 5 rows: used 5, rejected 0\n"))
    // Without --total the input's rows are ordinary rows, as before.
    let plain = try runCLI(["achievement"], stdin: input)
    #expect(plain.stdout.contains("\ni,合計,2023,7,10,increase,0.7,behind,false\n"))
    #expect(!plain.stderr.contains("note:"))
  }

  @Test func quarterlyTotalLeavesOutTheInputsTotals() throws {
    // Q1: 臺北 3 of 10 and 士林 2 of 10 → national 5 of 20 (the input's 全國 row, 5 of 20, is
    // not added: that would be 10 of 40 and a second 全國 row).
    let input = "agency,year,quarter,value,target\n臺北,2023,1,3,10\n士林,2023,1,2,10\n全國,2023,1,5,20\n"
    let result = try runCLI(["quarterly", "--total"], stdin: input)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == """
      agency,year,quarter,count,cumulative,target,cumulative_rate,expected_rate,pace,status
      臺灣臺北地方檢察署,2023,1,3,3,10,0.3,0.25,1.2,on-track
      臺灣士林地方檢察署,2023,1,2,2,10,0.2,0.25,0.8,behind
      全國,2023,1,5,5,20,0.25,0.25,1,on-track

      """)
    #expect(result.stderr.contains("note: 1 row with agency 全國 is a total in the input: not summed again"))
  }

  @Test(arguments: [["achievement", "--total"], ["quarterly", "--total"]])
  func largeFilesWithTotalRowsGiveOneRowPerKey(_ command: [String]) throws {
    // > 1 MiB: 4,000 offices × 3 years × 4 quarters, and per year and quarter a 小計 row
    // holding the offices' sum; each office reports 1 a quarter against a target of 8.
    var lines = ["indicator,agency,year,quarter,value,target"]
    for year in 2021...2023 {
      for quarter in 1...4 {
        for office in 0..<4000 { lines.append("i,office \(office),\(year),\(quarter),1,8") }
        lines.append("i,小計,\(year),\(quarter),4000,32000")
      }
    }
    let text = lines.joined(separator: "\n") + "\n"
    #expect(text.utf8.count > 1 << 20)
    let path = NSTemporaryDirectory() + "total-rows-\(ProcessInfo.processInfo.processIdentifier)-\(command[0]).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let file = try runCLI(command + [path])
    let stdin = try runCLI(command + ["-"], stdin: text)
    #expect(file.status == 0, "\(file.stderr)")
    #expect(file.stdout == stdin.stdout)
    #expect(file.stderr.contains("note: 12 rows with agency 小計 are totals in the input: not summed again"))
    let width = command[0] == "quarterly" ? 4 : 3  // indicator,agency,year(,quarter)
    #expect(Self.repeatedKeys(file.stdout, width: width).isEmpty)
    if command[0] == "achievement" {
      // 4,000 offices × 4 = 16,000 against 4,000 × 8 = 32,000: 0.5.
      #expect(file.stdout.contains("\ni,總計,2023,16000,32000,increase,0.5,behind,false\n"))
    } else {
      // Q4: 4,000 in the quarter, cumulative 16,000 of 32,000 = 0.5, expected 1, pace 0.5.
      #expect(file.stdout.contains("\ni,全國,2023,4,4000,16000,32000,0.5,1,0.5,behind\n"))
    }
  }
}
