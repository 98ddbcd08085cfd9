import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "placeholder")
    mutating func run() throws {}
  }
}
