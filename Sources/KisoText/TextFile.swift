import KisoBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and writing the text files tokenisers learn from and are saved in, with errors that
/// say what is wrong with the file.
public enum TextFile {
    /// The largest file `read` accepts by default: 256 MiB.
    public static let defaultLimit = 256 * 1024 * 1024

    /// A file's bytes; throws for a missing file, a directory, or a file over `limit` bytes.
    public static func bytes(atPath path: String, limit: Int = defaultLimit) throws(TextError) -> [UInt8] {
        do { try FileSystem.checkRead(path) } catch { throw TextError("cannot read \(quoted(path)): \(error.reason)") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT {
                throw TextError(
                    "no file \(quoted(path))",
                    hint: "check the name; relative paths start at the notebook's or script's folder")
            }
            throw TextError("cannot open \(quoted(path)): \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw TextError("\(quoted(path)) is a directory, not a file", hint: "give the path of a file inside it")
            }
            if Int(status.st_size) > limit { throw tooLarge(path, limit) }
        }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw TextError("cannot read \(quoted(path)): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            if result.count > limit { throw tooLarge(path, limit) }
        }
        return result
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> TextError {
        TextError(
            "\(quoted(path)) is larger than \(limit / 1_048_576) MiB",
            hint: "read a smaller file, or split it into parts")
    }

    /// A file's text; throws as `bytes` does, and for bytes that are not UTF-8 (naming the offset).
    public static func text(atPath path: String, limit: Int = defaultLimit) throws(TextError) -> String {
        let bytes = try bytes(atPath: path, limit: limit)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput, .error: break loop
            }
        }
        throw TextError(
            "\(quoted(path)) is not UTF-8 text (byte \(offset) is not part of a UTF-8 character)",
            hint: "save the file as UTF-8, or check that it is a text file")
    }

    /// Replaces the file at `path` with `text` through Kiso's one atomic writer
    /// (``FileSystem/writeAtomically(_:toPath:)-(String,_)``): a reader or a crash sees the old
    /// file or the new one; links, mode and owner are kept; a read-only file is refused.
    public static func write(_ text: String, toPath path: String) throws(TextError) {
        do {
            try FileSystem.writeAtomically(text, toPath: path)
        } catch {
            throw TextError(
                "cannot write \(quoted(path)): \(error.reason)", hint: "check that the folder exists and is writable")
        }
    }
}
