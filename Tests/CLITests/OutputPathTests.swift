import Dispatch
import Foundation
import Glibc
import Testing
import TestSupport

/// Output paths (DESIGN.md §7, "Output paths"): a regular file or new path is replaced
/// atomically; a device, FIFO, socket or `/dev/stdout` (and a link to one) is written in
/// place, never replaced; a link to a regular file is written through; a new file
/// honours the umask and a replaced file keeps its mode and owner; a signal during the
/// write leaves no temporary file and exits 128 + n.
@Suite struct OutputPathTests {
  // MARK: In place: FIFOs, /dev/stdout, devices

  /// `-o FIFO`: the reader of the FIFO gets the whole output, and the FIFO is still a
  /// FIFO afterwards (it used to be renamed over, leaving its reader with nothing).
  @Test func fifoIsWrittenInPlace() throws {
    let dir = try OutputScratch("fifo")
    defer { dir.remove() }
    let fifo = dir.path("out.csv")
    #expect(mkfifo(fifo, 0o644) == 0)
    let reader = try FIFOReader(fifo)
    let run = try runOutputCLI(["catalog", "-o", fifo])
    #expect(run.status == 0, "\(run.stderr)")
    let received = reader.finish(within: 5)
    #expect(received == (try runOutputCLI(["catalog"])).stdout)
    #expect(fileType(fifo) == S_IFIFO)
    #expect(dir.listing() == ["out.csv"])
  }

