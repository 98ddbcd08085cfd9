import ArgumentParser
import IntegrityStats

#if canImport(Glibc)
import Glibc
#endif
#if canImport(CMalloc)
import CMalloc
#endif

/// `integrity-stats`: the command-line face of IntegrityStats. Commands only parse
/// arguments, call the library and render its results.
@main
struct IntegrityStatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "integrity-stats",
    abstract: "Statistics for Taiwan's National Integrity Building Action Plan (國家廉政建設行動方案).",
    discussion: """
      Exit codes: 0 success, 64 usage, 65 bad data, 66 input cannot be read, \
      73 output cannot be created.
      """,
    version: integrityStatsVersion,
    subcommands: [
      Demo.self, Tidy.self, Achievement.self, Quarterly.self, Classify.self, Catalog.self,
      Trend.self, Survey.self, Regress.self, Chart.self, Report.self,
      Import.self, Status.self, History.self, Export.self,
    ])

  /// Runs the command, mapping our errors to sysexits codes.
  static func main() {
    keepLargeBlocks()
    // Our designs are tall and thin: one OpenBLAS thread is faster than two, whose
    // idle workers spin against our own parallel parsing (TOOLCHAIN.md; measured in
    // Benchmarks/trends: 9.9 s → 5.8 s CPU). Applied when OpenBLAS opens, at the
    // first fit: commands without one never open it.
    setLinearAlgebraThreads(1)
    // A file-size limit (`ulimit -f`) makes a write fail with EFBIG instead of killing
    // the process: an output then fails with its message (exit 73), and a pipe's spool
    // file that cannot grow is left for reading the rest of the pipe as it comes.
    signal(SIGXFSZ, SIG_IGN)
    do {
      var command = try parseAsRoot()
      _ = ProgressLine.shared  // starts the clock (a terminal on standard error only)
      try command.run()
      ProgressLine.shared?.stop()
    } catch let error as DataError {
      // A read stopped by a bad row still ends with its account of the rows read, and
      // so does an error found after a complete read (a series that cannot be fitted).
      // The library words a remedy with its Swift options; the tool names its flags.
      let message = error.described(remedy: \.commandLineText)
      if let account = error.account ?? Diagnostics.readAccount {
        Diagnostics.error(message)
        fail(account.description, code: 65)
      }
      fail(message, code: 65)
    } catch let error as InputError {
      fail(error.description, code: 66)
    } catch let error as OutputError {
      fail(error.description, code: 73)
    } catch let error as UsageError {
      fail("error: \(error.description)", code: 64)
    } catch LinearAlgebraError.unavailable(let what) {
      // EX_UNAVAILABLE: a library the command needs is missing, not the data's fault.
      fail("error: \(what); the model fits need OpenBLAS (Debian: apt install libopenblas0)", code: 69)
    } catch let error as LinearAlgebraError {
      if let account = Diagnostics.readAccount { Diagnostics.error("error: \(error.description)"); fail(account.description, code: 65) }
      fail("error: \(error.description)", code: 65)
    } catch {
      ProgressLine.shared?.stop()
      exit(withError: error)
    }
  }

  /// Large blocks from the heap, and freed memory kept for the next ones (glibc): a
  /// command builds one large array after another (parts, groups, fits, rows, table,
  /// output chunks), and by default each block above 128 KiB – 32 MiB is a fresh `mmap`
  /// whose every page faults in, then is unmapped when freed. Kept, a later block reuses
  /// pages already mapped: `trend` on 10⁶ rows 16.7 k → 11.9 k page faults (`perf stat`),
  /// median 163.0 → 145.5 ms and `quarterly` 264.8 → 251.6 ms with the same settings as
  /// `GLIBC_TUNABLES` (`Benchmarks/alternate.py 21`); peak memory of `achievement` on 10⁷
  /// rows 238 → 244 MB. One arena for every thread: the blocks a part's reader freed
  /// after its merge are the next blocks of the formatting threads, instead of fresh
  /// pages in an arena of their own (`perf stat -r 10 -e page-faults`, 10⁶ rows:
  /// `quarterly` 11.0–11.2 k → 8.8–9.4 k, `trend` 11.4–11.6 k → 10.3 k; the threads
  /// allocate a few large blocks each, so they do not wait on one another's lock).
  /// The memory goes back at exit.
  static func keepLargeBlocks() {
    #if canImport(CMalloc)
      _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)  // glibc's largest (HEAP_MAX_SIZE / 2)
      _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
      _ = mallopt(M_ARENA_MAX, 1)
    #endif
  }

  /// Ends a command that has written everything: the process exits at once (status 0),
  /// without releasing what the command built, one value at a time — the system takes
  /// the memory back whole, as compilers leave theirs (clang's `-disable-free`). A
  /// `trend` report of 17,857 series is that many rows of arrays and strings.
  static func exitKeepingResults() -> Never {
    ProgressLine.shared?.stop()
    Glibc.exit(0)
  }

  static func fail(_ message: String, code: Int32) -> Never {
    ProgressLine.shared?.stop()
    Diagnostics.error(message)
    Glibc.exit(code)
  }
}
