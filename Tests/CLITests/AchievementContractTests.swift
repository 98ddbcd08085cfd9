import Foundation
import Testing
import TestSupport
import IntegrityStats

/// Issue 12 item 8 on both paths of `achievement`: a small input (the general computation over
/// observations) and a file of more than 1 MiB (the streaming fast lane).
@Suite struct AchievementContractTests {
  /// A file of > 1 MiB whose rows all carry `indicator` and `target`, 2 years × many agencies.
  static func bigFile(indicator: String, target: String, name: String) throws -> (path: String, text: String) {
    var lines = ["indicator,agency,year,value,target"]
    for agency in 0..<25_000 {
      for year in 2022...2023 { lines.append("\(indicator),agency \(agency),\(year),\(agency % 3),\(target)") }
    }
    let text = lines.joined(separator: "\n") + "\n"
    let path = NSTemporaryDirectory() + "achievement-contract-\(ProcessInfo.processInfo.processIdentifier)-\(name).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return (path, text)
  }

  @Test func zeroTargetWithIncreaseIsNoTarget() throws {
    // DESIGN.md §4: no-target when the target is missing or 0 for increase/decrease.
    for direction in ["increase", "decrease"] {
      let result = try runCLI(
        ["achievement", "--direction", direction], stdin: "indicator,agency,year,value,target\ni,A,2023,3,0\n")
      #expect(result.status == 0, "\(direction): \(result.stderr)")
      #expect(result.stdout == """
        indicator,agency,year,actual,target,direction,ratio,status,partial
        i,A,2023,3,0,\(direction),,no-target,false

        """, "\(direction)")
    }
  }

  @Test func zeroTargetWithIncreaseIsNoTargetOnTheFastLane() throws {
    let (path, text) = try Self.bigFile(indicator: "i", target: "0", name: "zero")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(text.utf8.count > 1 << 20)
    let fast = try runCLI(["achievement", path])
    let general = try runCLI(["achievement", "-"], stdin: text)
    #expect(fast.status == 0, "\(fast.stderr)")
    #expect(general.status == 0, "\(general.stderr)")
    #expect(fast.stdout == general.stdout)
    let rows = fast.stdout.split(separator: "\n").dropFirst()
    #expect(rows.count == 50_000)
    #expect(rows.allSatisfy { $0.hasSuffix(",0,increase,,no-target,false") })
  }

  @Test func mixedDirectionMeasureIsMatchedByItsWords() throws {
    // 8-8 has a zero-event (8-8-1), a milestone (8-8-2) and a count target (8-8-3); the label
    // shares 檢舉人身分外洩 with 8-8-1 only: zero events, 0 → achieved.
    let small = try runCLI(["achievement"], stdin: "indicator,agency,year,value,target\n8-8 檢舉人身分外洩,法務部,2023,0,0\n")
    #expect(small.status == 0, "\(small.stderr)")
    #expect(small.stdout.hasSuffix("\n8-8 檢舉人身分外洩,法務部,2023,0,0,zero,,achieved,false\n"))

    let (path, text) = try Self.bigFile(indicator: "8-8 檢舉人身分外洩", target: "0", name: "words")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let fast = try runCLI(["achievement", path])
    let general = try runCLI(["achievement", "-"], stdin: text)
    #expect(fast.status == 0, "\(fast.stderr)")
    #expect(fast.stdout == general.stdout)
    // agency k reports k mod 3 events: achieved when 0, behind otherwise.
    #expect(fast.stdout.contains("\n8-8 檢舉人身分外洩,agency 0,2023,0,0,zero,,achieved,false\n"))
    #expect(fast.stdout.contains("\n8-8 檢舉人身分外洩,agency 1,2023,1,0,zero,,behind,false\n"))
  }

  @Test func ambiguousMeasureIsRefusedNamingTheCandidates() throws {
    let message = """
      2:1: indicator "8-8 檢舉" names measure 8-8, whose targets differ in direction: 8-8-1 (zero: \
      法務部(廉政署、調查局)對民眾具…), 8-8-2 (milestone: 金融監督管理委員會於上市(櫃)公…), 8-8-3 (increase: \
      每年統計政風機構受理檢舉件數及保…) in column "indicator" (found "8-8 檢舉"); name the target (e.g. 8-8-1) \
      or give the direction (a direction column, or --direction)
      """
    let small = try runCLI(["achievement"], stdin: "indicator,agency,year,value,target\n8-8 檢舉,法務部,2023,0,0\n")
    #expect(small.status == 65)
    #expect(small.stderr.contains("<stdin>:" + message + "\n"), "\(small.stderr)")
    #expect(small.stdout.isEmpty)

    let (path, _) = try Self.bigFile(indicator: "8-8 檢舉", target: "0", name: "ambiguous")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let fast = try runCLI(["achievement", path])
    #expect(fast.status == 65)
    #expect(fast.stderr.contains(path + ":" + message + "\n"), "\(fast.stderr)")
    // --direction settles it, on either path.
    let settled = try runCLI(["achievement", path, "--direction", "zero"])
    #expect(settled.status == 0, "\(settled.stderr)")
  }
}
