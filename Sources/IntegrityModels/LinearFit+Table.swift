import IntegrityTables

extension LinearFit {
  /// The coefficient table, columns of `regress`:
  /// term,estimate,std_error,t_value,p_value,ci_low,ci_high.
  public var table: Table {
    Table(columns: [
      Column("term", text: coefficients.map(\.term)),
      Column("estimate", numbers: coefficients.map(\.estimate)),
      Column("std_error", numbers: coefficients.map(\.standardError)),
      Column("t_value", numbers: coefficients.map(\.tValue)),
      Column("p_value", numbers: coefficients.map(\.pValue)),
      Column("ci_low", numbers: coefficients.map(\.ciLow)),
      Column("ci_high", numbers: coefficients.map(\.ciHigh)),
    ])
  }

  /// The JSON form of `regress`: `{"coefficients": [rows of `table`], "n", "df_residual",
  /// "sigma", "r_squared", "adj_r_squared", "f_statistic", "f_p_value", "rank",
  /// "aliased", …}`.
  public var json: JSONValue {
    func number(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
    return .object([
      ("coefficients", table.json),
      ("n", .integer(n)),
      ("df_residual", .integer(dfResidual)),
      ("df_model", .integer(dfModel)),
      ("sigma", number(sigma)),
      ("r_squared", number(rSquared)),
      ("adj_r_squared", number(adjustedRSquared)),
      ("f_statistic", number(fStatistic)),
      ("f_p_value", number(fPValue)),
      ("rank", .integer(rank)),
      ("aliased", .array(aliased.map(JSONValue.string))),
      ("residual_sum_of_squares", .number(residualSumOfSquares)),
      ("log_likelihood", number(logLikelihood)),
      ("aic", number(aic)),
      ("bic", number(bic)),
      ("covariance_type", .string(covarianceType.rawValue)),
      ("level", .number(level)),
    ])
  }

  /// Per-observation diagnostics: row,fitted,residual,leverage.
  public var diagnosticsTable: Table {
    Table(columns: [
      Column("row", integers: fitted.indices.map { $0 + 1 }),
      Column("fitted", numbers: fitted),
      Column("residual", numbers: residuals),
      Column("leverage", numbers: leverage.isEmpty ? fitted.map { _ in nil } : leverage),
    ])
  }
}
