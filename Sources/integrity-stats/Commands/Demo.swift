import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'demo' is not implemented yet")
    }
  }
}
