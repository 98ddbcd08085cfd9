import Benchmark
import IntegrityStats

/// CSV output of 1,000,000 rows of (text, text, integer, Double, Double, text, Bool) — the
/// shape of `achievement` and `quarterly` output — three ways, into memory (no disk):
///
/// - "Table + CSVWriter (before CSVLineBuffer)": the `Table` built from the row data, then the
///   CSV writer as it was before `CSVLineBuffer` (`LegacyCSVWriter`, kept here verbatim):
///   one `Cell` per value, `String` per number.
/// - "Table + CSVWriter": the same `Table`, written by today's `CSVWriter` (on `CSVLineBuffer`).
/// - "CSVLineBuffer": the rows appended straight from the row data, the repeated names
///   escaped once (`intern`/`interned`), the bytes handed over every 4 MB as a streaming
///   command does with `AtomicFile.Writer`.
/// - "CSVLineBuffer, names by text(_:)": the same, each name escaped as it is written.
///
/// All three produce the same bytes (checked once in `setup`).
let benchmarks: @Sendable () -> Void = {
  let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident]
  let configuration = Benchmark.Configuration(
    metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(20),
    maxIterations: 10)

  Benchmark("CSV 1M rows: Table + CSVWriter (before CSVLineBuffer)", configuration: configuration) {
    benchmark, rows in
    for _ in benchmark.scaledIterations {
      blackHole(LegacyCSVWriter().bytes(rows.table()))
    }
  } setup: {
    OutputRows.checked(count: 1_000_000)
  }

  Benchmark("CSV 1M rows: Table + CSVWriter", configuration: configuration) { benchmark, rows in
    for _ in benchmark.scaledIterations {
      blackHole(CSVWriter().bytes(rows.table()))
    }
  } setup: {
    OutputRows.checked(count: 1_000_000)
  }

  Benchmark("CSV 1M rows: CSVLineBuffer, names by text(_:)", configuration: configuration) { benchmark, rows in
    for _ in benchmark.scaledIterations {
      var total = 0
      rows.write(interned: false) { chunk in total += chunk.count }
      blackHole(total)
    }
  } setup: {
    OutputRows.checked(count: 1_000_000)
  }

  Benchmark("CSV 1M rows: CSVLineBuffer", configuration: configuration) { benchmark, rows in
    for _ in benchmark.scaledIterations {
      var total = 0
      rows.write { chunk in total += chunk.count }
      blackHole(total)
    }
  } setup: {
    OutputRows.checked(count: 1_000_000)
  }
}
