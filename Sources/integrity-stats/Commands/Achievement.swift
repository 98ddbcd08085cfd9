import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Achievement: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "achievement", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'achievement' is not implemented yet")
    }
  }
}
