import IntegrityNumerics

/// Which columns make up a regression: the response, predictors, polynomial terms,
/// intercept and weights — what `integrity-stats regress` is asked for.
///
/// Terms are named as R names them: `(Intercept)`, the column name, `COL^k` for
/// powers. Order: the intercept, the `predictors` in the order given, then for each
/// polynomial `COL` (unless already a predictor), `COL^2`, …, `COL^DEG`.
public struct RegressionSpecification: Sendable, Equatable {
  /// A polynomial in one column: `--poly COL:DEG`.
  public struct Polynomial: Sendable, Equatable {
    public var column: String
    public var degree: Int
    public init(column: String, degree: Int) {
      self.column = column
      self.degree = degree
    }
  }

  public var response: String
  public var predictors: [String]
  public var polynomials: [Polynomial]
  public var intercept: Bool
  public var weights: String?

  public init(
    response: String, predictors: [String] = [], polynomials: [Polynomial] = [], intercept: Bool = true,
    weights: String? = nil
  ) {
    self.response = response
    self.predictors = predictors
    self.polynomials = polynomials
    self.intercept = intercept
    self.weights = weights
  }

  /// Every column the specification reads, each once, response first.
  public var requiredColumns: [String] {
    var seen = Set<String>()
    var out: [String] = []
    for name in [response] + predictors + polynomials.map(\.column) + (weights.map { [$0] } ?? [])
    where seen.insert(name.lowercased()).inserted {
      out.append(name)
    }
    return out
  }

  /// The term names, in design order.
  public var termNames: [String] {
    terms.map(\.name)
  }

  /// Builds the model from column values, keyed as in `requiredColumns`.
  ///
  /// Powers `x^k` are formed in double-double (`DoubleDouble.power`), their rounding
  /// error kept in the model's `designLow`, so that refinement fits the exact powers
  /// of the data (NIST Filip, Wampler).
  public func model(columns: [String: [Double]]) -> LinearModel {
    func values(_ name: String) -> [Double] {
      guard let v = columns[name] ?? columns.first(where: { $0.key.lowercased() == name.lowercased() })?.value
      else { preconditionFailure("RegressionSpecification: column \(name) not supplied") }
      return v
    }
    let y = values(response)
    let n = y.count
    var high: [[Double]] = []
    var low: [[Double]] = []
    var anyLow = false
    for term in terms {
      switch term.source {
      case .intercept:
        high.append([Double](repeating: 1, count: n))
        low.append([Double](repeating: 0, count: n))
      case .power(let column, let k):
        let x = values(column)
        if k == 1 {
          high.append(x)
          low.append([Double](repeating: 0, count: n))
        } else {
          let powers = x.map { DoubleDouble.power($0, k) }
          high.append(powers.map(\.hi))
          low.append(powers.map(\.lo))
          anyLow = anyLow || powers.contains { $0.lo != 0 }
        }
      }
    }
    return LinearModel(
      response: y, design: Matrix(columns: high), designLow: anyLow ? Matrix(columns: low) : nil,
      termNames: termNames, hasIntercept: intercept, weights: weights.map(values))
  }

  enum TermSource: Equatable {
    case intercept
    case power(String, Int)
  }

  var terms: [(name: String, source: TermSource)] {
    var out: [(String, TermSource)] = []
    if intercept { out.append(("(Intercept)", .intercept)) }
    var seen = Set<String>()
    for name in predictors where seen.insert(name.lowercased()).inserted {
      out.append((name, .power(name, 1)))
    }
    for polynomial in polynomials {
      if seen.insert(polynomial.column.lowercased()).inserted {
        out.append((polynomial.column, .power(polynomial.column, 1)))
      }
      if polynomial.degree >= 2 {
        for k in 2...polynomial.degree {
          let name = "\(polynomial.column)^\(k)"
          if seen.insert(name.lowercased()).inserted { out.append((name, .power(polynomial.column, k))) }
        }
      }
    }
    return out
  }
}
