import IntegrityTables
import IntegrityDecimal

/// A minimal Apache Parquet writer: one row group, one PLAIN-encoded, uncompressed data page
/// (v1) per column, and the file metadata in Thrift's compact protocol.
///
/// Format: Apache Parquet format specification (parquet-format, `README.md` and
/// `src/main/thrift/parquet.thrift`, https://github.com/apache/parquet-format), and the
/// Thrift compact protocol (https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md).
///
///     file   = "PAR1" · column chunks · FileMetaData · len(FileMetaData) (u32 LE) · "PAR1"
///     chunk  = PageHeader · definition levels · values
///     levels = u32 LE byte length · RLE runs: varint(count << 1) · level (1 byte, bit width 1)
///     values = PLAIN, non-null values only: BYTE_ARRAY = u32 LE length · bytes;
///              INT64 = 8 bytes LE; DOUBLE = IEEE 754 8 bytes LE; BOOLEAN = bits, LSB first;
///              FIXED_LEN_BYTE_ARRAY(16) = the DECIMAL's unscaled value, big-endian two's complement
///
/// Every column is OPTIONAL (max definition level 1), so an absent value is a null, as in
/// CSV (empty) and JSON (null). Text is BYTE_ARRAY annotated UTF8; exact decimals are
/// DECIMAL(38, s), s the most fraction digits in the column (a column whose unscaled values
/// would need more than 38 digits is written as UTF8 text instead, exact either way).
/// Checked by reading files back with pyarrow and DuckDB (`CLITests/WorkspaceCLITests`).
public enum ParquetWriter {
  /// A column to write.
  public enum Values: Sendable {
    case text([String?])
    case integer([Int?])
    case double([Double?])
    case boolean([Bool?])
    case decimal([DecimalNumber?])
  }

  public struct ColumnData: Sendable {
    public var name: String
    public var values: Values
    public init(_ name: String, _ values: Values) {
      self.name = name
      self.values = values
    }

    var count: Int {
      switch values {
      case .text(let v): v.count
      case .integer(let v): v.count
      case .double(let v): v.count
      case .boolean(let v): v.count
      case .decimal(let v): v.count
      }
    }
  }

  /// The columns of a `Table` (text, integer, double, boolean).
  public static func columns(_ table: IntegrityTables.Table) -> [ColumnData] {
    table.columns.map { column in
      switch column.values {
      case .text(let v): ColumnData(column.name, .text(v))
      case .number(let v): ColumnData(column.name, .double(v.map { $0.flatMap { $0.isFinite ? $0 : nil } }))
      case .integer(let v): ColumnData(column.name, .integer(v))
      case .boolean(let v): ColumnData(column.name, .boolean(v))
      }
    }
  }

