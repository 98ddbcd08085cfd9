import ArgumentParser
import IntegrityStats

extension IntegrityStatsCommand {
  /// `integrity-stats catalog`: the Action Plan's targets as a table.
  struct Catalog: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "catalog",
      abstract: "List the Action Plan's performance targets (國家廉政建設行動方案 績效目標).",
      discussion: """
        One row per numbered performance target of the approved plan, columns \
        strategy,measure,target_no,target,lead_agencies,supporting_agencies,frequency,kind,direction,\
        strategy_name,measure_text. target_no is strategy-measure-index (8-6-1, the index being the \
        target's number in the plan's list, 1 when a measure has a single unnumbered target); agency \
        lists are ';'-separated; frequency (yearly, quarterly, biennial, periodic = 定期 without a \
        stated period, once, unspecified), kind and direction are inferred from the target's text \
        (rules in scripts/extract_catalog.py); strategy_name and measure_text are the plan's words.

        EXAMPLES:
          integrity-stats catalog --strategy 8
          integrity-stats catalog --measure 8-6 --format json
        """)

    @OptionGroup var output: CatalogOutputOptions

    @Option(help: "Only this strategy (1–9, or 一–九).")
    var strategy: String?

    @Option(help: "Only this measure (8-6, 8.6, 八(六), 策略八措施六) or target (8-6-1).")
    var measure: String?

    mutating func run() throws {
      let catalog = ActionPlanCatalog.plan
      var rows = catalog.targets
      if let strategy {
        guard let found = catalog.strategyNumber(strategy) else {
          throw UsageError(
            "--strategy must name one of the plan's strategies, 1–\(catalog.strategies.count) (found \"\(strategy)\")")
        }
        rows = rows.filter { $0.strategy == found }
      }
      if let measure {
        guard let entry = catalog.lookup(measure) else {
          throw UsageError(
            "--measure must name one of the plan's measures or targets, e.g. 8-6, 八(六) or 8-6-1 (found \"\(measure)\")")
        }
        let wanted = Set(entry.targets.map(\.id))
        let within = rows.filter { wanted.contains($0.id) }
        if within.isEmpty, let strategy {
          throw UsageError("--measure \(measure) is not in --strategy \(strategy)")
        }
        rows = within
      }
      try output.write(catalog.table(rows))
    }
  }
}

/// The output options of a command that reads no input: CommonOptions' -o, --format, --bom
/// and --raw, without its INPUT argument and statistical options.
struct CatalogOutputOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "Output file (default standard output), written atomically.", completion: .file())
  var output: String?

  @Option(help: "Output format.")
  var format: OutputFormat = .csv

  @Flag(help: "Start CSV output with a UTF-8 byte order mark (for Excel).")
  var bom = false

  @Flag(help: "Do not prefix text cells starting with = + - @ with ' (CSV-injection guard).")
  var raw = false

  /// Writes the table as CSV or JSON to `-o` or standard output, atomically (as CommonOptions).
  func write(_ table: Table) throws {
    switch format {
    case .csv:
      let writer = CSVWriter(numberFormat: .shortest, raw: raw, byteOrderMark: bom)
      try AtomicFile.write(writer.bytes(table), to: output)
    case .json:
      try AtomicFile.write(table.jsonBytes() + [UInt8(ascii: "\n")], to: output)
    }
  }
}
