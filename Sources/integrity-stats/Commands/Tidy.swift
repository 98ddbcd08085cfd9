import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Tidy: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tidy", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'tidy' is not implemented yet")
    }
  }
}
