import KisoNotebook

/// The inputs of a REPL session that ran without error, with what each printed: `:save` writes
/// them as a notebook that `kiso run` can replay.
struct Transcript {
    /// One successful input.
    struct Entry {
        /// The code as typed.
        var source: String
        /// What it printed, echo included.
        var output: String
    }

    /// The entries in order.
    private(set) var entries: [Entry] = []

    /// Records a successful input.
    mutating func append(_ source: String, output: String) {
        entries.append(Entry(source: source, output: output))
    }

    /// The session as a notebook: front matter and a title, then one ```` ```kiso ```` cell per
    /// input followed by its ```` ```output ```` block (none when it printed nothing).
    func notebookText(title: String) -> String {
        var text = "---\ntitle: \(title)\n---\n# \(title)\n"
        for entry in entries {
            // A fence longer than any backtick run that starts a line keeps the code inside it.
            let longest =
                entry.source.split(separator: "\n", omittingEmptySubsequences: false).map { (line: Substring) in
                    line.drop(while: { $0 == " " }).prefix(while: { $0 == "`" }).count
                }.max() ?? 0
            let fence = String(repeating: "`", count: max(3, longest + 1))
            text += "\n\(fence)kiso\n\(entry.source)\n\(fence)\n"
        }
        guard let notebook = try? Notebook(text: text) else { return text }
        var outputs: [Int: String] = [:]
        for (index, entry) in entries.enumerated() where index < notebook.cells.count {
            outputs[index] = entry.output
        }
        return notebook.recordingOutputs(outputs)
    }
}
