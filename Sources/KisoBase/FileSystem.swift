#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure reading or writing a file, with the path and the system's reason.
public struct FileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file or directory involved.
    public let path: String
    /// What was being done and why it failed, e.g. `cannot open: No such file or directory`.
    public let reason: String

    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }

    /// The error for the failed system call just made, with `errno`'s reason.
    public static func system(_ path: String, _ action: String) -> FileError {
        FileError(path: path, reason: "\(action): \(String(cString: strerror(errno)))")
    }
}

/// Small POSIX file helpers; the library avoids Foundation so that `kiso` starts quickly.
public enum FileSystem {
    /// The largest file the helpers read: notebooks are text, and anything bigger is a mistake.
    public static let maximumReadSize = 64 * 1024 * 1024

    /// Reads a whole file as UTF-8; invalid bytes become U+FFFD rather than failing.
    public static func readText(atPath path: String) throws(FileError) -> String {
        let bytes = try readBytes(atPath: path)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads a whole file's bytes.
    public static func readBytes(atPath path: String) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw FileError.system(path, "cannot open") }
        defer { close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(path: path, reason: "is a directory, not a file")
        }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError.system(path, "cannot read")
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            if result.count > maximumReadSize {
                throw FileError(path: path, reason: "larger than \(maximumReadSize / 1_048_576) MiB; not a notebook")
            }
        }
        return result
    }

    /// Whether something exists at `path`.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Deletes the file at `path` — a file, never a folder — where the program being run may
    /// write (``checkWrite(_:)``).
    public static func removeFile(atPath path: String) throws(FileError) {
        guard exists(path) else { throw FileError(path: path, reason: "no such file") }
        guard !isDirectory(path) else { throw FileError(path: path, reason: "is a folder; only files are removed") }
        try checkWrite(path)
        if unlink(path) != 0 { throw FileError.system(path, "cannot remove") }
    }

    /// Whether `path` is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a directory (without `.` and `..`), sorted.
    public static func contentsOfDirectory(atPath path: String) throws(FileError) -> [String] {
        guard let directory = opendir(path) else { throw FileError.system(path, "cannot list") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates a directory and its missing parents (like `mkdir -p`).
    public static func createDirectories(atPath path: String, mode: mode_t = 0o755) throws(FileError) {
        if path.isEmpty || isDirectory(path) { return }
        let parent = directoryName(of: path)
        if parent != path { try createDirectories(atPath: parent, mode: mode) }
        if mkdir(path, mode) != 0 && errno != EEXIST { throw FileError.system(path, "cannot create directory") }
    }

    /// The directory part of a path: `a/b/c.md` → `a/b`, `c.md` → `.`, `/c` → `/`.
    public static func directoryName(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The last component of a path: `a/b/c.md` → `c.md`.
    public static func baseName(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Joins two path parts with one `/`.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
