import Foundation

/// The merged cells of an .xlsx worksheet, found before its cells are read, so that the
/// head rows are final at the first row past them and the CSV can be handed on while
/// the rest of the sheet is parsed (see `SheetGrid.MergeSource`).
///
/// A worksheet lists `<mergeCells>` after `<sheetData>` (ECMA-376 Part 1, §18.3.1.99
/// and the sequence of `CT_Worksheet`), so a first pass inflates the part (about 0.03 s
/// for 40 MB) and looks only at bytes: it keeps the document up to the `<sheetData`
/// start tag (the root's start tag and its namespace declarations are there) and,
/// from the first `<mergeCells` start tag on, the rest of it; expat parses the two
/// joined, without the cells in between.
///
/// A guess that is wrong cannot change the output: the grid checks the merges the real
/// parse gives against these and, when they differ, the sheet is read again with its
/// merges at the end (`Spreadsheet.HeadChanged`). Anything unexpected here (no
/// `<sheetData`, a part over the limits, XML that does not parse) gives `nil`, and the
/// sheet is read with its merges at the end, as a whole; errors are left for the real
/// parse to report.
enum XLSXMergeScan {
  /// The most bytes kept before `<sheetData` and from `<mergeCells` on.
  static let keptBytes = 8 << 20

  private struct GiveUp: Error {}

  /// The sheet's merges (none: `[]`), or nil when they cannot be found this way.
  static func merges(_ archive: SpreadsheetArchive, path: String) -> [SheetGrid.Merge]? {
    let sheetData = TagFinder(local: "sheetData")
    let mergeCells = TagFinder(local: "mergeCells")
    var prefix: [UInt8]? = nil
    var fragment: [UInt8]? = nil
    var window: [UInt8] = []
    var scanFrom = 0
    do {
      try archive.stream(path) { chunk in
        if fragment != nil {
          fragment!.append(contentsOf: chunk)
          if fragment!.count > keptBytes { throw GiveUp() }
          return
        }
        let before = window.count
        window.append(contentsOf: chunk)
        if prefix == nil {
          // Everything before `<sheetData` is kept.
          if let p = sheetData.find(in: window, from: max(0, before - sheetData.lookBehind)) {
            prefix = Array(window[..<p])
            window.removeSubrange(..<p)
            scanFrom = 0
          } else {
            if window.count > keptBytes { throw GiveUp() }
            return
          }
        }
        if let p = mergeCells.find(in: window, from: scanFrom) {
          fragment = Array(window[p...])
          window = []
          return
        }
        // Keep what a tag starting near the end needs.
        let keep = min(window.count, mergeCells.lookBehind)
        window.removeSubrange(..<(window.count - keep))
        scanFrom = 0
      }
    } catch {
      return nil
    }
    guard let prefix else { return nil }
    guard let fragment else { return [] }
    let handler = XLSXMergeHandler()
    do {
      try XMLStream.make(vocabulary: XLSXNames.vocabulary, handler: handler).parse(Data(prefix + fragment))
    } catch {
      return nil
    }
    return handler.merges
  }
}

/// Finds a start tag by its local name in bytes (`<mergeCells` or `<x:mergeCells`,
/// followed by a space, `>` or `/`), looking first for its first upper-case letter,
/// which is rarer in sheet XML than `<`.
struct TagFinder {
  let name: [UInt8]
  let anchor: Int
  /// Bytes before a match's anchor that are looked at (the `<`, a prefix of up to 64
  /// bytes and its `:`), plus the rest of the name and the byte after it.
  let lookBehind: Int

  init(local: String) {
    name = Array(local.utf8)
    anchor = name.firstIndex { $0 >= 0x41 && $0 <= 0x5A } ?? 0
    lookBehind = 66 + name.count + 1
  }

  /// The index of the `<` of the first such tag at or after `from` (by its anchor), if
  /// it lies wholly in `bytes`.
  func find(in bytes: [UInt8], from: Int) -> Int? {
    var i = from + anchor
    let end = bytes.count - (name.count - anchor)
    while i < end, let a = bytes[i..<end].firstIndex(of: name[anchor]) {
      if let p = tagStart(bytes, at: a - anchor) { return p }
      i = a + 1
    }
    return nil
  }

  private func tagStart(_ bytes: [UInt8], at start: Int) -> Int? {
    guard start >= 1, bytes[start..<(start + name.count)].elementsEqual(name) else { return nil }
    let after = bytes[start + name.count]
    guard after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D || after == 0x3E || after == 0x2F else {
      return nil
    }
    var k = start - 1
    if bytes[k] == UInt8(ascii: "<") { return k }
    guard bytes[k] == UInt8(ascii: ":") else { return nil }
    k -= 1
    var length = 0
    while k >= 0, length < 64, TagFinder.isNameByte(bytes[k]) {
      k -= 1
      length += 1
    }
    return length > 0 && k >= 0 && bytes[k] == UInt8(ascii: "<") ? k : nil
  }

  private static func isNameByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
      || b == 0x2E || b >= 0x80
  }
}

/// `<mergeCell ref>` elements, wherever they are.
final class XLSXMergeHandler: XMLHandler {
  var text: [UInt8] = []
  var collectsText: Bool { false }
  private(set) var merges: [SheetGrid.Merge] = []

  func startElement(_ name: Int, _ attributes: XMLAttributes) throws {
    guard XLSXNames.of(name) == .mergeCell, let merge = XLSXSheetHandler.merge(attributes) else { return }
    merges.append(merge)
  }

  func endElement(_ name: Int) throws {}
}
