import Foundation
import IntegrityStats

#if canImport(Glibc)
import Glibc
#endif

/// Standard input replaced by bytes the process made itself (the workspace's figures as
/// CSV), so that a command reads them on its one path for standard input.
enum StandardInput {
  /// Writes `bytes` to an unnamed temporary file (created in `$TMPDIR` or /tmp and
  /// unlinked at once: nothing is left behind, even after a kill) and makes it descriptor 0,
  /// positioned at its start. The reader then sees a regular file on standard input.
  static func replace(with bytes: [UInt8]) throws {
    let folder = StreamSpool.defaultSpillDirectory
    guard let fd = StreamSpool.unnamedFile(in: folder) else {
      throw InputError(path: folder, reason: "cannot create a temporary file for the workspace's figures: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    do {
      try FileHandle(fileDescriptor: fd, closeOnDealloc: false).write(contentsOf: Data(bytes))
    } catch {
      throw InputError(path: folder, reason: "cannot write the workspace's figures to a temporary file: \(error.localizedDescription)")
    }
    guard lseek(fd, 0, SEEK_SET) == 0, dup2(fd, 0) == 0 else {
      throw InputError(path: folder, reason: "cannot read the workspace's figures back: \(String(cString: strerror(errno)))")
    }
  }
}
