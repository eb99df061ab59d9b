import KisoBase
import KisoLang
import KisoNotebook
import KisoPlot
import KisoTerminal

/// How plots draw on this terminal: its width, colour when the terminal shows it (never under
/// NO_COLOR), and plain ASCII with `--ascii` or when the locale is not UTF-8. Recorded notebook
/// outputs never use this: `kiso run` keeps the Session's fixed defaults so they stay deterministic.
enum PlotSettings {
    /// Set by `--ascii`.
    nonisolated(unsafe) static var forceASCII = false

    /// The display for sessions that draw on this terminal.
    static var terminal: PlotDisplay {
        PlotDisplay(
            width: Swift.max(20, Terminal.width - 1),
            colorMode: Terminal.colorEnabled ? .ansi256 : .none,
            charset: forceASCII || !localeIsUTF8(.process) ? .ascii : .unicode)
    }

    /// Whether the locale's character set is UTF-8 (LC_ALL, then LC_CTYPE, then LANG decide).
    static func localeIsUTF8(_ environment: Environment) -> Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                let lower = value.lowercased()
                return lower.contains("utf-8") || lower.contains("utf8")
            }
        }
        // No locale set at all: terminals today are UTF-8.
        return true
    }
}
