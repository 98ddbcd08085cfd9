import Dispatch
import IntegrityTables

extension ObservationReader {
  /// The size of the CSV blocks a sheet is handed over in: small enough that reading
  /// starts early and ends soon after the conversion, large enough (like a file's
  /// first block, 64 KiB or more) to hold the head rows and what follows them.
  @usableFromInline
  static let spreadsheetBlockSize = 256 << 10

  /// A spreadsheet input (.xlsx, .ods, known by its content) read as the CSV of its
  /// sheet (`Spreadsheet.stream(from:sheet:source:blockSize:mergesFirst:into:)`: UTF-8,
  /// commas, line N = sheet row N) through the same head, cell rules and consumers as
  /// any CSV file, its errors and rejected rows located as `FILE[SHEET]!D7`.
  ///
  /// Two cores: the sheet is converted on another thread, which hands its CSV over a
  /// `ByteChannel` block by block, and read here block by block as standard input is,
  /// the head from the first block. The outcome is the same as converting the whole
  /// sheet first: when the conversion fails (malformed XML, a formula without a cached
  /// value, the limits), its error is thrown, whatever the reader made of the CSV cut
  /// short; when the reader stops first (an error, a declined row), the conversion
  /// still runs to its end, unread, so that its error wins. When the conversion finds
  /// it handed on head rows with merges its sheet does not confirm
  /// (`Spreadsheet.HeadChanged`), the sheet is converted again whole and read after.
  @usableFromInline
  static func streamSpreadsheet<Consumer: ColumnarConsumer>(
    bytes: [UInt8], source: String, options: ObservationReadOptions, blockSize: Int = spreadsheetBlockSize,
    consumer makeConsumer: () -> Consumer
  ) throws -> (consumer: Consumer, set: ObservationSet) {
    var csvOptions = options
    csvOptions.table.encoding = .utf8
    csvOptions.table.delimiter = UInt8(ascii: ",")
    csvOptions.table.sheet = nil
    let conversion = SheetConversion()
    let channel = ByteChannel(capacity: 4)
    let sheet = options.table.sheet
    DispatchQueue.global().async {
      var sending = true
      do {
        conversion.sheet = try Spreadsheet.stream(from: bytes, sheet: sheet, source: source, blockSize: blockSize) {
          block in
          if sending { sending = channel.send(block) }
        }
      } catch {
        conversion.failure = error
      }
      channel.close()
    }
    let read = Result { try streamBlocks(channel, source: source, options: csvOptions, consumer: makeConsumer) }
    // Waits for the conversion to end (what it still sends is dropped).
    channel.cancel()
    if conversion.failure is Spreadsheet.HeadChanged {
      var csv: [UInt8] = []
      let converted = try Spreadsheet.stream(from: bytes, sheet: sheet, source: source, mergesFirst: false) { csv += $0 }
      return try located(in: converted.name) {
        try streamColumns(bytes: csv, source: source, options: csvOptions, consumer: makeConsumer)
      }
    }
    if let failure = conversion.failure { throw failure }
    return try located(in: conversion.sheet!.name) { try read.get() }
  }

  /// The outcome of `body` with its error and rejected rows located in `sheet`.
  private static func located<Consumer: ColumnarConsumer>(
    in sheet: String, _ body: () throws -> (consumer: Consumer, set: ObservationSet)
  ) throws -> (consumer: Consumer, set: ObservationSet) {
    do {
      var result = try body()
      for i in result.set.rejected.indices {
        result.set.rejected[i].error = result.set.rejected[i].error.inSheet(sheet)
      }
      return result
    } catch let error as DataError {
      throw error.inSheet(sheet)
    }
  }

  /// CSV blocks received from `channel` read as one part: the head from the first block.
  private static func streamBlocks<Consumer: ColumnarConsumer>(
    _ channel: ByteChannel, source: String, options: ObservationReadOptions, consumer makeConsumer: () -> Consumer
  ) throws -> (consumer: Consumer, set: ObservationSet) {
    var head: Head
    do {
      let first = try channel.receive()
      head = try Head(raw: first ?? [], isLast: first == nil, source: source, options: options)
    } catch var error as DataError {
      if error.account == nil { error.account = RowAccount(read: 0, used: 0, rejected: 0) }
      throw error
    }
    let aggregationSource = head.aggregationSource
    let only = Part(
      consumer: makeConsumer(), source: aggregationSource, stream: PartStream(head: &head, channel: channel), bytes: 0)
    return try finish(only: only, head: head, source: source)
  }

  /// The error for `--sheet` given with an input that is not a spreadsheet.
  @usableFromInline
  static func notASpreadsheet(_ sheet: String, source: String) -> DataError {
    DataError(
      file: source, line: 0, column: 0,
      message: "sheet \"\(sheet)\" asked for, but the input is not a spreadsheet (.xlsx or .ods)")
  }
}

/// What the conversion thread leaves for the reader: the sheet read, or its error.
private final class SheetConversion: @unchecked Sendable {
  // Unchecked: written by the conversion thread before `ByteChannel.close()`, read by
  // the reader after `ByteChannel.cancel()` returned (which waits for the close).
  var sheet: Spreadsheet.Sheet?
  var failure: (any Error)?
}
