import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Catalog: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "catalog", abstract: "(not implemented yet)")

    mutating func run() throws {
      throw UsageError("'catalog' is not implemented yet")
    }
  }
}
