import KisoLang
import KisoNotebook

/// The inputs of a REPL session that `:save` writes as a notebook `kiso run` can replay.
///
/// An input that ran without error is kept. One stopped by Ctrl-C is not, and since it may have
/// changed some of the names it assigns before it stopped (a loop adding to a total), the later
/// inputs that read any of those names are left out too — they ran on values a replay would
/// not have — until an input that reads none of them assigns the name afresh.
struct Transcript {
    /// The code of each kept input, in order.
    private(set) var entries: [String] = []
    /// Names an interrupted input may have half changed, and the names changed by inputs left
    /// out for using them.
    private(set) var unreliable: Set<String> = []
    /// How many inputs that ran were left out for using an unreliable name.
    private(set) var leftOut = 0

    /// Records an input that ran without error; false when it is left out.
    @discardableResult
    mutating func append(_ source: String) -> Bool {
        let use = Session.nameUse(in: source)
        if !use.read.isDisjoint(with: unreliable) {
            unreliable.formUnion(use.changed)
            leftOut += 1
            return false
        }
        unreliable.subtract(use.changed)
        entries.append(source)
        return true
    }

    /// Records an input that Ctrl-C stopped.
    mutating func interrupted(_ source: String) {
        unreliable.formUnion(Session.nameUse(in: source).changed)
    }

    /// The session as a notebook without outputs: front matter and a title, then one
    /// ```` ```kiso ```` cell per input. `:save` records the outputs by replaying it, as
    /// `kiso run --update` would.
    func notebookText(title: String) -> String {
        var text = "---\ntitle: \(title)\n---\n# \(title)\n"
        for source in entries {
            // A fence longer than any backtick run that starts a line keeps the code inside it.
            let longest =
                source.split(separator: "\n", omittingEmptySubsequences: false).map { (line: Substring) in
                    line.drop(while: { $0 == " " }).prefix(while: { $0 == "`" }).count
                }.max() ?? 0
            let fence = String(repeating: "`", count: max(3, longest + 1))
            text += "\n\(fence)kiso\n\(source)\n\(fence)\n"
        }
        return text
    }
}