  /// A link to `/dev/stdout` reaches standard output (here a pipe) and stays a link.
  @Test func linkToStandardOutputIsWrittenInPlace() throws {
    let dir = try OutputScratch("stdout-link")
    defer { dir.remove() }
    let link = dir.path("out.csv")
    #expect(symlink("/dev/stdout", link) == 0)
    let run = try runOutputCLI(["catalog", "-o", link])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == (try runOutputCLI(["catalog"])).stdout)
    #expect(run.stdout.count > 1000)
    #expect(fileType(link) == S_IFLNK)
    #expect(readLink(link) == "/dev/stdout")
    #expect(dir.listing() == ["out.csv"])
  }

  /// `-o /dev/stdout` and `-o /dev/null` themselves: run only once a link to each has
  /// been written through in place (the test above's check, repeated here), because a
  /// tool that renames over them would replace the machine's `/dev/null`.
  @Test func devicesStayDevices() throws {
    let dir = try OutputScratch("devices")
    defer { dir.remove() }
    for device in ["/dev/null", "/dev/stdout"] {
      let link = dir.path("probe")
      unlink(link)
      #expect(symlink(device, link) == 0)
      let probe = try runOutputCLI(["catalog", "-o", link])
      guard probe.status == 0, fileType(link) == S_IFLNK else {
        Issue.record("a link to \(device) was replaced: not trying \(device) itself")
        return
      }
    }
    let null = try runOutputCLI(["catalog", "-o", "/dev/null"])
    #expect(null.status == 0 && null.stdout.isEmpty, "\(null.stderr)")
    #expect(fileType("/dev/null") == S_IFCHR)
    let stdout = try runOutputCLI(["catalog", "-o", "/dev/stdout"])
    #expect(stdout.status == 0, "\(stdout.stderr)")
    #expect(stdout.stdout == (try runOutputCLI(["catalog"])).stdout)
    #expect(fileType("/dev/stdout") == S_IFLNK)
  }

  /// A link to a regular file: the target gets the new bytes (replaced atomically, so
  /// its mode is kept), the link stays a link, nothing else appears in the folder.
  @Test func linkToRegularFileIsWrittenThrough() throws {
    let dir = try OutputScratch("file-link")
    defer { dir.remove() }
    let target = dir.path("target.csv"), link = dir.path("link.csv")
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
    chmod(target, 0o640)
    #expect(symlink("target.csv", link) == 0)
    let run = try runOutputCLI(["catalog", "-o", link])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(fileType(link) == S_IFLNK)
    #expect(readLink(link) == "target.csv")
    #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == (try runOutputCLI(["catalog"])).stdout)
    #expect(fileMode(target) == 0o640)
    #expect(dir.listing() == ["link.csv", "target.csv"])
  }

  // MARK: Modes and owners

  /// A new file gets 0666 less the umask (it was always 0644).
  @Test(arguments: [("077", 0o600 as mode_t), ("002", 0o664), ("022", 0o644)])
  func newFileHonoursTheUmask(umask: String, expected: mode_t) throws {
    let dir = try OutputScratch("umask-\(umask)")
    defer { dir.remove() }
    for named in [false, true] {
      let path = dir.path("new-\(named).csv")
      let run = try runOutputCLI(
        ["catalog", "-o", path], umask: umask,
        environment: named ? ["INTEGRITY_STATS_NAMED_TEMPORARY": "1"] : [:])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(fileMode(path) == expected, "umask \(umask), named temporary: \(named)")
    }
  }

  /// An existing file keeps its mode (a `chmod 600` file stays private).
  @Test(arguments: [0o600 as mode_t, 0o640, 0o604, 0o755])
  func existingFileKeepsItsMode(mode: mode_t) throws {
    let dir = try OutputScratch("mode")
    defer { dir.remove() }
    let path = dir.path("out.csv")
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, mode)
    let run = try runOutputCLI(["catalog", "-o", path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(fileMode(path) == mode)
    #expect(dir.listing() == ["out.csv"])
  }

  /// Run as root, an existing file keeps its owner and group (it became root's).
  @Test(.enabled(if: geteuid() == 0, "only root can give a file to another user"))
  func existingFileKeepsItsOwner() throws {
    let dir = try OutputScratch("owner")
    defer { dir.remove() }
    let path = dir.path("out.csv")
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(chown(path, 4321, 4322) == 0)
    let run = try runOutputCLI(["catalog", "-o", path])
    #expect(run.status == 0, "\(run.stderr)")
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_uid == 4321 && info.st_gid == 4322)
    #expect(info.st_size > 1000)
  }

  // MARK: Signals

  /// SIGINT, SIGTERM or SIGHUP while the output is being written: the process exits
  /// with 128 + n and the folder holds nothing (no `.NAME.XXXXXX`, no partial output).
  /// `named`: with the named temporary file (file systems without `O_TMPFILE`), which
  /// the signal handler must remove.
  @Test(arguments: [(SIGINT, true), (SIGTERM, true), (SIGHUP, true), (SIGINT, false), (SIGTERM, false)])
  func signalDuringWriteLeavesNothing(signal: Int32, named: Bool) throws {
    let dir = try OutputScratch("signal-\(signal)-\(named)")
    defer { dir.remove() }
    let caught = try interruptWrite(in: dir, named: named, signal: signal)
    #expect(caught.reason == .exit && caught.status == 128 + signal, "\(caught)")
    #expect(dir.listing(of: "out").isEmpty)
  }

  /// SIGKILL cannot be handled: the temporary file is anonymous (`O_TMPFILE`) where the
  /// file system allows (ext4 here), so nothing is left even then.
  @Test func sigkillDuringWriteLeavesNothing() throws {
    let dir = try OutputScratch("sigkill")
    defer { dir.remove() }
    let caught = try interruptWrite(in: dir, named: false, signal: SIGKILL)
    #expect(caught.reason == .uncaughtSignal && caught.status == SIGKILL, "\(caught)")
    #expect(dir.listing(of: "out").isEmpty)
  }

  /// Runs `tidy` on a generated input with `-o DIR/out/result.csv`, stops the process
  /// while its temporary output file is open, checks that it is, then sends `signal`
  /// and lets it go on. Tries larger inputs when the write finished before it was seen.
  func interruptWrite(in dir: OutputScratch, named: Bool, signal: Int32) throws -> (reason: Process.TerminationReason, status: Int32) {
    let out = dir.path("out")
    #expect(mkdir(out, 0o755) == 0)
    // Its temporary file in `out`: named `.result.csv.XXXXXX`, or O_TMPFILE's
    // "out/#123 (deleted)" as /proc/PID/fd shows it.
    func isTemporary(_ file: String) -> Bool {
      file.hasPrefix(out + "/.result.csv.") || (file.hasPrefix(out + "/#") && file.hasSuffix(" (deleted)"))
    }
    for attempt in 0..<5 {
      let input = dir.path("in.csv")
      try generatedInput(rows: 40_000 << attempt).write(to: URL(fileURLWithPath: input))
      let child = try SpawnedCLI(
        ["tidy", input, "-o", "\(out)/result.csv"],
        environment: named ? ["INTEGRITY_STATS_NAMED_TEMPORARY": "1"] : [:])
      // Watch the process's open files for its temporary file, then stop it there.
      var stopped = false
      while child.isRunning {
        if openFiles(of: child.pid).contains(where: isTemporary) {
          kill(child.pid, SIGSTOP)
          // Stopped, the temporary file still open and not yet linked in (an O_TMPFILE
          // descriptor still reads "(deleted)" after `linkat`): caught in progress.
          stopped =
            waitUntilStopped(child.pid) && openFiles(of: child.pid).contains(where: isTemporary)
            && !dir.listing(of: "out").contains("result.csv")
          if !stopped { kill(child.pid, SIGCONT) }
          break
        }
      }
      if stopped {
        if named {
          #expect(dir.listing(of: "out").count == 1 && dir.listing(of: "out")[0].hasPrefix(".result.csv."))
        } else {
          #expect(dir.listing(of: "out").isEmpty)
        }
        kill(child.pid, signal)
        kill(child.pid, SIGCONT)
        return child.wait()
      }
      _ = child.wait()
      unlink("\(out)/result.csv")
      print("attempt \(attempt): the write finished before it was seen; trying a larger input")
    }
    Issue.record("never caught the output being written")
    return (.exit, -1)
  }

  // MARK: --rejects

  /// `--rejects` naming the input (or the input through another spelling or a link) or
  /// the `-o` file is a usage error (64), and the input is left as it was.
  @Test func rejectsMustNotBeTheInputOrTheOutput() throws {
    let dir = try OutputScratch("rejects-same")
    defer { dir.remove() }
    let input = dir.path("in.csv")
    let text = "indicator,agency,year,value\nA,b,2020,abc\nA,b,2021,5\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: input))
    #expect(symlink("in.csv", dir.path("link.csv")) == 0)
    for (rejects, output) in [
      (input, nil), (dir.path("./in.csv"), nil), (dir.path("link.csv"), nil),
      (dir.path("out.csv"), dir.path("out.csv")), (dir.path("out.csv"), dir.path("../\(dir.name)/out.csv")),
    ] as [(String, String?)] {
      let run = try runOutputCLI(["tidy", input, "--rejects", rejects] + (output.map { ["-o", $0] } ?? []))
      #expect(run.status == 64, "--rejects \(rejects) -o \(output ?? "-"): \(run.stderr)")
      #expect(run.stderr.hasPrefix("error: --rejects "), "\(run.stderr)")
      #expect(try String(contentsOfFile: input, encoding: .utf8) == text)
      #expect(dir.listing() == ["in.csv", "link.csv"])
    }
  }

  /// The rejects file gets the main output's CSV-injection guard and `--bom`; `--raw`
  /// turns the guard off. Plain numbers (`-5`) are data and keep their bytes.
  @Test func rejectsFileIsGuardedLikeTheOutput() throws {
    let dir = try OutputScratch("rejects-guard")
    defer { dir.remove() }
    let input = dir.path("in.csv")
    try Data(
      """
      indicator,agency,year,value
      A,"=HYPERLINK(""http://evil"",""x"")",2020,abc
      +cmd,@SUM(1),2021,bad
      A,b,20x2,-5
      A,b,2023,=1+2

      """.utf8
    ).write(to: URL(fileURLWithPath: input))
    let rejects = dir.path("rejects.csv")
    let run = try runOutputCLI(["tidy", input, "--rejects", rejects, "-o", dir.path("out.csv")])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines.first == "indicator,agency,year,value,reason")
    #expect(lines.count == 5, "\(lines)")
    #expect(lines.contains { $0.hasPrefix(#"A,"'=HYPERLINK(""http://evil"",""x"")",2020,abc,"#) }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("'+cmd,'@SUM(1),2021,bad,") }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("A,b,20x2,-5,") }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("A,b,2023,'=1+2,") }, "\(lines)")
    #expect(!lines.contains { $0.contains(",=") || $0.contains(",+") || $0.contains(",@") })

    let bom = try runOutputCLI(["tidy", input, "--bom", "--rejects", rejects, "-o", dir.path("out.csv")])
    #expect(bom.status == 0, "\(bom.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: rejects))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])

    let raw = try runOutputCLI(["tidy", input, "--raw", "--rejects", rejects, "-o", dir.path("out.csv")])
    #expect(raw.status == 0, "\(raw.stderr)")
    let rawText = try String(contentsOfFile: rejects, encoding: .utf8)
    #expect(rawText.contains("\n+cmd,@SUM(1),2021,bad,"))
    #expect(!rawText.contains("'"))
  }

  // MARK: Messages

  /// A cell or file name with ESC, BEL, CR, NUL, DEL or C1 characters reaches standard
  /// error as `\u001B`-style escapes, never as the bytes a terminal would obey.
  @Test func messagesEscapeControlCharacters() throws {
    let dir = try OutputScratch("escape")
    defer { dir.remove() }
    let input = dir.path("in.csv")
    try Data("indicator,agency,year,value\nA,b,2020,x\u{1B}]0;owned\u{07}\u{1B}[2J\u{7F}\u{9B}\u{0}y\n".utf8)
      .write(to: URL(fileURLWithPath: input))
    let run = try runOutputCLI(["tidy", input])
    #expect(run.status == 65)
    #expect(run.stderr.contains(#"(found "x\u001B]0;owned\u0007\u001B[2J\u007F\u009B\u0000y")"#), "\(run.stderr)")
    // Line feeds end the error and the counts line that follows it; nothing else is raw.
    #expect(!run.stderr.unicodeScalars.contains { ($0.value < 0x20 && $0.value != 0x0A) || (0x7F...0x9F).contains($0.value) })

    // Under --skip-bad-rows the same text goes through the `rejected:` note.
    let skipped = try runOutputCLI(["tidy", input, "--skip-bad-rows"])
    #expect(skipped.status == 0, "\(skipped.stderr)")
    #expect(skipped.stderr.contains(#"rejected: "#) && skipped.stderr.contains(#"\u001B]0;owned\u0007"#))
    #expect(!skipped.stderr.contains("\u{1B}"))

    // A file name: the input that cannot be read, the output that cannot be written.
    let missing = dir.path("no\u{1B}[31mfile\u{07}\r\n.csv")
    let noInput = try runOutputCLI(["tidy", missing])
    #expect(noInput.status == 66)
    #expect(noInput.stderr.contains(#"no\u001B[31mfile\u0007\u000D\u000A.csv: cannot read input"#), "\(noInput.stderr)")
    let noOutput = try runOutputCLI(["catalog", "-o", dir.path("no\u{1B}dir/out.csv")])
    #expect(noOutput.status == 73)
    #expect(noOutput.stderr.contains(#"no\u001Bdir/out.csv: cannot write output"#), "\(noOutput.stderr)")
    #expect(!noInput.stderr.contains("\u{1B}") && !noOutput.stderr.contains("\u{1B}"))
  }
}

