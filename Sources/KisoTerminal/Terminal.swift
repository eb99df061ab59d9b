import KisoBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about the terminal the process runs in.
public enum Terminal {
    /// Whether both standard input and standard output are terminals: only then does `kiso` prompt,
    /// edit lines and draw screens.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Whether standard output is a terminal.
    public static var outputIsTerminal: Bool {
        isatty(STDOUT_FILENO) == 1
    }

    /// The width of the terminal in columns: the window size of standard output, else `$COLUMNS`,
    /// else 80.
    public static var width: Int {
        width(windowColumns: windowColumns(), environment: .process)
    }

    /// The width given a window size (nil when unknown) and an environment; separated for tests.
    public static func width(windowColumns: Int?, environment: Environment) -> Int {
        if let columns = windowColumns, columns > 0 { return columns }
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters()), columns > 0,
            columns < 100_000
        {
            return columns
        }
        return 80
    }

    /// Columns reported by the terminal driver for standard output (then standard input), or nil.
    public static func windowColumns() -> Int? {
        for descriptor in [STDOUT_FILENO, STDIN_FILENO] {
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
        }
        return nil
    }

    /// Whether to print colour: only on a terminal, never when `NO_COLOR` is set to anything non-empty
    /// (see no-color.org), and not on a `dumb` terminal.
    public static var colorEnabled: Bool {
        colorEnabled(isTerminal: outputIsTerminal, environment: .process)
    }

    /// The colour decision for a given situation; separated for tests.
    public static func colorEnabled(isTerminal: Bool, environment: Environment) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }
}

extension String {
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
