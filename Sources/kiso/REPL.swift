import KisoLang
import KisoNotebook
import KisoTerminal

/// The interactive loop: `kiso` with no arguments on a terminal.
///
/// Reads entries with readline (`kiso> `, then `...  ` while a block, bracket or string is open),
/// runs them in one session that echoes every unsuppressed expression, and answers meta commands.
/// An error is shown and the session goes on with every variable intact; Ctrl-C stops a running
/// computation and returns to the prompt; Ctrl-D leaves.
final class REPL {
    /// Collects what the session prints during one entry, for the transcript.
    final class Capture {
        var text = ""
        /// While true, what the session prints is neither shown nor captured (preparation a
        /// learner need not see, such as a lesson's chapter replayed).
        var muted = false
    }

    /// The variables and everything that runs in them.
    let session: Session
    /// What the current entry printed.
    let capture = Capture()
    /// readline, with the history file and completion.
    let editor: LineEditor
    /// Colour on a terminal, none with `NO_COLOR`.
    let style: TextStyle
    /// Renders errors in that style.
    let presenter: ErrorPresenter
    /// Where the chapters are.
    let home: NotebookHome
    /// The successful inputs, for `:save`.
    var transcript = Transcript()

    /// The prompt for a new entry.
    static let prompt = "kiso> "
    /// The prompt while an entry is unfinished.
    static let continuationPrompt = "...  "

    /// Sets up the session, the line editor (history in `$XDG_STATE_HOME/kiso/history`) and Ctrl-C.
    init() {
        style = TextStyle.automatic
        presenter = ErrorPresenter(style: style, width: Terminal.width)
        home = NotebookHome.locate()
        let capture = self.capture
        let live = TerminalLiveDisplay(display: { PlotSettings.terminal }, enabled: { !capture.muted })
        session = Session(output: { text in
            guard !capture.muted else { return }
            live.clear()
            StandardStreams.write(text)
            capture.text += text
        })
        session.echoEachExpression = true
        session.plotDisplay = PlotSettings.terminal
        if Terminal.outputIsTerminal { session.liveDisplay = live }
        let session = self.session
        editor = LineEditor(
            historyPath: HistoryFile.defaultPath(),
            completer: { prefix, line in Completion.candidates(prefix: prefix, line: line, session: session) })
        InterruptHandling.install()
    }

    /// Runs until `:quit` or Ctrl-D; returns the exit status (0).
    func run() -> Int32 {
        Banner.print(style: style, home: home)
        let session = self.session
        while true {
            StandardStreams.flush()
            guard
                let entry = editor.readEntry(
                    prompt: REPL.prompt, continuationPrompt: REPL.continuationPrompt,
                    isComplete: { MetaCommand.isMeta($0) || session.isComplete($0) })
            else {
                StandardStreams.writeLine()
                return 0
            }
            if entry.trimmed().isEmpty { continue }
            if let command = MetaCommand.parse(entry) {
                if command == .quit { return 0 }
                perform(command)
            } else {
                evaluate(entry)
            }
        }
    }

    /// Runs code in the session, shows its echo or its error, and records it when it succeeded.
    /// Returns whether it succeeded.
    @discardableResult
    func evaluate(_ source: String, origin: String = "<input>", record: Bool = true) -> Bool {
        capture.text = ""
        let result = session.run(source, origin: origin)
        if let echo = result.echo {
            StandardStreams.writeLine(echo)
            capture.text += echo + "\n"
        }
        if !result.errors.isEmpty {
            // The terminal echoed ^C without a newline.
            if result.error?.kind == .interrupted { StandardStreams.writeLine() }
            showError(presenter.text(for: result.errors, source: source))
            return false
        }
        if record { transcript.append(source, output: capture.text) }
        return true
    }

    /// Shows a message as an error (red on a terminal).
    func showError(_ text: String) {
        StandardStreams.flush()
        StandardStreams.writeError(text)
    }
}
