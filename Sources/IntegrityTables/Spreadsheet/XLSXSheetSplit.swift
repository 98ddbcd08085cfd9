import Dispatch
import Foundation

/// A large .xlsx worksheet parsed in two parts on two cores: expat and the cell
/// callbacks are most of a sheet's cost (0.3 s and 0.35 s of CPU for 100,000 rows of
/// seven cells), and one expat parser cannot be shared.
///
/// The cut is the first `<row` start tag at or after the middle of the inflated part
/// (its size from the ZIP directory). The first part is parsed here, as usual, up to
/// the cut. The second is parsed on another thread, which opens the container again
/// and inflates the part too (0.03 s), keeps the document up to the `<sheetData>` start tag (the root's start tag
/// and its namespace declarations are there), drops the rest up to the cut, and parses
/// the two joined; its cells go to a `SheetGrid.segment`, kept whole. At the cut, this
/// thread waits for the other and joins its grid (`SheetGrid.absorb(_:)`); the
/// `<mergeCells>` at the end of the sheet come with it. Memory: the second part's CSV
/// is held until the join, at most `SheetGrid.segmentBytes` (half of the CSV; the whole
/// was held before the sheets were streamed); past that the split is given up.
///
/// The outcome is that of one parse, or the parse is one: the second part is used only
/// when the first part's last event is the `</row>` ending exactly at the cut (so the
/// cut is not inside a comment or CDATA), its rows all carry `r` and follow the first
/// part's, and it parsed without error. Otherwise — malformed XML, a formula without a
/// cached value, the limits — this thread parses on from the cut itself, and so
/// reports the error where one parse would, with the same message.
enum XLSXSheetSplit {
  /// Parts smaller than this (inflated) are parsed in one.
  static let minimumBytes = 4 << 20

  /// The second part cannot be joined (a row without `r`); read on from the cut.
  struct CannotJoin: Error {}

  /// Parses part `path` into `handler` (its grid must know its merges first, or the
  /// head rows wait for the end anyway), in two parts when it is large; true when the
  /// second part was parsed on the other thread and joined.
  @discardableResult
  static func parse(
    _ archive: SpreadsheetArchive, path: String, handler: XLSXSheetHandler, second: XLSXSheetHandler,
    minimumBytes: Int = XLSXSheetSplit.minimumBytes
  ) throws -> Bool {
    let size = archive.uncompressedSize(path) ?? 0
    guard size >= max(minimumBytes, 1) else {
      try archive.parse(path, vocabulary: XLSXNames.vocabulary, handler: handler)
      return false
    }
    let other = SecondPart(handler: second)
    other.handler.requiresRowNumbers = true
    let done = DispatchSemaphore(value: 0)
    let (bytes, source) = (archive.bytes, archive.source)
    DispatchQueue.global().async {
      // Its own reader of the container: ZIPFoundation's `Archive` reads through one file
      // position.
      other.run(bytes: bytes, source: source, path: path, middle: size / 2)
      done.signal()
    }
    var joined = false
    defer {
      // On every way out (an error in the first part too), the other thread has ended.
      if !joined {
        other.cancel()
        done.wait()
      }
    }
    let xml = XMLStream.make(vocabulary: XLSXNames.vocabulary, handler: handler)
    var offset = 0
    var cut: Int?
    var cutKnown = false
    var finished = false
    try archive.stream(path) { chunk in
      if finished { return }
      let end = offset + chunk.count
      defer { offset = end }
      if !cutKnown && end + chunk.count >= size / 2 {
        // From the chunk before the middle's on, end tags are recorded.
        cut = other.waitForCut()
        cutKnown = true
        xml.recordsEnds = cut != nil
      }
      guard let c = cut, end > c else {
        try xml.feed(chunk)
        return
      }
      let k = chunk.startIndex + (c - offset)
      try xml.feed(chunk[chunk.startIndex..<k])
      done.wait()
      joined = true
      xml.recordsEnds = false
      let atRowEnd = xml.lastEnd.map { XLSXNames.of($0.name) == .row && $0.offset == c } ?? false
      if atRowEnd, other.failure == nil, try handler.grid.absorb(other.handler.grid) {
        finished = true
      } else {
        cut = nil
        try xml.feed(chunk[k...])
      }
    }
    if !finished {
      do {
        try xml.feed(Data(), isFinal: true)
      } catch let failure as XMLStream.Failure {
        throw DataError(
          file: archive.source, line: 0, column: 0, message: "\(path) line \(failure.line): malformed XML: \(failure.message)")
      }
    }
    return finished
  }
}

/// The second part's thread: finds the cut, then parses from it.
private final class SecondPart: @unchecked Sendable {
  // Unchecked: `cut` is written before `cutReady` is signalled and read after it is
  // waited for; `failure` and the handler are read after the thread's end is waited
  // for; `cancelled` is only a hint read between chunks (a stale value costs a chunk).
  let handler: XLSXSheetHandler
  private var cut: Int?
  private var cutSent = false
  private let cutReady = DispatchSemaphore(value: 0)
  private(set) var failure: (any Error)?
  private let lock = NSLock()
  private var cancelled = false

  init(handler: XLSXSheetHandler) { self.handler = handler }

  func waitForCut() -> Int? {
    cutReady.wait()
    return cut
  }

  func cancel() {
    lock.lock()
    cancelled = true
    lock.unlock()
  }

  private var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }

  private func send(_ cut: Int?) {
    guard !cutSent else { return }
    self.cut = cut
    cutSent = true
    cutReady.signal()
  }

  func run(bytes: [UInt8], source: String, path: String, middle: Int) {
    defer { send(nil) }
    let sheetData = TagFinder(local: "sheetData")
    let row = TagFinder(local: "row")
    let xml = XMLStream.make(vocabulary: XLSXNames.vocabulary, handler: handler)
    var prefix: [UInt8]? = nil
    var window: [UInt8] = []
    var offset = 0  // of window's first byte in the part
    var parsing = false
    do {
      let archive = try SpreadsheetArchive(bytes: bytes, source: source)
      try archive.stream(path) { chunk in
        if self.isCancelled { throw Cancelled() }
        if parsing {
          try xml.feed(chunk)
          return
        }
        window.append(contentsOf: chunk)
        if prefix == nil {
          // The document through the `<sheetData …>` start tag.
          guard let p = sheetData.find(in: window, from: 0),
            let close = window[p...].firstIndex(of: UInt8(ascii: ">"))
          else {
            if window.count > XLSXMergeScan.keptBytes { throw Cancelled() }
            return
          }
          prefix = Array(window[...close])
        }
        let from = max(0, middle - offset)
        if from < window.count, let p = row.find(in: window, from: from) {
          parsing = true
          self.send(offset + p)
          var document = prefix!
          document += window[p...]
          window = []
          try xml.feed(Data(document))
          return
        }
        // Keep what a tag starting near the end needs.
        let keep = min(window.count, row.lookBehind)
        offset += window.count - keep
        window.removeSubrange(..<(window.count - keep))
      }
      try xml.feed(Data(), isFinal: true)
    } catch {
      failure = error
    }
    if !parsing && failure == nil { failure = XLSXSheetSplit.CannotJoin() }
  }

  private struct Cancelled: Error {}
}
