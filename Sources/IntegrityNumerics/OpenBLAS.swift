import COpenBLAS
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// OpenBLAS, opened the first time a routine is needed (`dlopen`) instead of linked,
/// and the routines the wrappers (`LAPACK`, `BLAS`) call through.
///
/// Why not linked: most commands never solve a linear system, and a linked OpenBLAS
/// cost each of them at start-up the relocation of its ~16,000 symbols and a thread
/// per core started by its constructor, which spin a while waiting for work before
/// they can be stopped — 2.0 ms per run of an empty `main` on this project's 2-core
/// machine (0.7 → 2.7 ms), against the 8 ms of `integrity-stats --version`. Opened on
/// demand, the static binary also runs every command but the model fits on a system
/// without OpenBLAS, and says what is missing when a fit needs it.
///
/// Where: `INTEGRITY_STATS_OPENBLAS` (a path or a name for `dlopen`) when set, else
/// `libopenblas.so.0` then `libopenblas.so` (Linux; Debian's `libopenblas0`), or
/// `libopenblas.dylib` and Homebrew's two prefixes (macOS).
struct OpenBLAS: Sendable {
  let dgeqp3: dgeqp3_fn
  let dgeqrf: dgeqrf_fn
  let dormqr: dormqr_fn
  let dtrtrs: dtrtrs_fn
  let dtrtri: dtrtri_fn
  let dgelsd: dgelsd_fn
  let dgemm: cblas_dgemm_fn
  private let setNumThreads: openblas_set_num_threads_fn
  private let threadShutdown: blas_thread_shutdown_fn

  /// The library, opened on first use (once, whichever thread asks first), or why it
  /// could not be.
  static let library: Result<OpenBLAS, LinearAlgebraError> = {
    let result = open()
    // From here a `setThreads` applies its count itself; one made before is applied
    // now (both may apply the same count: harmless).
    isOpen.store(true, ordering: .sequentiallyConsistent)
    if case .success(let library) = result {
      let threads = requestedThreads.load(ordering: .sequentiallyConsistent)
      if threads > 0 { library.apply(threads: threads) }
    }
    return result
  }()

  /// The routines; throws `.unavailable` when OpenBLAS cannot be opened.
  static func routines() throws(LinearAlgebraError) -> OpenBLAS {
    try library.get()
  }

  /// The thread count asked for (`setThreads`; 0: OpenBLAS's own default).
  private static let requestedThreads = Atomic<Int>(0)
  private static let isOpen = Atomic<Bool>(false)

  /// Sets the number of threads OpenBLAS uses: now when it is open, else when it opens.
  static func setThreads(_ n: Int) {
    requestedThreads.store(max(n, 1), ordering: .sequentiallyConsistent)
    if isOpen.load(ordering: .sequentiallyConsistent), case .success(let library) = library {
      library.apply(threads: max(n, 1))
    }
  }

  /// With one thread, the helper threads OpenBLAS starts when it opens are stopped:
  /// they spin (`sched_yield`) for a while waiting for work, which took about 10 % of
  /// the wall time from the two-core readers (Benchmarks/indicators/README.md) when
  /// the library was linked. A later call with more threads starts them again (OpenBLAS
  /// does so when it next needs them).
  private func apply(threads n: Int) {
    setNumThreads(Int32(n))
    if n == 1 { _ = threadShutdown() }
  }

  /// The names tried, in order.
  static var candidates: [String] {
    if let path = getenv("INTEGRITY_STATS_OPENBLAS"), path.pointee != 0 { return [String(cString: path)] }
    #if os(macOS)
      return [
        "libopenblas.dylib", "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
        "/usr/local/opt/openblas/lib/libopenblas.dylib",
      ]
    #else
      return ["libopenblas.so.0", "libopenblas.so"]
    #endif
  }

  private static func open() -> Result<OpenBLAS, LinearAlgebraError> {
    var reasons: [String] = []
    for name in candidates {
      guard let handle = dlopen(name, RTLD_LAZY | RTLD_LOCAL) else {
        reasons.append(dlerror().map { String(cString: $0) } ?? name)
        continue
      }
      // The handle stays open for the life of the process. RTLD_LAZY: its functions are
      // bound when first called, as when it was linked (RTLD_NOW bound all ~16,000 at
      // once: `trend` on 200 rows 15.4 → 14.3 ms median of 40 with LAZY).
      var missing: [String] = []
      func symbol<F>(_ name: String, as type: F.Type) -> F? {
        guard let address = dlsym(handle, name) else {
          missing.append(name)
          return nil
        }
        // Safe: `F` is the C function pointer type of the symbol's own declaration in
        // COpenBLAS/shim.h (typedef'd from it), so the call sites' signature is the
        // routine's.
        return unsafeBitCast(address, to: type)
      }
      let dgeqp3 = symbol("dgeqp3_", as: dgeqp3_fn.self)
      let dgeqrf = symbol("dgeqrf_", as: dgeqrf_fn.self)
      let dormqr = symbol("dormqr_", as: dormqr_fn.self)
      let dtrtrs = symbol("dtrtrs_", as: dtrtrs_fn.self)
      let dtrtri = symbol("dtrtri_", as: dtrtri_fn.self)
      let dgelsd = symbol("dgelsd_", as: dgelsd_fn.self)
      let dgemm = symbol("cblas_dgemm", as: cblas_dgemm_fn.self)
      let setNumThreads = symbol("openblas_set_num_threads", as: openblas_set_num_threads_fn.self)
      let threadShutdown = symbol("blas_thread_shutdown_", as: blas_thread_shutdown_fn.self)
      guard let dgeqp3, let dgeqrf, let dormqr, let dtrtrs, let dtrtri, let dgelsd, let dgemm, let setNumThreads,
        let threadShutdown
      else {
        reasons.append("\(name) has no \(missing.joined(separator: ", "))")
        dlclose(handle)
        continue
      }
      return .success(
        OpenBLAS(
          dgeqp3: dgeqp3, dgeqrf: dgeqrf, dormqr: dormqr, dtrtrs: dtrtrs, dtrtri: dtrtri, dgelsd: dgelsd,
          dgemm: dgemm, setNumThreads: setNumThreads, threadShutdown: threadShutdown))
    }
    return .failure(.unavailable("OpenBLAS could not be opened (\(reasons.joined(separator: "; ")))"))
  }
}