  /// The Parquet file of `columns` (all of one length).
  public static func bytes(_ columns: [ColumnData]) -> [UInt8] {
    let rows = columns.first?.count ?? 0
    precondition(columns.allSatisfy { $0.count == rows }, "ParquetWriter: columns of unequal length")
    var out: [UInt8] = Array("PAR1".utf8)
    var schema: [Schema] = []
    var chunks: [(offset: Int, size: Int, type: Int32, name: String)] = []
    for column in columns {
      var levels: [Bool] = []
      var values: [UInt8] = []
      let element: Schema
      switch column.values {
      case .text(let v):
        levels = v.map { $0 != nil }
        for s in v { if let s { appendByteArray(Array(s.utf8), to: &values) } }
        element = Schema(name: column.name, type: 6, convertedType: 0)
      case .integer(let v):
        levels = v.map { $0 != nil }
        for i in v { if let i { appendLittleEndian(UInt64(bitPattern: Int64(i)), bytes: 8, to: &values) } }
        element = Schema(name: column.name, type: 2)
      case .double(let v):
        levels = v.map { $0 != nil }
        for d in v { if let d { appendLittleEndian(d.bitPattern, bytes: 8, to: &values) } }
        element = Schema(name: column.name, type: 5)
      case .boolean(let v):
        levels = v.map { $0 != nil }
        var bit = 0
        for b in v {
          guard let b else { continue }
          if bit % 8 == 0 { values.append(0) }
          if b { values[values.count - 1] |= UInt8(1) << UInt8(bit % 8) }
          bit += 1
        }
        element = Schema(name: column.name, type: 0)
      case .decimal(let v):
        levels = v.map { $0 != nil }
        let scale = v.reduce(Int32(0)) { max($0, -($1?.normalized.exponent ?? 0)) }
        if let unscaled = unscaledValues(v.compactMap { $0 }, scale: scale) {
          for u in unscaled {
            for shift in stride(from: 120, through: 0, by: -8) { values.append(UInt8(truncatingIfNeeded: u >> Int128(shift))) }
          }
          element = Schema(name: column.name, type: 7, typeLength: 16, convertedType: 5, scale: scale, precision: 38)
        } else {
          for d in v { if let d { appendByteArray(Array(d.description.utf8), to: &values) } }
          element = Schema(name: column.name, type: 6, convertedType: 0)
        }
      }
      schema.append(element)
      var page: [UInt8] = []
      var runs: [UInt8] = []
      var i = 0
      while i < levels.count {
        var j = i
        while j < levels.count && levels[j] == levels[i] { j += 1 }
        appendVarint(UInt64(j - i) << 1, to: &runs)
        runs.append(levels[i] ? 1 : 0)
        i = j
      }
      appendLittleEndian(UInt64(runs.count), bytes: 4, to: &page)
      page += runs
      page += values
      var header = ThriftCompact()
      header.i32(1, 0)  // type: DATA_PAGE
      header.i32(2, Int32(page.count))  // uncompressed_page_size
      header.i32(3, Int32(page.count))  // compressed_page_size
      header.beginStruct(5)  // data_page_header
      header.i32(1, Int32(levels.count))  // num_values
      header.i32(2, 0)  // encoding: PLAIN
      header.i32(3, 3)  // definition_level_encoding: RLE
      header.i32(4, 3)  // repetition_level_encoding: RLE
      header.endStruct()
      header.stop()
      let offset = out.count
      out += header.bytes
      out += page
      chunks.append((offset, out.count - offset, element.type, column.name))
    }
    var meta = ThriftCompact()
    meta.i32(1, 1)  // version
    meta.beginList(2, count: schema.count + 1)  // schema: the root, then the columns
    meta.beginElement()
    meta.binary(4, Array("schema".utf8))
    meta.i32(5, Int32(schema.count))
    meta.endElement()
    for element in schema {
      meta.beginElement()
      meta.i32(1, element.type)
      if let length = element.typeLength { meta.i32(2, length) }
      meta.i32(3, 1)  // repetition_type: OPTIONAL
      meta.binary(4, Array(element.name.utf8))
      if let converted = element.convertedType { meta.i32(6, converted) }
      if let scale = element.scale { meta.i32(7, scale) }
      if let precision = element.precision { meta.i32(8, precision) }
      meta.endElement()
    }
    meta.i64(3, Int64(rows))  // num_rows
    meta.beginList(4, count: 1)  // row_groups
    meta.beginElement()
    meta.beginList(1, count: chunks.count)  // columns
    for chunk in chunks {
      meta.beginElement()
      meta.i64(2, Int64(chunk.offset))  // file_offset
      meta.beginStruct(3)  // meta_data
      meta.i32(1, chunk.type)
      meta.beginList(2, count: 2, elementType: 5)  // encodings: PLAIN, RLE
      meta.listI32(0)
      meta.listI32(3)
      meta.beginList(3, count: 1, elementType: 8)  // path_in_schema
      meta.listBinary(Array(chunk.name.utf8))
      meta.i32(4, 0)  // codec: UNCOMPRESSED
      meta.i64(5, Int64(rows))  // num_values
      meta.i64(6, Int64(chunk.size))  // total_uncompressed_size
      meta.i64(7, Int64(chunk.size))  // total_compressed_size
      meta.i64(9, Int64(chunk.offset))  // data_page_offset
      meta.endStruct()
      meta.endElement()
    }
    meta.i64(2, Int64(chunks.reduce(0) { $0 + $1.size }))  // total_byte_size
    meta.i64(3, Int64(rows))  // num_rows
    meta.endElement()
    meta.binary(6, Array("IntegrityStats integrity-stats export".utf8))  // created_by
    meta.stop()
    out += meta.bytes
    appendLittleEndian(UInt64(meta.bytes.count), bytes: 4, to: &out)
    out += Array("PAR1".utf8)
    return out
  }

