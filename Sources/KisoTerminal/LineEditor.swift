import CReadline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The REPL's line editor over GNU readline: editing, Ctrl-R search, a persistent history, tab
/// completion through a Swift callback, pre-filled input, and Ctrl-C that clears the line.
///
/// readline is one global state, so create one editor per process and use it from one thread. It
/// is meant for a terminal (``Terminal/isInteractive``); when input is a pipe, read lines plainly.
///
/// Ctrl-C: the editor installs ``InterruptSignal``'s default handler. At the prompt, an interrupt
/// abandons the line, prints `^C` and returns ``Input/interrupted`` from ``read(prompt:prefill:)``;
/// ``readLine(prompt:prefill:)`` then shows a fresh prompt. While the caller computes, the same
/// handler sets ``InterruptSignal/pending``, which the computation polls.
public final class LineEditor {
    /// What one call to ``read(prompt:prefill:)`` produced.
    public enum Input: Equatable, Sendable {
        /// A line, without its newline.
        case line(String)
        /// Ctrl-C at the prompt: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the end of input.
        case endOfInput
    }

    /// Candidates for the word before the cursor: called with that word (the prefix) and the line up
    /// to the cursor, which includes the prefix — so after `x.sh` the prefix is `sh` and the line
    /// ends in `x.sh`. Return full words that start with the prefix.
    public typealias Completer = (_ prefix: String, _ line: String) -> [String]

    /// The history file (nil: history is kept in memory only).
    public let history: HistoryFile?

    /// Characters that end a word for completion: a dot is one, so attributes complete after `x.`.
    public static let wordBreakCharacters = " \t\n\"'`@$><=;|&{}()[],+-*/%^!~:."

    nonisolated(unsafe) static var completer: Completer?
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var candidateIndex = 0
    nonisolated(unsafe) static var prefill = ""
    nonisolated(unsafe) static var acceptedLine: String?
    nonisolated(unsafe) static var lineDone = false
    nonisolated(unsafe) static var wordBreaks: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var applicationName: UnsafeMutablePointer<CChar>?

    /// Sets readline up: the application name `kiso` (for ~/.inputrc conditionals), completion, the
    /// word-break characters, and the history from `historyPath` (nil: no file). The file's
    /// directory is created when missing; a history that cannot be read starts empty.
    public init(historyPath: String? = HistoryFile.defaultPath(), historyLimit: Int = 1000, completer: Completer? = nil)
    {
        LineEditor.completer = completer
        // readline keeps these pointers, so the strings live as long as the process.
        if LineEditor.wordBreaks == nil { LineEditor.wordBreaks = strdup(LineEditor.wordBreakCharacters) }
        if LineEditor.applicationName == nil { LineEditor.applicationName = strdup("kiso") }
        kiso_rl_configure(
            LineEditor.applicationName, LineEditor.wordBreaks, LineEditor.attemptCompletion, LineEditor.insertPrefill)
        history = historyPath.map { HistoryFile(path: $0, limit: historyLimit) }
        history?.load()
        InterruptSignal.install()
    }

    /// The completion callback; replace it at any time.
    public var completion: Completer? {
        get { LineEditor.completer }
        set { LineEditor.completer = newValue }
    }

