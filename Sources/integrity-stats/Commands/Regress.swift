import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Regress: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "regress", abstract: "(being built)")

    mutating func run() throws {
      throw UsageError("'regress' is not implemented yet")
    }
  }
}
