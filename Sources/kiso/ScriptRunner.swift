import KisoBase
import KisoLang
import KisoNotebook
import KisoTerminal

/// Runs a whole program without prompts: a script file, standard input that is not a terminal, or
/// `-e EXPR`.
///
/// A program runs like one notebook cell: what it prints appears as it runs, and the value of its
/// last statement is echoed when that statement is an expression not ending in `;`. The first
/// error is printed on standard error with its source line and caret, and the run ends with
/// status 1.
enum ScriptRunner {
    /// Runs `source` and returns the exit status: 0, or 1 after an error. `origin` names the
    /// program in error messages (a path, `<stdin>`, `<command line>`).
    static func run(_ source: String, origin: String) -> Int32 {
        InterruptHandling.install()
        let live = TerminalLiveDisplay(display: { PlotSettings.terminal })
        let session = Session(output: { text in
            live.clear()
            StandardStreams.write(text)
        })
        // A script run at a terminal shows its progress bars; piped or redirected, it does not.
        if Terminal.outputIsTerminal { session.liveDisplay = live }
        // Relative paths in a script file (read_text, tok.save) start at the script's folder.
        if !origin.hasPrefix("<") { session.directory = FileSystem.directoryName(of: origin) }
        // Scripts keep the fixed plot width of recorded notebooks, so their output is the same on
        // any terminal; only the character set follows --ascii.
        if PlotSettings.forceASCII { session.plotDisplay.charset = .ascii }
        let result = session.run(source, origin: origin)
        if let echo = result.echo { StandardStreams.writeLine(echo) }
        guard !result.errors.isEmpty else { return 0 }
        let presenter = ErrorPresenter(
            style: TextStyle(
                enabled: Terminal.colorEnabled(isTerminal: StandardStreams.errorIsTerminal, environment: .process)))
        StandardStreams.writeError(presenter.text(for: result.errors, source: source))
        return 1
    }
}
