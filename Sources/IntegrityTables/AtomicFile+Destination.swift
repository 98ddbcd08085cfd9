import Glibc

extension AtomicFile {
  /// Where an output path leads, decided before anything is written.
  ///
  /// Only a regular file (or a path that does not exist yet) may be replaced by renaming
  /// a finished temporary file over it. Anything else is written where it is: renaming
  /// over `/dev/null` would turn the machine's `/dev/null` into a regular file, and
  /// renaming over a FIFO would leave its reader with nothing. Symbolic links are
  /// followed hop by hop, so a link to a regular file has its target replaced (the link
  /// stays a link) and a link to a device or FIFO reaches the device or FIFO.
  enum Destination: Equatable {
    /// One of this process's open descriptors, named by `/dev/stdout`, `/dev/stderr`,
    /// `/dev/fd/N` or `/proc/self/fd/N` (directly or through links): written in place
    /// through a duplicate of it, at its offset, never truncated (the shell's `>>` stays
    /// an append).
    case descriptor(Int32)
    /// A FIFO, character or block device, socket, or another process's descriptor
    /// (`/proc/PID/fd/N`): opened by its path and written in place.
    case special(path: String, type: mode_t)
    /// A regular file, or a new path: the path after following every symbolic link,
    /// replaced atomically. `existing` is the file it replaces, if any.
    case regular(path: String, existing: ExistingFile?)
  }

  /// What a replaced file keeps: its permission bits and, when we may set them, its owner.
  struct ExistingFile: Equatable {
    var mode: mode_t
    var owner: uid_t
    var group: gid_t
    var device: UInt64
    var inode: UInt64
  }

  /// Follows `path` (at most 40 symbolic links, as the kernel does) to what it names.
  ///
  /// Errors: a directory, a link loop, or a component that cannot be examined
  /// (`EACCES`, `ENOTDIR`) is an `OutputError` naming `path`. A missing last component
  /// is a new file; a missing directory is reported when the file is created.
  static func destination(of path: String) throws(OutputError) -> Destination {
    var current = path
    for _ in 0..<40 {
      if let name = DescriptorName(current) {
        return name.isOwn ? .descriptor(name.descriptor) : .special(path: current, type: 0)
      }
      var info = stat()
      guard lstat(current, &info) == 0 else {
        if errno == ENOENT { return .regular(path: current, existing: nil) }
        throw OutputError(path: path, reason: errnoText())
      }
      switch info.st_mode & S_IFMT {
      case S_IFLNK:
        current = try linkTarget(current, named: path)
      case S_IFREG:
        return .regular(
          path: current,
          existing: ExistingFile(
            mode: info.st_mode & 0o7777, owner: info.st_uid, group: info.st_gid,
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
      case S_IFDIR:
        throw OutputError(path: path, reason: "is a directory")
      default:
        return .special(path: current, type: info.st_mode & S_IFMT)
      }
    }
    throw OutputError(path: path, reason: String(cString: strerror(ELOOP)))
  }

  /// The path the symbolic link `link` points to (a relative target is taken from the
  /// link's own directory).
  static func linkTarget(_ link: String, named path: String) throws(OutputError) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    // Safe: readlink writes at most `count - 1` bytes into the array the closure lends,
    // so the last byte stays the terminating NUL.
    let n = buffer.withUnsafeMutableBufferPointer { readlink(link, $0.baseAddress!, $0.count - 1) }
    guard n >= 0 else { throw OutputError(path: path, reason: errnoText()) }
    let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if target.hasPrefix("/") { return target }
    return split(link).directory + "/" + target
  }

  /// A path that names an open descriptor: `/dev/stdout` (1), `/dev/stderr` (2),
  /// `/dev/fd/N`, `/proc/self/fd/N`, `/proc/thread-self/fd/N` or `/proc/PID/fd/N`.
  /// The kernel's links behind these names point at pipes and sockets that no path
  /// reaches (`pipe:[…]`), so they are recognised by name, not followed.
  struct DescriptorName {
    var descriptor: Int32
    /// Whether it is one of this process's descriptors (else another process's).
    var isOwn: Bool

    init?(_ path: String) {
      switch path {
      case "/dev/stdout": self.init(descriptor: 1, isOwn: true); return
      case "/dev/stderr": self.init(descriptor: 2, isOwn: true); return
      default: break
      }
      let parts = path.split(separator: "/", omittingEmptySubsequences: true)
      guard let last = parts.last, let fd = Int32(last), fd >= 0 else { return nil }
      if path.hasPrefix("/dev/fd/") && parts.count == 3 {
        self.init(descriptor: fd, isOwn: true)
      } else if path.hasPrefix("/proc/") && parts.count == 4 && parts[2] == "fd" {
        let own = parts[1] == "self" || parts[1] == "thread-self" || Int32(parts[1]) == getpid()
        guard own || Int32(parts[1]) != nil else { return nil }
        self.init(descriptor: fd, isOwn: own)
      } else {
        return nil
      }
    }

    init(descriptor: Int32, isOwn: Bool) {
      self.descriptor = descriptor
      self.isOwn = isOwn
    }
  }
}

/// What an input or output path stands for, to tell whether two of them are one file
/// (`--rejects` must be neither the input nor `-o`).
///
/// Two paths are the same file when they reach the same device and inode (through any
/// links, `/dev/stdout` included), or, for files that do not exist yet, the same
/// resolved path. Standard input and output that are not regular files (pipes,
/// terminals) are the same only as the same descriptor.
public enum FileIdentity: Hashable, Sendable {
  case file(device: UInt64, inode: UInt64)
  case stream(Int32)
  case newPath(String)

  /// The identity of `path`; `nil` or `-` stands for `standardDescriptor`
  /// (0 for an input, 1 for an output).
  public init(path: String?, standardDescriptor: Int32) {
    guard let path, path != "-" else {
      self = Self.of(descriptor: standardDescriptor)
      return
    }
    switch try? AtomicFile.destination(of: path) {
    case .descriptor(let fd)?:
      self = Self.of(descriptor: fd)
    case .special(let resolved, _)?:
      var info = stat()
      self = stat(resolved, &info) == 0 ? .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) : .newPath(resolved)
    case .regular(_, let existing?)?:
      self = .file(device: existing.device, inode: existing.inode)
    case .regular(let resolved, nil)?:
      self = .newPath(Self.absolute(resolved))
    case nil:
      self = .newPath(Self.absolute(path))
    }
  }

  private static func of(descriptor fd: Int32) -> FileIdentity {
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .stream(fd) }
    return .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  /// `path` with its directory made canonical (`realpath`), when that directory exists.
  private static func absolute(_ path: String) -> String {
    let (directory, name) = AtomicFile.split(path)
    guard let resolved = realpath(directory, nil) else { return path }
    defer { free(resolved) }
    let base = String(cString: resolved)
    return (base == "/" ? "" : base) + "/" + name
  }
}
