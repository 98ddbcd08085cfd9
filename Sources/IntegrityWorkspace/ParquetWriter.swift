import TableIO
public enum ParquetWriter {
  public static func bytes(_ table: TableIO.Table) throws -> [UInt8] { [] }
}
