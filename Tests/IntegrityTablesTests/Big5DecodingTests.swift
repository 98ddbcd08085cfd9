import Foundation
import Testing
import TestSupport
@testable import IntegrityTables

/// The table-driven CP950 decoder against the `iconv` command (glibc) on real files.
@Suite struct Big5DecodingTests {
  static let samples = [
    "dgbas_NA8103A1Ac_big5_full.csv", "moi_lvr_A_LVR_LAND_A_big5_head30.csv",
    "nhi_DataGov25511_big5_head30.csv", "yilan_opendata_catalog_big5_head30.csv",
  ]

  func iconv(_ path: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "CP950", "-t", "UTF-8", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
  }

  @Test(arguments: samples)
  func matchesIconv(_ name: String) throws {
    let path = referencePath("agency-csv-samples/\(name)")
    let bytes = try InputBytes.read(path: path)
    let decoded = try TextDecoder.decode(bytes, encoding: .auto, source: name)
    #expect(decoded.encoding == .big5)
    #expect(decoded.utf8 == (try iconv(path)))
  }

  @Test func eurosignAndEtenExtension() throws {
    // CP950: A3E1 = € (U+20AC), F9D6 = 碁 (U+7881); TOOLCHAIN.md.
    let decoded = try TextDecoder.decode([0xA3, 0xE1, 0x2C, 0xF9, 0xD6], encoding: .big5, source: "x")
    #expect(String(decoding: decoded.utf8, as: UTF8.self) == "€,碁")
  }

  /// Single bytes that map to two-byte characters (0x80 → U+0080, as iconv maps it)
  /// grow the text: a run of them once wrote past the output buffer (found by the
  /// fuzzer: `Fuzz/run.sh`, `crash-8926f308…`).
  @Test func singleBytesThatGrowDoNotOverflow() throws {
    let bytes: [UInt8] = [0xAB, 0xFC, 0xBC, 0x69, 0x64] + Array(repeating: 0x80, count: 200) + Array("icator,ag".utf8)
    let decoded = try TextDecoder.decode(bytes, encoding: .big5, source: "x")
    let expected = try iconvBytes(bytes)
    #expect(decoded.utf8 == expected)
    #expect(decoded.utf8.count > bytes.count * 3 / 2 + 16)
  }

  func iconvBytes(_ bytes: [UInt8]) throws -> [UInt8] {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("big5-\(UUID().uuidString).csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try iconv(path)
  }

  @Test func invalidByteNamesItsOffset() {
    // "年度\n" in Big5 is A6 7E AB D7 0A; then 0x81 0x20 is no Big5 pair (trail 0x20 < 0x40).
    let bytes: [UInt8] = [0xA6, 0x7E, 0xAB, 0xD7, 0x0A, 0x31, 0x81, 0x20]
    #expect(
      throws: DataError(
        file: "bad.csv", line: 2, column: 2, message: "cannot decode byte 0x81 at byte offset 6 as UTF-8 or Big5 (CP950)")
    ) {
      try TextDecoder.decode(bytes, encoding: .auto, source: "bad.csv")
    }
  }

  @Test func truncatedPairAtEnd() {
    #expect(
      throws: DataError(
        file: "t.csv", line: 1, column: 2, message: "cannot decode byte 0xA6 at byte offset 1 as UTF-8 or Big5 (CP950)")
    ) {
      try TextDecoder.decode([0x31, 0xA6], encoding: .big5, source: "t.csv")
    }
  }

  @Test func forcedUTF8RejectsBig5() {
    #expect(
      throws: DataError(file: "u.csv", line: 1, column: 1, message: "cannot decode byte 0xA6 at byte offset 0 as UTF-8")
    ) {
      try TextDecoder.decode([0xA6, 0x7E], encoding: .utf8, source: "u.csv")
    }
  }

  @Test func utf16BigEndianAndUnpairedSurrogate() throws {
    let be: [UInt8] = [0xFE, 0xFF, 0x5E, 0x74, 0x00, 0x2C, 0x00, 0x31]  // "年,1"
    #expect(String(decoding: try TextDecoder.decode(be, encoding: .auto, source: "b").utf8, as: UTF8.self) == "年,1")
    #expect(throws: DataError.self) {
      try TextDecoder.decode([0xFF, 0xFE, 0x00, 0xD8, 0x31, 0x00], encoding: .auto, source: "s")
    }
  }
}
