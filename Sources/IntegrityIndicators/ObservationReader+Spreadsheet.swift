import IntegrityTables

extension ObservationReader {
  /// A spreadsheet input (.xlsx, .ods, known by its content) read as the CSV of its
  /// sheet (`Spreadsheet.csv(from:sheet:source:)`: UTF-8, commas, line N = sheet row N)
  /// through the same head, cell rules and consumers as any CSV file, its errors and
  /// rejected rows located as `FILE[SHEET]!D7`.
  static func streamSpreadsheet<Consumer: ColumnarConsumer>(
    bytes: [UInt8], source: String, options: ObservationReadOptions, consumer makeConsumer: () -> Consumer
  ) throws -> (consumer: Consumer, set: ObservationSet)? {
    let conversion = try Spreadsheet.csv(from: bytes, sheet: options.table.sheet, source: source)
    var csvOptions = options
    csvOptions.table.encoding = .utf8
    csvOptions.table.delimiter = UInt8(ascii: ",")
    csvOptions.table.sheet = nil
    do {
      guard var result = try streamColumns(bytes: conversion.csv, source: source, options: csvOptions, consumer: makeConsumer)
      else { return nil }
      for i in result.set.rejected.indices {
        result.set.rejected[i].error = result.set.rejected[i].error.inSheet(conversion.sheetName)
      }
      return result
    } catch let error as DataError {
      throw error.inSheet(conversion.sheetName)
    }
  }

  /// The error for `--sheet` given with an input that is not a spreadsheet.
  static func notASpreadsheet(_ sheet: String, source: String) -> DataError {
    DataError(
      file: source, line: 0, column: 0,
      message: "sheet \"\(sheet)\" asked for, but the input is not a spreadsheet (.xlsx or .ods)")
  }
}
