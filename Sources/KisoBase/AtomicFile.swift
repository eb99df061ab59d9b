#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// Replaces the file at `path` with `text` so that a reader — or a crash, or `kill -9` —
    /// sees either the old file or the new one, never a half-written mix. Every file Kiso writes
    /// (history, progress, notebooks recorded by `kiso run --update`, `:save`) goes through here.
    ///
    /// - The text goes to a temporary file in the same directory (`.NAME.kiso-tmp-PID`), is
    ///   flushed to disk with `fsync`, and is renamed over the target; the directory is flushed
    ///   too, so the rename survives a power cut.
    /// - A symbolic link is written through: the file it points to is replaced, the link stays.
    /// - An existing file keeps its permissions, and its owner and group where the system allows.
    /// - A file with several hard links is rewritten in place after the new text is safely on
    ///   disk beside it, so every name still shows the same file.
    /// - A file without write permission is refused with an error, as an editor would.
    /// - Temporary files left by an earlier writer that crashed are removed first.
    public static func writeAtomically(_ text: String, toPath path: String, confined: Bool = true) throws(FileError) {
        try writeAtomically(Array(text.utf8), toPath: path, confined: confined)
    }

    /// Byte form of ``writeAtomically(_:toPath:)-(String,_)``. With `confined` (the default) the
    /// write must also pass ``confinement``; Kiso's own files — progress, a notebook recorded by
    /// `kiso run --update` — pass `confined: false`.
    public static func writeAtomically(_ bytes: [UInt8], toPath path: String, confined: Bool = true) throws(FileError) {
        let target = resolvedTarget(path)
        if confined { try checkWrite(path) }
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists {
            if (existing.st_mode & S_IFMT) == S_IFDIR {
                throw FileError(path: path, reason: "is a directory, not a file")
            }
            // Root may write anything, so the permission bits decide, as they would for the owner.
            if (existing.st_mode & 0o222) == 0 || access(target, W_OK) != 0 {
                throw FileError(
                    path: path, reason: "is read-only; Kiso leaves it unchanged (make it writable, or save elsewhere)")
            }
        }
        let directory = directoryName(of: target)
        removeStaleTemporaries(beside: target)
        let temporary = join(directory, ".\(baseName(of: target)).kiso-tmp-\(getpid())")
        // A new file gets 0644 less the umask, as `open` applies it; an existing one its own mode.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, exists ? 0o600 : 0o644)
        if fd < 0 { throw FileError.system(path, "cannot create a temporary file beside it") }
        var succeeded = false
        defer { if !succeeded { unlink(temporary) } }
        if exists {
            fchmod(fd, existing.st_mode & 0o7777)
            // Only root may give a file away; anyone may keep its group if they belong to it.
            _ = fchown(fd, existing.st_uid, existing.st_gid) == 0 || fchown(fd, uid_t.max, existing.st_gid) == 0
        }
        do throws(FileError) {
            try writeAll(bytes, to: fd, path: path)
            if fsync(fd) != 0 { throw FileError.system(path, "cannot flush to disk") }
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        if exists && existing.st_nlink > 1 {
            // Renaming would give this name a new file and leave the other names on the old one.
            try rewriteInPlace(bytes, path: target, reportedAs: path)
            unlink(temporary)
        } else if rename(temporary, target) != 0 {
            throw FileError.system(path, "cannot replace")
        }
        succeeded = true
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// The file a write to `path` should replace: the end of a chain of symbolic links (at most
    /// 40, as the kernel allows), or `path` itself.
    /// Whether `path`'s folder, with links and `..` resolved, lies in `root` (resolved the same
    /// way). A folder that does not exist cannot be resolved and counts as outside.
    public static func isInside(_ path: String, root: String) -> Bool {
        func resolved(_ folder: String) -> String? {
            guard let pointer = realpath(folder.isEmpty ? "." : folder, nil) else { return nil }
            defer { free(pointer) }
            return String(cString: pointer)
        }
        guard let folder = resolved(directoryName(of: path)), let base = resolved(root) else { return false }
        return folder == base || folder.hasPrefix(base == "/" ? "/" : base + "/")
    }

    public static func resolvedTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : join(directoryName(of: current), link)
        }
        return current
    }

    /// `path` made absolute against the working directory (without resolving links).
    public static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let directory = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return join(directory, relative)
    }

    /// Removes `.NAME.kiso-tmp-PID` files beside `target` whose writer is no longer running.
    static func removeStaleTemporaries(beside target: String) {
        let directory = directoryName(of: target)
        let prefix = ".\(baseName(of: target)).kiso-tmp-"
        guard let names = try? contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) || isZombie(pid) {
                unlink(join(directory, name))
            }
        }
    }

    /// Whether process `pid` has ended but not yet been reaped by its parent (Linux's state `Z`
    /// in /proc/PID/stat): it still answers `kill(pid, 0)`, yet it will never finish its write.
    private static func isZombie(_ pid: Int32) -> Bool {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        // "PID (COMMAND) STATE …": the command may hold spaces and parentheses, so the state
        // follows the last closing parenthesis.
        let text = buffer.prefix(count)
        guard let close = text.lastIndex(of: UInt8(ascii: ")")), close + 2 < text.endIndex else { return false }
        return text[close + 2] == UInt8(ascii: "Z")
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError.system(path, "cannot write")
            }
            offset += written
        }
    }

    private static func rewriteInPlace(_ bytes: [UInt8], path: String, reportedAs name: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        if fd < 0 { throw FileError.system(name, "cannot open for writing") }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: name)
        if fsync(fd) != 0 { throw FileError.system(name, "cannot flush to disk") }
    }
}
