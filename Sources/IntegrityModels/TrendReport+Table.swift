import IntegrityTables

extension TrendReport {
  /// The `trend` columns, exactly and in order:
  ///
  ///     indicator,agency,model,n,first_year,last_year,intercept,slope,slope_se,slope_low,
  ///     slope_high,p_value,r_squared,annual_change_pct,projection_year,projection,
  ///     projection_low,projection_high
  ///
  /// then `annual_change_low,annual_change_high`; with Poisson (or `--auto`) `dispersion,
  /// quasi_poisson`; with Sen `mk_s,mk_z,mk_tau`; with `--break`
  /// `break_year,level_change,level_change_se,level_change_low,level_change_high,level_change_p,
  /// slope_change,slope_change_se,slope_change_low,slope_change_high,slope_change_p`; with a
  /// target `target,reaches_target,target_year`; and last `note` (`;`-joined notes, their
  /// remedies in the library's terms).
  public var table: Table { table(remedy: \.description) }

  /// The same table, with each note's remedy worded by `wording` (the command-line tool names
  /// its flags).
  public func table(remedy wording: (Remedy) -> String) -> Table {
    var columns: [Column] = [
      Column("indicator", text: rows.map(\.indicator)),
      Column("agency", text: rows.map(\.agency)),
      Column("model", text: rows.map { $0.fit.method ?? $0.fit.model.rawValue }),
      Column("n", integers: rows.map(\.fit.n)),
      Column("first_year", integers: rows.map(\.fit.firstYear)),
      Column("last_year", integers: rows.map(\.fit.lastYear)),
      Column("intercept", numbers: rows.map(\.fit.intercept)),
      Column("slope", numbers: rows.map(\.fit.slope)),
      Column("slope_se", numbers: rows.map(\.fit.slopeStandardError)),
      Column("slope_low", numbers: rows.map(\.fit.slopeLow)),
      Column("slope_high", numbers: rows.map(\.fit.slopeHigh)),
      Column("p_value", numbers: rows.map(\.fit.pValue)),
      Column("r_squared", numbers: rows.map(\.fit.rSquared)),
      Column("annual_change_pct", numbers: rows.map(\.fit.annualChangePercent)),
      Column("projection_year", integers: rows.map { $0.fit.projection?.year }),
      Column("projection", numbers: rows.map { $0.fit.projection?.value }),
      Column("projection_low", numbers: rows.map { $0.fit.projection?.low }),
      Column("projection_high", numbers: rows.map { $0.fit.projection?.high }),
      Column("annual_change_low", numbers: rows.map(\.fit.annualChangeLow)),
      Column("annual_change_high", numbers: rows.map(\.fit.annualChangeHigh)),
    ]
    if options.model == .poisson || automatic {
      columns += [
        Column("dispersion", numbers: rows.map(\.fit.dispersion)),
        Column("quasi_poisson", booleans: rows.map(\.fit.quasiPoisson)),
      ]
    }
    if options.model == .sen {
      columns += [
        Column("mk_s", numbers: rows.map { $0.fit.mannKendall?.s }),
        Column("mk_z", numbers: rows.map { $0.fit.mannKendall?.z }),
        Column("mk_tau", numbers: rows.map { $0.fit.mannKendall?.tau }),
      ]
    }
    if options.breakYear != nil {
      columns.append(Column("break_year", integers: rows.map { $0.fit.breakEffects?.year }))
      for (name, pick) in [
        ("level_change", { (b: SegmentedEffects) in b.levelChange }), ("slope_change", { (b: SegmentedEffects) in b.slopeChange }),
      ] {
        let c = rows.map { $0.fit.breakEffects.map(pick) }
        columns += [
          Column(name, numbers: c.map { $0?.estimate }),
          Column("\(name)_se", numbers: c.map { $0?.standardError }),
          Column("\(name)_low", numbers: c.map { $0?.low }),
          Column("\(name)_high", numbers: c.map { $0?.high }),
          Column("\(name)_p", numbers: c.map { $0?.pValue }),
        ]
      }
    }
    if hasTargets {
      columns += [
        Column("target", numbers: rows.map { $0.crossing?.target }),
        Column("reaches_target", booleans: rows.map { $0.crossing?.reachesTarget }),
        Column("target_year", integers: rows.map { $0.crossing?.year }),
      ]
    }
    columns.append(Column("note", text: rows.map { row in
      row.fit.notes.isEmpty ? nil : row.fit.notes.map { $0.described(remedy: wording) }.joined(separator: "; ")
    }))
    return Table(columns: columns)
  }
}
