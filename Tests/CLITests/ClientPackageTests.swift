import Foundation
import Testing
import TestSupport

/// A client package can depend on IntegrityStats beside its own `Models`, `Charts`,
/// `Indicators` and `TableIO` targets: our module names carry the `Integrity` prefix.
/// SwiftPM refuses a package graph in which two packages declare the same target name
/// ("multiple packages declare targets with a conflicting name"); the control case, a
/// client target named like one of ours, shows the check can fail.
@Suite(.enabled(if: ExternalTool.swiftPM.testsRun, "the swift tool is not on PATH"))
struct ClientPackageTests {
  @Test func clientWithCommonTargetNamesResolves() throws {
    let result = try resolveClient(targets: ["Models", "Charts", "Indicators", "TableIO", "NumericCore"])
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func clientReusingOneOfOurNamesIsRefused() throws {
    let result = try resolveClient(targets: ["IntegrityModels"])
    #expect(result.status != 0)
    #expect(result.output.contains("conflicting name"))
  }

  /// Writes a client package with library targets `targets` and an executable that uses
  /// them and IntegrityStats, then loads its package graph (`swift package show-dependencies`).
  private func resolveClient(targets: [String]) throws -> (status: Int32, output: String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("client-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    for target in targets + ["App"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("Sources/\(target)"), withIntermediateDirectories: true)
    }
    for target in targets {
      try "public let \(target.lowercased()) = 1\n".write(
        to: root.appendingPathComponent("Sources/\(target)/\(target).swift"), atomically: true, encoding: .utf8)
    }
    try "import IntegrityStats\n".write(
      to: root.appendingPathComponent("Sources/App/main.swift"), atomically: true, encoding: .utf8)
    let list = targets.map { "\"\($0)\"" }.joined(separator: ", ")
    let manifest = """
      // swift-tools-version: 6.1
      import PackageDescription
      let package = Package(
        name: "Client",
        dependencies: [.package(name: "IntegrityStats", path: "\(packageRoot.path)")],
        targets: [\(targets.map { ".target(name: \"\($0)\")" }.joined(separator: ", ")),
          .executableTarget(name: "App", dependencies: [\(list), .product(name: "IntegrityStats", package: "IntegrityStats")])])
      """
    try manifest.write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "package", "--package-path", root.path, "show-dependencies"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