    /// Reads one line, showing `prompt` and, when given, `prefill` as already-typed text to edit.
    /// A non-empty line is added to the history as one entry when `recordsHistory` is true (a
    /// recalled block comes back as one line with its line breaks).
    public func read(prompt: String, prefill: String = "", recordsHistory: Bool = true) -> Input {
        LineEditor.prefill = prefill
        LineEditor.acceptedLine = nil
        LineEditor.lineDone = false
        _ = InterruptSignal.takePending()
        rl_callback_handler_install(prompt, LineEditor.handleLine)
        var interrupted = false
        while !LineEditor.lineDone {
            if InterruptSignal.takePending() {
                interrupted = true
                break
            }
            var descriptor = pollfd(fd: fileno(kiso_rl_instream()), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if ready < 0 {
                if errno == EINTR {
                    if !InterruptSignal.isPending { rl_resize_terminal() }
                    continue
                }
                rl_callback_handler_remove()
                return .endOfInput
            }
            if ready > 0 { rl_callback_read_char() }
        }
        if interrupted {
            kiso_rl_abandon_line()
            rl_callback_handler_remove()
            return .interrupted
        }
        guard let line = LineEditor.acceptedLine else { return .endOfInput }
        if recordsHistory { addToHistory(line) }
        return .line(line)
    }

    /// Reads one line; Ctrl-C abandons the line and prompts again. Nil on Ctrl-D or end of input.
    public func readLine(prompt: String, prefill: String = "") -> String? {
        var text = prefill
        while true {
            switch read(prompt: prompt, prefill: text) {
            case .line(let line): return line
            case .endOfInput: return nil
            case .interrupted: text = ""
            }
        }
    }

    /// Reads an entry that may span lines: `prompt` first, then `continuationPrompt` while
    /// `isComplete` says the text so far (lines joined with `\n`) is unfinished — an open block,
    /// bracket or string. The whole entry becomes one history entry, so Up recalls a block as a
    /// unit. Ctrl-C discards the whole entry and starts again. Nil on Ctrl-D or end of input (a
    /// partial entry is returned if there is one).
    public func readEntry(prompt: String, continuationPrompt: String, isComplete: (String) -> Bool) -> String? {
        var lines: [String] = []
        while true {
            switch read(prompt: lines.isEmpty ? prompt : continuationPrompt, recordsHistory: false) {
            case .line(let line):
                lines.append(line)
                let entry = lines.joined(separator: "\n")
                if isComplete(entry) {
                    addToHistory(entry)
                    return entry
                }
            case .interrupted:
                lines.removeAll()
            case .endOfInput:
                guard !lines.isEmpty else { return nil }
                let entry = lines.joined(separator: "\n")
                addToHistory(entry)
                return entry
            }
        }
    }

    /// Adds a line to the history and appends it to the file at once, so a crash loses nothing.
    /// Blank lines and a repeat of the previous entry are skipped.
    public func addToHistory(_ line: String) {
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) { return }
        if let last = history_get(kiso_history_base() + kiso_history_length() - 1), let text = last.pointee.line,
            String(cString: text) == line
        {
            return
        }
        add_history(line)
        history?.append(line)
    }

    /// The lines in the in-memory history, oldest first.
    public var historyEntries: [String] {
        LineEditor.historyEntries()
    }

    static func historyEntries() -> [String] {
        var entries: [String] = []
        var offset: Int32 = 0
        while offset < kiso_history_length() {
            if let entry = history_get(kiso_history_base() + offset), let text = entry.pointee.line {
                entries.append(String(cString: text))
            }
            offset += 1
        }
        return entries
    }

    // MARK: readline callbacks (C calling convention; they reach state through statics)

    static let handleLine: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
        // Removing the handler here stops readline from printing the prompt again after the line.
        rl_callback_handler_remove()
        LineEditor.lineDone = true
        if let line {
            LineEditor.acceptedLine = String(cString: line)
            free(line)
        } else {
            LineEditor.acceptedLine = nil
        }
    }

    static let insertPrefill: @convention(c) () -> Int32 = {
        if !LineEditor.prefill.isEmpty {
            rl_insert_text(LineEditor.prefill)
            LineEditor.prefill = ""
        }
        return 0
    }

    static let attemptCompletion:
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
            text, _, end in
            // Never fall back to completing file names: Kiso words only.
            kiso_rl_set_attempted_completion_over(1)
            guard let text else { return nil }
            let prefix = String(cString: text)
            var line = ""
            if let buffer = kiso_rl_line_buffer() {
                let length = max(0, min(Int(end), Int(kiso_rl_end())))
                let bytes = UnsafeBufferPointer(start: buffer, count: length).map { UInt8(bitPattern: $0) }
                line = String(decoding: bytes, as: UTF8.self)
            }
            prepareCandidates(prefix: prefix, line: line)
            if let only = candidates.first, candidates.count == 1, let last = only.last, "([./".contains(last) {
                kiso_rl_set_completion_append_character(0)
            } else {
                kiso_rl_set_completion_append_character(32)
            }
            return rl_completion_matches(text, nextCandidate)
        }

    /// Asks the completer and keeps the sorted, distinct candidates that extend `prefix`.
    static func prepareCandidates(prefix: String, line: String) {
        let offered = completer?(prefix, line) ?? []
        candidates = Array(Set(offered.filter { $0.hasPrefix(prefix) })).sorted()
        candidateIndex = 0
    }

    /// readline's generator protocol: called with state 0 first, then repeatedly until it returns
    /// NULL; each string is `malloc`ed because readline frees it.
    static let nextCandidate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = {
        _, state in
        if state == 0 { LineEditor.candidateIndex = 0 }
        guard LineEditor.candidateIndex < LineEditor.candidates.count else { return nil }
        let word = LineEditor.candidates[LineEditor.candidateIndex]
        LineEditor.candidateIndex += 1
        return strdup(word)
    }
}
