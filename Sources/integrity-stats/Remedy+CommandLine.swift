import IntegrityStats

extension Remedy {
  /// The remedy worded with the tool's flags, for `DataError.described(remedy:)` and
  /// `Notice.described(remedy:)`: what the library says with a Swift option
  /// ("set `AchievementOptions.duplicates` …"), the tool says with its flag
  /// ("use --duplicates sum or last").
  var commandLineText: String {
    switch self {
    case .encoding(let suggested?):
      "if the file is \(suggested.proseName), use --encoding \(suggested.rawValue)"
    case .encoding(nil):
      "choose the encoding with --encoding"
    case .headerRow(let line):
      "check --header-row \(line)"
    case .mapColumn(let canonical?):
      "map one with --columns \(canonical)=HEADER"
    case .mapColumn(nil):
      "drop one column or map one with --columns"
    case .correctColumnMap(let canonical, let header):
      "correct --columns \(canonical)=\(header)"
    case .wideLayout:
      "--wide reads one column per period"
    case .dashAsMissing:
      "use --dash missing if it applies to this table"
    case .aggregateDuplicates:
      "use --duplicates sum or last"
    case .targetPerQuarter:
      "use --target-per quarter if targets are per quarter"
    case .direction(let example):
      "name the target (e.g. \(example)) or give the direction (a direction column, or --direction)"
    case .gradeMap:
      "give titles a grade with --grade-map"
    case .minimumGrade(let grade):
      "or change --min-grade \(grade)"
    case .percent:
      "use --percent, or a % unit, for percentages"
    case .segmentedModel:
      "--break applies to --model linear, loglinear and poisson"
    case .overdispersion:
      "as --overdispersion asks"
    }
  }
}

extension TextEncoding {
  /// `UTF-8`, `Big5`, `UTF-16`: the name in a sentence.
  fileprivate var proseName: String {
    switch self {
    case .auto: "auto"
    case .utf8: "UTF-8"
    case .big5: "Big5"
    case .utf16: "UTF-16"
    }
  }
}
