/// A result table: named, typed columns of equal length.
///
/// Every result type renders to a `Table` (its `+Table` extension carries the exact
/// header of its command), and CSV, JSON and chart output all start from it.
/// A missing value is `nil`: an empty CSV field, JSON `null`.
public struct Table: Sendable, Equatable {
  /// The columns, in output order.
  public var columns: [Column]

  /// Creates a table from columns of equal length.
  public init(columns: [Column]) {
    precondition(
      Set(columns.map(\.count)).count <= 1, "Table: columns of unequal length")
    self.columns = columns
  }

  /// The number of rows.
  public var rowCount: Int { columns.first?.count ?? 0 }

  /// The header names, in order.
  public var names: [String] { columns.map(\.name) }

  /// The column named `name`, if any.
  public subscript(name: String) -> Column? {
    columns.first { $0.name == name }
  }
}

/// One named column of a `Table`.
public struct Column: Sendable, Equatable {
  /// The column's values, typed.
  public enum Values: Sendable, Equatable {
    case text([String?])
    case number([Double?])
    case integer([Int?])
    case boolean([Bool?])
  }

  public var name: String
  public var values: Values

  public init(_ name: String, _ values: Values) {
    self.name = name
    self.values = values
  }
  public init(_ name: String, text: [String?]) { self.init(name, .text(text)) }
  public init(_ name: String, numbers: [Double?]) { self.init(name, .number(numbers)) }
  public init(_ name: String, integers: [Int?]) { self.init(name, .integer(integers)) }
  public init(_ name: String, booleans: [Bool?]) { self.init(name, .boolean(booleans)) }

  /// The number of values.
  public var count: Int {
    switch values {
    case .text(let v): v.count
    case .number(let v): v.count
    case .integer(let v): v.count
    case .boolean(let v): v.count
    }
  }

  /// The value at `row` as a `Cell`.
  public subscript(row: Int) -> Cell {
    switch values {
    case .text(let v): v[row].map(Cell.text) ?? .empty
    case .number(let v): v[row].flatMap { $0.isFinite ? Cell.number($0) : nil } ?? .empty
    case .integer(let v): v[row].map(Cell.integer) ?? .empty
    case .boolean(let v): v[row].map(Cell.boolean) ?? .empty
    }
  }
}

/// One value of a `Table`, typed.
public enum Cell: Sendable, Equatable, Hashable {
  case empty
  case text(String)
  case number(Double)
  case integer(Int)
  case boolean(Bool)
}
