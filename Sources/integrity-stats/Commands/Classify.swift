import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "classify", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'classify' is not implemented yet")
    }
  }
}
