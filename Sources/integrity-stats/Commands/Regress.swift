import ArgumentParser
import IntegrityStats

extension CovarianceType: ClosedChoice {
  public init?(argument: String) {
    switch argument.lowercased() {
    case "hc0": self = .hc0
    case "hc1": self = .hc1
    case "hc2": self = .hc2
    case "hc3": self = .hc3
    case "none", "nonrobust", "classical": self = .classical
    default: return nil
    }
  }
}

extension IntegrityStatsCommand {
  struct Regress: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "regress",
      abstract: "Linear regression (OLS/WLS) with full inference, on any numeric columns.",
      discussion: """
        Solved by Householder QR with column pivoting (LAPACK dgeqp3) and iterative refinement; \
        never the normal equations. Terms that are linear combinations of earlier terms are \
        reported as aliased (empty estimate). Without an intercept, R² is uncentered.
        Output columns: term,estimate,std_error,t_value,p_value,ci_low,ci_high. \
        JSON adds n, df_residual, sigma, r_squared, adj_r_squared, f_statistic, f_p_value, \
        rank, aliased, log_likelihood, aic, bic.

        EXAMPLES:
          integrity-stats regress SampleData/synthetic_indictments_regress.csv --y \\
              indictments --x year,awareness_events
          integrity-stats regress SampleData/synthetic_indictments_regress.csv --y \\
              indictments --poly year:2 --robust hc3
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var confidence: LevelOption

    @Option(help: "The response column.")
    var y: String

    @Option(help: "Predictor columns, comma-separated.")
    var x: String?

    @Option(help: ArgumentHelp("A polynomial in a column: COL:DEG adds COL, COL^2, …, COL^DEG.", valueName: "col:deg"))
    var poly: [String] = []

    @Flag(help: "Fit through the origin (uncentered R²).")
    var noIntercept = false

    @Option(help: "A column of positive weights (inverse variances): weighted least squares.")
    var weights: String?

    @Option(help: "Heteroskedasticity-consistent covariance: hc0, hc1, hc2 or hc3 (normal-based p-values).")
    var robust: CovarianceType = .classical

    @Option(help: "Also write per-row fitted values, residuals and leverages to this CSV file.", completion: .file())
    var diagnostics: String?

    @Option(help: "Input encoding (auto: BOM or valid UTF-8, else Big5/CP950; also utf8, cp950, utf16).")
    var encoding: TextEncoding = .auto

    func specification() throws -> RegressionSpecification {
      let predictors = (x ?? "").split(separator: ",").map { TextTable.trim(String($0)) }.filter { !$0.isEmpty }
      let polynomials = try poly.map { text -> RegressionSpecification.Polynomial in
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let degree = Int(parts[1]), degree >= 1, degree <= 30, !parts[0].isEmpty else {
          throw ValidationError("--poly expects COL:DEG with DEG from 1 to 30 (found \"\(text)\")")
        }
        return .init(column: String(parts[0]), degree: degree)
      }
      if predictors.contains(y) || polynomials.contains(where: { $0.column == y }) {
        throw ValidationError("--y \(y) is also a predictor (--x or --poly): a column cannot explain itself")
      }
      guard !predictors.isEmpty || !polynomials.isEmpty || !noIntercept else {
        throw ValidationError("the model has no terms: give --x or --poly, or drop --no-intercept")
      }
      return RegressionSpecification(
        response: y, predictors: predictors, polynomials: polynomials, intercept: !noIntercept, weights: weights)
    }

    mutating func validate() throws {
      _ = try specification()
    }

    mutating func run() throws {
      let spec = try specification()
      try requireLinearAlgebra()  // exit 69 without OpenBLAS, before reading
      var options = ReadOptions()
      options.encoding = encoding
      let table = try TableReader.read(path: common.inputPath, options: options)
      guard !table.header.isEmpty else {
        throw DataError(file: table.source, line: 1, column: 1, message: "the input is empty (no header line)")
      }
      guard table.rowCount > 0 else {
        throw DataError(file: table.source, line: table.headerLine + 1, column: 1,
                        message: "no data rows after the header")
      }
      let names = spec.requiredColumns
      let values = try table.numericColumns(named: names, positive: Set(weights.map { [$0] } ?? []))
      let fit: LinearFit
      do {
        fit = try spec.fit(
          columns: Dictionary(uniqueKeysWithValues: zip(names, values)), level: confidence.level, covariance: robust,
          leverage: diagnostics != nil)
      } catch {
        throw DataError(file: table.source, line: 0, column: 0, message: "cannot fit the model: \(error)")
      }
      for term in fit.aliased {
        Diagnostics.warning("term \"\(term)\" is aliased (a linear combination of the terms before it); its estimate is empty")
      }
      if let diagnostics {
        try AtomicFile.write(CSVWriter(numberFormat: common.numberFormat).bytes(fit.diagnosticsTable), to: diagnostics)
      }
      switch common.format {
      case .csv: try common.write(fit.table)
      case .json: try common.write(fit.json)
      }
      Diagnostics.summary("read \(table.rowCount) rows: used \(table.rowCount), rejected 0")
    }
  }
}
