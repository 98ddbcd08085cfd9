import Foundation
import Glibc
import Testing
import TestSupport

@testable import IntegrityTables

/// The pieces under the CLI's output contract: what a path names, when two paths are one
/// file, how messages show control characters, the signal registry.
@Suite struct OutputPathUnitTests {
  @Test func destinationFollowsLinksAndRecognisesDescriptors() throws {
    let dir = "/tmp/output-path-unit-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try AtomicFile.makeDirectory(dir)
    defer {
      for name in ["file", "link", "dangling", "fifo", "stdout"] { unlink("\(dir)/\(name)") }
      rmdir(dir)
    }
    try AtomicFile.write("x\n", to: "\(dir)/file")
    symlink("file", "\(dir)/link")
    symlink("new/../file2", "\(dir)/dangling")
    mkfifo("\(dir)/fifo", 0o600)
    symlink("/dev/stdout", "\(dir)/stdout")

    guard case .regular(let path, let existing?) = try AtomicFile.destination(of: "\(dir)/link") else {
      Issue.record("a link to a regular file is not a regular destination")
      return
    }
    #expect(path == "\(dir)/file" && existing.mode == 0o644)
    #expect(try AtomicFile.destination(of: "\(dir)/dangling") == .regular(path: "\(dir)/new/../file2", existing: nil))
    #expect(try AtomicFile.destination(of: "\(dir)/fifo") == .special(path: "\(dir)/fifo", type: S_IFIFO))
    #expect(try AtomicFile.destination(of: "/dev/null") == .special(path: "/dev/null", type: S_IFCHR))
    #expect(try AtomicFile.destination(of: "\(dir)/stdout") == .descriptor(1))
    #expect(try AtomicFile.destination(of: "/dev/stderr") == .descriptor(2))
    #expect(try AtomicFile.destination(of: "/proc/self/fd/7") == .descriptor(7))
    #expect(try AtomicFile.destination(of: "/dev/fd/3") == .descriptor(3))
    #expect(try AtomicFile.destination(of: "/proc/1/fd/1") == .special(path: "/proc/1/fd/1", type: 0))
    #expect(throws: OutputError(path: dir, reason: "is a directory")) { try AtomicFile.destination(of: dir) }
  }

  @Test func identityComparesFilesNotSpellings() throws {
    let dir = "/tmp/output-identity-unit-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try AtomicFile.makeDirectory(dir)
    defer {
      for name in ["a.csv", "link.csv"] { unlink("\(dir)/\(name)") }
      rmdir(dir)
    }
    try AtomicFile.write("x\n", to: "\(dir)/a.csv")
    symlink("a.csv", "\(dir)/link.csv")
    let a = FileIdentity(path: "\(dir)/a.csv", standardDescriptor: 1)
    #expect(a == FileIdentity(path: "\(dir)/./a.csv", standardDescriptor: 1))
    #expect(a == FileIdentity(path: "\(dir)/link.csv", standardDescriptor: 1))
    #expect(FileIdentity(path: "\(dir)/new.csv", standardDescriptor: 1) == FileIdentity(path: "\(dir)/../\(AtomicFile.split(dir).name)/new.csv", standardDescriptor: 1))
    #expect(FileIdentity(path: "\(dir)/new.csv", standardDescriptor: 1) != FileIdentity(path: "\(dir)/other.csv", standardDescriptor: 1))
    #expect(FileIdentity(path: nil, standardDescriptor: 1) == FileIdentity(path: "-", standardDescriptor: 1))
  }

  @Test func messagesEscapeEveryControlCharacter() {
    #expect(MessageText.escaped("plain 臺北 text \\ ok") == "plain 臺北 text \\ ok")
    #expect(MessageText.escaped("a\u{1B}]0;x\u{07}b") == #"a\u001B]0;x\u0007b"#)
    #expect(MessageText.escaped("\u{0}\r\n\t\u{7F}\u{80}\u{9F}\u{A0}") == #"\u0000\u000D\u000A\u0009\u007F\u0080\u009F"# + "\u{A0}")
    let once = MessageText.escaped("x\u{1B}[2Jy")
    #expect(MessageText.escaped(once) == once)
    let error = DataError(file: "f\u{1B}.csv", line: 2, column: 3, columnName: "v\u{07}", message: "expected a number", found: "\u{9B}31m")
    #expect(error.description == #"f\u001B.csv:2:3: expected a number in column "v\u0007" (found "\u009B31m")"#)
    #expect(OutputError(path: "o\r.csv", reason: "r").description == #"o\u000D.csv: cannot write output: r"#)
    #expect(InputError(path: "i\n.csv", reason: "r").description == #"i\u000A.csv: cannot read input: r"#)
  }

  /// Named temporary files are registered while they exist and forgotten once renamed
  /// into place or removed.
  @Test func namedTemporaryFilesAreRegisteredWhileTheyExist() throws {
    let dir = "/tmp/output-registry-unit-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try AtomicFile.makeDirectory(dir)
    defer {
      unlink("\(dir)/out.csv")
      rmdir(dir)
    }
    let slot = try #require(AtomicFile.TemporaryFiles.register("\(dir)/.out.csv.abcdef"))
    #expect(AtomicFile.TemporaryFiles.registered.contains("\(dir)/.out.csv.abcdef"))
    AtomicFile.TemporaryFiles.unregister(slot)
    #expect(!AtomicFile.TemporaryFiles.registered.contains { $0.hasPrefix(dir) })
    #expect(AtomicFile.TemporaryFiles.register(String(repeating: "x", count: 5000)) == nil)
  }
}

/// The tests read nothing outside the package: reference material is copied into
/// Tests/Fixtures/reference (with a README naming each source and licence).
@Suite struct ReferenceMaterialTests {
  @Test func referenceFilesAreInsideThePackage() {
    let root = packageRoot.standardizedFileURL.path + "/"
    for relative in [
      "agency-csv-samples/dgbas_NA8103A1Ac_big5_full.csv", "action-plan/000_6bac756fe4f12e99.txt",
      "agency-csv-samples/README.md", "action-plan/README.md",
    ] {
      let path = referencePath(relative)
      #expect(URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(root), "\(path)")
      #expect(access(path, R_OK) == 0, "\(path)")
    }
    #expect(access(fixturePath("reference/README.md"), R_OK) == 0)
  }
}
