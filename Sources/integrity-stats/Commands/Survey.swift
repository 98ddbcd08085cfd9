import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Survey: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "survey", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'survey' is not implemented yet")
    }
  }
}
