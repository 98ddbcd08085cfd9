import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Chart: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "chart", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'chart' is not implemented yet")
    }
  }
}
