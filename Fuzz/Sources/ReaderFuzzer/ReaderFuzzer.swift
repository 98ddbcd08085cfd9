import Glibc
import IntegrityStats

/// libFuzzer entry point: any bytes as an agency file. Built with
/// `-sanitize=fuzzer,address -parse-as-library` (libFuzzer supplies `main`).
/// Errors thrown for bad input are expected; a crash, hang, leak or out-of-bounds
/// access is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzzTarget(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = count > 0 && start != nil ? Array(UnsafeBufferPointer(start: start, count: count)) : []
  // 1. The text table with every encoding and delimiter choice derived from the input.
  let encodings: [TextEncoding] = [.auto, .utf8, .big5, .utf16]
  let encoding = encodings[Int(bytes.first ?? 0) % encodings.count]
  if let table = try? TableReader.read(
    bytes: bytes, source: "fuzz", options: ReadOptions(encoding: encoding, allowRaggedRows: true))
  {
    for row in 0..<table.rowCount {
      _ = table.line(row: row)
      _ = table.originalText(row: row)
      for column in 0..<(table.fieldCount(row: row) + 1) {
        _ = table.number(row: row, column: column)
        _ = table.field(row: row, column: column)
      }
    }
  }
  // 2. Observations, long and wide, with bad rows skipped (every row accounted for).
  for wide in [false, true] {
    let options = ObservationReadOptions(wide: wide, skipBadRows: true)
    if let set = try? ObservationReader.read(bytes: bytes, source: "fuzz", options: options) {
      precondition(set.rowsRead == set.rowsUsed + set.rejected.count)
      _ = set.tidyTable
      _ = set.rejectsCSV()
    }
  }
  // 3. The fast lane against the general reader, on the same bytes as a file: cut into
  //    two parts and read in tiny blocks, it must decline or give exactly the same rows.
  checkFastLane(bytes)
  // 4. The cell parsers on the raw text.
  let text = String(decoding: bytes, as: UTF8.self)
  _ = NumberParser.parse(text)
  _ = Period(parsing: text)
  _ = Period.quarter(parsing: text)
  _ = Period.month(parsing: text)
  _ = CanonicalColumn.recognizing(text)
  _ = UnitScale(parsing: text)
  return 0
}

/// Reading in 16-byte blocks on two cores must give what one read of the whole file
/// gives: the same rows and counts, or a refusal.
func checkFastLane(_ bytes: [UInt8]) {
  let path = "/tmp/integrity-stats-fuzz-\(getpid()).csv"
  guard let file = fopen(path, "wb") else { return }
  _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
  fclose(file)
  defer { unlink(path) }
  let small = Result { try ObservationReader.readColumns(path: path, blockSize: 16, parallelMinimum: 0) }
  let whole = Result { try ObservationReader.readColumns(path: path) }
  switch (small, whole) {
  case (.success(let a), .success(let b)):
    precondition(a.set.rowsRead == b.set.rowsRead && a.columns.count == b.columns.count)
    precondition(a.set.rejected == b.set.rejected)
    for i in 0..<a.columns.count {
      precondition(a.keys.indicators[Int(a.columns.indicator[i])] == b.keys.indicators[Int(b.columns.indicator[i])])
      precondition(a.keys.agencies[Int(a.columns.agency[i])] == b.keys.agencies[Int(b.columns.agency[i])])
      precondition(a.columns[row: i].line == b.columns[row: i].line && a.columns.year[i] == b.columns.year[i])
      precondition(a.columns.value(at: i) == b.columns.value(at: i) && a.columns.target(at: i) == b.columns.target(at: i))
    }
  case (.failure, .failure):
    // Both refuse the file. Which fault is met first may differ: a stream decodes a
    // block only when it reaches it (a header error in a small first block can come
    // before a bad byte further on).
    break
  default:
    preconditionFailure("one block size read the file and the other did not")
  }
}

// SwiftPM links Linux executables with `--defsym main=ReaderFuzzer_main`, a symbol
// that `-parse-as-library` never emits (swiftlang/swift-package-manager#8731). We
// define it and hand control to libFuzzer's driver, so libFuzzer runs as usual.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("ReaderFuzzer_main")
public func readerFuzzerMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv, readerFuzzTarget)
}