  struct Schema {
    var name: String
    var type: Int32
    var typeLength: Int32? = nil
    var convertedType: Int32? = nil
    var scale: Int32? = nil
    var precision: Int32? = nil
  }

  /// Unscaled values at `scale` (value · 10^scale), or nil when one needs more than 38 digits.
  static func unscaledValues(_ values: [DecimalNumber], scale: Int32) -> [Int128]? {
    let limit = Int128(10).power(38)
    var result: [Int128] = []
    result.reserveCapacity(values.count)
    for value in values {
      let v = value.normalized
      let shift = Int(v.exponent + scale)
      guard shift >= 0, shift <= 38 else { return nil }
      let (u, overflow) = Int128(v.significand).multipliedReportingOverflow(by: Int128(10).power(shift))
      guard !overflow, u.magnitude < limit.magnitude else { return nil }
      result.append(u)
    }
    return result
  }

  static func appendLittleEndian(_ value: UInt64, bytes: Int, to out: inout [UInt8]) {
    for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * i))) }
  }

  static func appendByteArray(_ bytes: [UInt8], to out: inout [UInt8]) {
    appendLittleEndian(UInt64(bytes.count), bytes: 4, to: &out)
    out += bytes
  }

  static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
    var v = value
    while v >= 0x80 {
      out.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    out.append(UInt8(v))
  }

  /// Thrift compact protocol, writing only what the Parquet footer needs: structs, i32, i64,
  /// binary, and lists of structs, i32 or binary.
  struct ThriftCompact {
    var bytes: [UInt8] = []
    private var lastField: [Int16] = [0]

    private mutating func fieldHeader(_ id: Int16, type: UInt8) {
      let delta = id - lastField[lastField.count - 1]
      if delta > 0 && delta <= 15 {
        bytes.append(UInt8(delta) << 4 | type)
      } else {
        bytes.append(type)
        ParquetWriter.appendVarint(UInt64(zigzag(Int64(id))), to: &bytes)
      }
      lastField[lastField.count - 1] = id
    }

    private func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }

    mutating func i32(_ id: Int16, _ value: Int32) {
      fieldHeader(id, type: 5)
      ParquetWriter.appendVarint(zigzag(Int64(value)), to: &bytes)
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
      fieldHeader(id, type: 6)
      ParquetWriter.appendVarint(zigzag(value), to: &bytes)
    }

    mutating func binary(_ id: Int16, _ value: [UInt8]) {
      fieldHeader(id, type: 8)
      ParquetWriter.appendVarint(UInt64(value.count), to: &bytes)
      bytes += value
    }

    mutating func beginStruct(_ id: Int16) {
      fieldHeader(id, type: 12)
      lastField.append(0)
    }

    mutating func endStruct() {
      bytes.append(0)
      lastField.removeLast()
    }

    /// A list field; `elementType` 12 = struct, 5 = i32, 8 = binary.
    mutating func beginList(_ id: Int16, count: Int, elementType: UInt8 = 12) {
      fieldHeader(id, type: 9)
      if count < 15 {
        bytes.append(UInt8(count) << 4 | elementType)
      } else {
        bytes.append(0xF0 | elementType)
        ParquetWriter.appendVarint(UInt64(count), to: &bytes)
      }
    }

    /// A struct element of a list.
    mutating func beginElement() { lastField.append(0) }
    mutating func endElement() { endStruct() }

    mutating func listI32(_ value: Int32) { ParquetWriter.appendVarint(zigzag(Int64(value)), to: &bytes) }

    mutating func listBinary(_ value: [UInt8]) {
      ParquetWriter.appendVarint(UInt64(value.count), to: &bytes)
      bytes += value
    }

    mutating func stop() { bytes.append(0) }
  }
}

extension Int128 {
  /// self^n for small n (powers of ten up to 10^38).
  fileprivate func power(_ n: Int) -> Int128 {
    var r: Int128 = 1
    for _ in 0..<n { r *= self }
    return r
  }
}
