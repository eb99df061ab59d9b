import KisoLang
import KisoTerminal

/// The screen's keys, and how a line typed at `step>` is told apart from Kiso code.
///
/// A key is one letter (`n`, `b`, `r`, `e`, `q`, and `x` at the end of a chapter), or the same
/// with a colon (`:b`, `:back`). A bare letter that names a variable of the chapter (chapters
/// define `b`, `e` and `n`) is that variable, never a key: looking at `b` must not jump back a
/// section and discard the session. The colon forms are always keys.
extension StepScreen {
    /// The keys by their letter and by their long name.
    static let keyNames: [String: Action] = [
        "n": .next, "next": .next, "b": .back, "back": .back, "r": .rerun, "rerun": .rerun,
        "e": .edit, "edit": .edit, "q": .quit, "quit": .quit, "x": .exercises, "exercises": .exercises,
        "keys": .keys, "help": .keys, "?": .keys,
    ]

    /// The key line: shown once when the chapter opens, and again on `:keys`.
    var keyLine: String {
        "Enter runs the cell shown and moves on · b back · r rerun · e edit · q quit · "
            + ":b :r :e :q when a variable has that name · :keys shows this · any other line runs as Kiso"
    }

    /// Writes `text` dimmed, wrapped at word boundaries to the window, after `prefix` (and
    /// under it, indented to its width).
    func writeNote(_ text: String, prefix: String = "") {
        let indent = String(repeating: " ", count: prefix.count)
        for line in WordWrap.lines(
            text, width: Swift.max(20, Terminal.width - 1), firstPrefix: prefix, restPrefix: indent)
        {
            StandardStreams.writeLine(style.dim(line))
        }
    }

    /// How to type the key `letter` here: the letter, or `:letter` when a variable has its name.
    func keyLabel(_ letter: String) -> String {
        session.variables.contains(where: { $0.name == letter }) ? ":" + letter : letter + " "
    }

    /// The key `line` stands for, or nil when it is Kiso code. `allowed` lists the actions that
    /// mean something here; `shadowed` is called with a bare letter that a variable hides.
    func key(for line: String, shadowed: (String) -> Void) -> Action? {
        let word = line.trimmed()
        if word.isEmpty { return .next }
        if word.hasPrefix(":") {
            return Self.keyNames[String(word.dropFirst())] ?? .unknownKey(word)
        }
        guard word.count == 1, let action = Self.keyNames[word] else { return nil }
        if session.variables.contains(where: { $0.name == word }) {
            shadowed(word)
            return nil
        }
        return action
    }
}
