#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to and reading from the process's standard streams, without Foundation.
enum StandardStreams {
    /// Writes `text` to standard output as it is (no newline added).
    static func write(_ text: String) {
        print(text, terminator: "")
    }

    /// Writes `text` and a newline to standard output.
    static func writeLine(_ text: String = "") {
        print(text)
    }

    /// Writes `text` and a newline to standard error, after flushing standard output so the two
    /// streams interleave in the order things happened.
    static func writeError(_ text: String) {
        fflush(nil)
        let line = text.hasSuffix("\n") ? text : text + "\n"
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
    }

    /// Flushes standard output.
    static func flush() {
        fflush(nil)
    }

    /// Whether standard input is a terminal.
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Whether standard error is a terminal.
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Everything on standard input, decoded as UTF-8 (invalid bytes become U+FFFD).
    static func readAllInput() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Ends the process with `status`, flushing both streams.
    static func exit(_ status: Int32) -> Never {
        fflush(nil)
        #if canImport(Glibc)
            Glibc.exit(status)
        #else
            Darwin.exit(status)
        #endif
    }
}
