import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'report' is not implemented yet")
    }
  }
}
