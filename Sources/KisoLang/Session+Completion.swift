extension Session {
    /// Whether `source` is a complete input, or still has an open block, bracket or string
    /// (the REPL then asks for another line).
    public func isComplete(_ source: String) -> Bool {
        var lexer = Lexer(source)
        let tokens = lexer.tokenize()
        if lexer.endedInString || lexer.openBrackets > 0 { return false }
        var depth = 0
        // Inside brackets `for` and `if` open no block: they belong to a comprehension
        // (`[f(w) for w in ws if w != ""]`).
        var brackets = 0
        for (k, token) in tokens.enumerated() {
            switch token.kind {
            case .symbol("("), .symbol("["), .symbol("{"): brackets += 1
            case .symbol(")"), .symbol("]"), .symbol("}"): brackets = Swift.max(0, brackets - 1)
            case .keyword(.if) where k > 0 && Parser.elseFollows(tokens, from: k + 1) && tokens[k - 1].endsExpression:
                // `y = a if c else b`: a conditional expression, not a block.
                break
            case .keyword(.def), .keyword(.if), .keyword(.for), .keyword(.while):
                if brackets == 0 { depth += 1 }
            case .keyword(.end): depth -= 1
            default: break
            }
        }
        if depth > 0 { return false }
        if let last = source.unicodeScalars.last(where: { $0 != "\n" && $0 != " " }), last == "\\" { return false }
        return true
    }

    /// Names that complete `prefix`: keywords, builtins, constants and variables; after a
    /// dot (`x.su`), the attributes and methods of the variable before it (`x.sum`).
    public func completions(prefix: String) -> [String] {
        if let dot = prefix.lastIndex(of: ".") {
            let base = String(prefix[..<dot])
            let partial = String(prefix[prefix.index(after: dot)...])
            var names: [String] = []
            if let id = interpreter.symbolIDs[base],
                let value = interpreter.globals[id] ?? interpreter.builtinsBySymbol[id]
            {
                switch value {
                case .object(let object): names = object.objectType.memberNames
                case .tensor, .variable: names = ObjectType.tensor.memberNames + interpreter.tensorMethodNames
                default: names = []
                }
            }
            return Set(names.filter { $0.hasPrefix(partial) }).sorted().map { base + "." + $0 }
        }
        var names = Set(Keyword.allCases.map(\.rawValue))
        for (id, name) in interpreter.symbolNames.enumerated()
        where interpreter.globals[id] != nil || interpreter.builtinsBySymbol[id] != nil {
            names.insert(name)
        }
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }
}

extension Token {
    /// Whether an expression can end with this token (a name, a literal, a closing bracket), so
    /// that an `if` after it belongs to a conditional expression rather than opening a block.
    fileprivate var endsExpression: Bool {
        switch kind {
        case .identifier, .number, .integer, .string, .fstring, .keyword(.true), .keyword(.false), .keyword(.none),
            .symbol(")"), .symbol("]"), .symbol("}"):
            return true
        default: return false
        }
    }
}
