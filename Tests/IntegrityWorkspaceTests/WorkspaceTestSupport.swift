import Foundation
import Testing

@testable import IntegrityWorkspace

/// A fresh folder for one test, removed afterwards by the caller's `defer`.
struct Scratch {
  let folder: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("ws-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  /// Writes `text` to `name` in the folder; returns the path.
  @discardableResult
  func file(_ name: String, _ text: String) throws -> String {
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  var db: String { folder + "/integrity.sqlite" }

  func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

func importOptions(_ received: String, reason: String? = nil, skipBadRows: Bool = false) -> ImportOptions {
  var options = ImportOptions(received: date(received), reason: reason, importedAt: "2026-12-05T00:00:00Z")
  options.read.skipBadRows = skipBadRows
  return options
}
