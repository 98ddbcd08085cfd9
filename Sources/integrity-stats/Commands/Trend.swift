import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "trend", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'trend' is not implemented yet")
    }
  }
}
