import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Quarterly: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "quarterly", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'quarterly' is not implemented yet")
    }
  }
}
