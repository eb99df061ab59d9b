import KisoLang

/// Tab completion in the REPL and at the step prompt: command names after `:`, names after `?`,
/// attributes and methods after a dot, and otherwise names, keywords and builtins.
enum Completion {
    /// Full words for readline to put in place of `prefix` (the word before the cursor; `line` is
    /// the line up to the cursor).
    static func candidates(prefix: String, line: String, session: Session) -> [String] {
        let start = line.trimmed()
        if start.hasPrefix(":") && !start.contains(" ") {
            return MetaCommand.catalog.map(\.name).filter { $0.hasPrefix(prefix) }
        }
        if prefix.hasPrefix("?") {
            return session.completions(prefix: String(prefix.dropFirst())).map { "?" + $0 }
        }
        // readline breaks words at a dot, so rebuild `x.su` from the line to ask for attributes.
        let dotted = String(
            line.reversed().prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }).reversed())
        if let dot = dotted.lastIndex(of: "."), dotted.first != "." {
            let base = dotted[..<dot]
            return session.completions(prefix: dotted).compactMap { full in
                full.hasPrefix(base + ".") ? String(full.dropFirst(base.count + 1)) : nil
            }
        }
        return session.completions(prefix: prefix)
    }
}
