import KisoLang

/// Code typed at `step>` that uses a name the chapter defines in a cell not yet run: the screen
/// says where the name comes from, instead of leaving the learner with "is not defined".
extension StepScreen {
    /// The note for `result`'s error, when it is an undefined name that a cell at or after
    /// `frontier` assigns; nil otherwise.
    func aheadNote(for result: RunResult) -> String? {
        guard let error = result.error, error.kind == .name,
            let name = Self.quotedName(in: error.message)
        else { return nil }
        for index in frontier..<notebook.cells.count where Self.cell(notebook.cells[index].source, defines: name) {
            guard let section = notebook.sections.firstIndex(where: { $0.cellIndices.contains(index) }) else {
                continue
            }
            return "`\(name)` is defined by a cell not run yet (section \(section + 1) of \(notebook.sections.count)); "
                + "press Enter to run the cells up to it"
        }
        return nil
    }

    /// The first name in backquotes in `message` (`` `x` is not defined ``).
    static func quotedName(in message: String) -> String? {
        let parts = message.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    /// Whether `source` binds `name`: `name = …`, `a, name = …`, `for name in …`, `def name(…)`.
    static func cell(_ source: String, defines name: String) -> Bool {
        for rawLine in source.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: " \t")
            let words = line.split(whereSeparator: { $0 == " " || $0 == "(" })
            if words.count >= 2, words[0] == "def" || words[0] == "for", words[1] == name { return true }
            if words.count >= 2, words[0] == "for", line.contains(",") {
                let targets = line.dropFirst(4).split(separator: " in ").first ?? ""
                if targets.split(separator: ",").contains(where: { $0.trimmingCharacters(in: " ") == name }) {
                    return true
                }
            }
            guard let equals = assignmentSign(in: line) else { continue }
            let targets = line[..<equals].split(separator: ",").map { $0.trimmingCharacters(in: " \t") }
            if targets.contains(name) { return true }
        }
        return false
    }

    /// The position of the `=` of an assignment in `line` (not `==`, `<=`, `>=`, `!=`, nor one
    /// inside brackets or strings, as in a keyword argument).
    private static func assignmentSign(in line: String) -> String.Index? {
        var depth = 0
        var quote: Character? = nil
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            let next = line.index(after: index)
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || c == "}" {
                depth -= 1
            } else if c == "#" {
                return nil
            } else if c == "=", depth == 0, !"=<>!+-*/".contains(previous),
                next == line.endIndex || line[next] != "="
            {
                return index
            }
            previous = c
            index = next
        }
        return nil
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