// MARK: Helpers

/// A fresh folder under the temporary directory, removed by `remove()`.
struct OutputScratch {
  let root: String
  var name: String { (root as NSString).lastPathComponent }

  init(_ label: String) throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("output-paths-\(label)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { root + "/" + name }

  /// The names in the folder (or a subfolder), hidden ones included, sorted.
  func listing(of sub: String? = nil) -> [String] {
    guard let dir = opendir(sub.map(path) ?? root) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// The result of one run of the CLI: exit status (or signal), raw stdout, stderr text.
struct OutputRun {
  var status: Int32
  var stdout: Data
  var stderr: String
}

/// Runs the built CLI with stdout to a pipe and stderr to a file; `umask` through
/// `/bin/sh -c 'umask U; exec …'`; `environment` added to ours.
func runOutputCLI(_ arguments: [String], umask: String? = nil, environment: [String: String] = [:]) throws -> OutputRun {
  let process = Process()
  if let umask {
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", executablePath] + arguments
  } else {
    process.executableURL = URL(fileURLWithPath: executablePath)
    process.arguments = arguments
  }
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let out = Pipe()
  let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("output-paths-stderr-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
  let err = try FileHandle(forWritingTo: errURL)
  defer { try? FileManager.default.removeItem(at: errURL) }
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  try err.close()
  let errText = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
  return OutputRun(status: process.terminationStatus, stdout: data, stderr: errText)
}

/// `S_IFREG`, `S_IFLNK`, `S_IFIFO`, … of `path` itself (not following a link); 0 if none.
func fileType(_ path: String) -> mode_t {
  var info = stat()
  return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
}

/// The permission bits of what `path` names.
func fileMode(_ path: String) -> mode_t {
  var info = stat()
  return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
}

func readLink(_ path: String) -> String? {
  try? FileManager.default.destinationOfSymbolicLink(atPath: path)
}

/// The built CLI started with `posix_spawn`, its output and errors to /dev/null, with
/// no signal blocked and every signal at its default action, as a shell starts it.
/// (Foundation's `Process` passes on the calling thread's signal mask, and the test
/// runner's threads block SIGINT, SIGTERM and SIGHUP: a child started so never sees them.)
final class SpawnedCLI {
  let pid: pid_t
  private var status: Int32 = 0
  private var exited = false

  init(_ arguments: [String], environment: [String: String]) throws {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
    let argv: [UnsafeMutablePointer<CChar>?] = ([executablePath] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, executablePath, &actions, &attributes, argv, envp)
    guard code == 0 else { throw POSIXError(.init(rawValue: code) ?? .EIO) }
    self.pid = pid
  }

  /// Whether it has not exited yet (reaps it when it has).
  var isRunning: Bool {
    guard !exited else { return false }
    var raw: Int32 = 0
    if waitpid(pid, &raw, WNOHANG) == pid {
      status = raw
      exited = true
    }
    return !exited
  }

  /// Waits for the exit: `.exit` and the status, or `.uncaughtSignal` and the signal.
  func wait() -> (reason: Process.TerminationReason, status: Int32) {
    if !exited {
      var raw: Int32 = 0
      while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
      status = raw
      exited = true
    }
    // <sys/wait.h>: low 7 bits the signal (0: exited), bits 8–15 the exit status.
    let signal = status & 0x7F
    return signal == 0 ? (.exit, (status >> 8) & 0xFF) : (.uncaughtSignal, signal)
  }
}

/// What the process's descriptors point at (`/proc/PID/fd/*`).
func openFiles(of pid: Int32) -> [String] {
  let fds = "/proc/\(pid)/fd"
  guard let names = try? FileManager.default.contentsOfDirectory(atPath: fds) else { return [] }
  return names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fds)/\($0)") }
}

/// Waits (up to 5 s) until `/proc/PID/stat` says the process is stopped (state T).
func waitUntilStopped(_ pid: Int32) -> Bool {
  for _ in 0..<5_000 {
    if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")"),
      stat[stat.index(close, offsetBy: 2)] == "T"
    {
      return true
    }
    usleep(1_000)
  }
  return false
}

/// A `tidy` input of `rows` rows (about 40 bytes each).
func generatedInput(rows: Int) -> Data {
  var text = "indicator,agency,year,value\n"
  text.reserveCapacity(rows * 40)
  for i in 0..<rows {
    text += "指標\(i % 13),機關\(i % 97),\(2000 + i % 25),\(i)\n"
  }
  return Data(text.utf8)
}

/// Reads a FIFO from its own thread, opened before the writer comes (non-blocking, so
/// opening does not wait), until the writer closes it or time runs out.
final class FIFOReader: @unchecked Sendable {
  private let fd: Int32
  private var bytes = Data()
  private let done = DispatchSemaphore(value: 0)
  private let deadline: Date

  init(_ path: String, timeout: TimeInterval = 20) throws {
    fd = open(path, O_RDONLY | O_NONBLOCK)
    deadline = Date().addingTimeInterval(timeout)
    guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    Thread.detachNewThread { [self] in
      self.run()
    }
  }

  private func run() {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    // Linux reports POLLHUP on a FIFO only once a writer has come and gone.
    while Date() < deadline {
      var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&pfd, 1, 50) > 0 else { continue }
      let n = read(fd, &buffer, buffer.count)
      if n > 0 {
        bytes.append(contentsOf: buffer[..<n])
      } else if n == 0 && pfd.revents & Int16(POLLHUP) != 0 {
        break
      }
    }
    close(fd)
    done.signal()
  }

  /// The bytes read, once the writer closed (or `seconds` passed).
  func finish(within seconds: Double) -> Data {
    guard done.wait(timeout: .now() + seconds) == .success else { return Data() }
    return bytes
  }
}
