import Foundation
import IntegrityTables

extension Workspace {
  /// A fresh workspace in a new temporary folder (the demo's); `removeTemporary()` deletes it.
  public static func temporary() throws -> Workspace {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("integrity-stats-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: folder.path, reason: "cannot create a temporary folder")
    }
    return try Workspace(path: folder.appendingPathComponent(defaultFileName).path, create: true)
  }

  /// Deletes a workspace made by `temporary()`, with its folder.
  public func removeTemporary() {
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
  }
}
