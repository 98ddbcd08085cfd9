/// A dense, column-major matrix of doubles: a value type.
///
/// Element (i, j) is stored at `elements[i + j·rows]`, the layout BLAS and LAPACK
/// expect, so no wrapper ever transposes behind the caller's back. Copies are
/// cheap until mutated (the storage is a Swift array).
public struct Matrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The elements, column by column (count always rows × columns).
  public internal(set) var elements: [Double]

  /// A `rows × columns` matrix filled with `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix: negative dimension")
    self.rows = rows
    self.columns = columns
    self.elements = Array(repeating: value, count: rows * columns)
  }

  /// A matrix from its elements in column-major order.
  public init(rows: Int, columns: Int, columnMajor elements: [Double]) {
    precondition(elements.count == rows * columns, "Matrix: \(elements.count) elements for \(rows)×\(columns)")
    self.rows = rows
    self.columns = columns
    self.elements = elements
  }

  /// A matrix whose columns are the given arrays (all of one length).
  public init(columns: [[Double]]) {
    let rows = columns.first?.count ?? 0
    precondition(columns.allSatisfy { $0.count == rows }, "Matrix: columns of unequal length")
    self.rows = rows
    self.columns = columns.count
    self.elements = columns.flatMap { $0 }
  }

  /// A matrix from rows (for literals in tests and docs).
  public init(rowMajor rowArrays: [[Double]]) {
    let rows = rowArrays.count
    let columns = rowArrays.first?.count ?? 0
    precondition(rowArrays.allSatisfy { $0.count == columns }, "Matrix: rows of unequal length")
    var elements = [Double](repeating: 0, count: rows * columns)
    for i in 0..<rows {
      for j in 0..<columns { elements[i + j * rows] = rowArrays[i][j] }
    }
    self.init(rows: rows, columns: columns, columnMajor: elements)
  }

  /// The `n × n` identity.
  public static func identity(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, columns: n)
    for i in 0..<n { m[i, i] = 1 }
    return m
  }

  /// Element (i, j).
  public subscript(row: Int, column: Int) -> Double {
    get {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix: index out of range")
      return elements[row + column * rows]
    }
    set {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix: index out of range")
      elements[row + column * rows] = newValue
    }
  }

  /// Column `j` as an array.
  public func column(_ j: Int) -> [Double] {
    Array(elements[(j * rows)..<((j + 1) * rows)])
  }

  /// The transpose.
  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows)
    for j in 0..<columns {
      for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows] }
    }
    return t
  }

  /// Multiplies row i by `factors[i]` (e.g. √wᵢ for weighted least squares).
  public mutating func scaleRows(by factors: [Double]) {
    precondition(factors.count == rows, "Matrix: \(factors.count) row factors for \(rows) rows")
    for j in 0..<columns {
      for i in 0..<rows { elements[i + j * rows] *= factors[i] }
    }
  }

  /// Multiplies column j by `factor`.
  public mutating func scaleColumn(_ j: Int, by factor: Double) {
    precondition(j >= 0 && j < columns, "Matrix: column out of range")
    for i in 0..<rows { elements[i + j * rows] *= factor }
  }

  /// Multiplies every element by `factor`.
  public mutating func scale(by factor: Double) {
    for k in elements.indices { elements[k] *= factor }
  }

  /// The columns listed, in that order.
  public func selecting(columns indices: [Int]) -> Matrix {
    var out = [Double]()
    out.reserveCapacity(rows * indices.count)
    for j in indices { out += elements[(j * rows)..<((j + 1) * rows)] }
    return Matrix(rows: rows, columns: indices.count, columnMajor: out)
  }
}
