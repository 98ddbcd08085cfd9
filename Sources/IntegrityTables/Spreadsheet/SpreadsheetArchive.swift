import Foundation
import ZIPFoundation

/// The ZIP container of an `.xlsx` or `.ods` file (ZIPFoundation over the bytes in
/// memory), with entries inflated as a stream into an `XMLStream`.
///
/// Zip-bomb defence: an entry is inflated chunk by chunk and never kept whole; reading
/// stops with a `DataError` once an entry has given `SpreadsheetLimits.entryBytes`, or
/// more than `SpreadsheetLimits.bombRatio` times its compressed size past
/// `SpreadsheetLimits.ratioFloor`. A damaged container is a `DataError` too, checked
/// by `ZipStructure` before ZIPFoundation reads it.
struct SpreadsheetArchive {
  let archive: Archive
  let source: String
  /// The container's bytes (for another thread to open its own `Archive`: one is not
  /// to be read from two threads).
  let bytes: [UInt8]

  /// The ZIP local-file-header signature `PK\u{3}\u{4}` every .xlsx and .ods starts with.
  static func hasZipMagic<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
  }

  init(bytes: [UInt8], source: String) throws {
    self.source = source
    self.bytes = bytes
    if let problem = ZipStructure.problem(bytes) {
      throw DataError(file: source, line: 0, column: 0, message: "a damaged ZIP container (.xlsx/.ods): \(problem)")
    }
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      throw DataError(file: source, line: 0, column: 0, message: "not a readable ZIP container (.xlsx/.ods): \(error)")
    }
  }

  func contains(_ path: String) -> Bool { archive[path] != nil }

  /// The inflated size entry `path` declares (nil when absent); a hint only, the
  /// limits apply to what it really inflates to.
  func uncompressedSize(_ path: String) -> Int? { archive[path].map { Int(clamping: $0.uncompressedSize) } }

  /// The whole of a small entry (at most `limit` bytes inflated), or nil if absent.
  func smallEntry(_ path: String, limit: Int = 1 << 20) throws -> Data? {
    guard archive[path] != nil else { return nil }
    var data = Data()
    try stream(path) { chunk in
      data.append(chunk)
      if data.count > limit {
        throw DataError(file: source, line: 0, column: 0, message: "\(path) is larger than expected (over \(limit) bytes)")
      }
    }
    return data
  }

  /// Inflates entry `path` chunk by chunk into `consumer`, with the bomb limits.
  func stream(_ path: String, _ consumer: (Data) throws -> Void) throws {
    guard let entry = archive[path] else {
      throw DataError(file: source, line: 0, column: 0, message: "the container has no \(path)")
    }
    let compressed = Int(clamping: entry.compressedSize)
    var inflated = 0
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
        inflated += chunk.count
        if inflated > SpreadsheetLimits.entryBytes
          || (inflated > SpreadsheetLimits.ratioFloor && inflated > SpreadsheetLimits.bombRatio * max(compressed, 1))
        {
          throw DataError(
            file: source, line: 0, column: 0,
            message: "\(path) inflates to more than \(inflated) bytes from \(compressed) (a ZIP bomb?); not read")
        }
        try consumer(chunk)
      }
    } catch let error as DataError {
      throw error
    } catch let finished as ODSContentHandler.Finished {
      throw finished
    } catch let failure as XMLStream.Failure {
      throw DataError(file: source, line: 0, column: 0, message: "\(path) line \(failure.line): malformed XML: \(failure.message)")
    } catch {
      throw DataError(file: source, line: 0, column: 0, message: "\(path) cannot be inflated: \(error)")
    }
  }

  /// Streams entry `path` through expat into `handler`.
  func parse<Handler: XMLHandler>(_ path: String, vocabulary: XMLVocabulary, handler: Handler) throws {
    let xml = XMLStream.make(vocabulary: vocabulary, handler: handler)
    try stream(path) { try xml.feed($0) }
    do {
      try xml.feed(Data(), isFinal: true)
    } catch let failure as XMLStream.Failure {
      throw DataError(file: source, line: 0, column: 0, message: "\(path) line \(failure.line): malformed XML: \(failure.message)")
    }
  }
}

/// Bounds on what one spreadsheet may cost, whatever its XML says.
enum SpreadsheetLimits {
  /// The most bytes one ZIP entry may inflate to (4 GiB: LibreOffice writes about 900
  /// bytes of content.xml per row of seven cells, so a full 1,048,576-row .ods is near 1 GiB).
  static let entryBytes = 4 << 30
  /// Past `ratioFloor` inflated bytes, an entry may not inflate to more than this many
  /// times its compressed size (real sheet XML deflates 5–30×; DEFLATE's maximum is
  /// about 1032×).
  static let bombRatio = 200
  static let ratioFloor = 64 << 20
  /// The most cells (including empty cells written between values) one sheet may give.
  static let cells = 100_000_000
  /// The most CSV bytes one sheet may give (512 MiB).
  static let csvBytes = 512 << 20
}
