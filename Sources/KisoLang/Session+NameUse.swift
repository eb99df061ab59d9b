extension Session {
    /// The names `source` may change when it runs — everything it assigns at any depth of its
    /// blocks, also through an index or an attribute (`w[0] = 1` changes `w`), its loop variables
    /// and the functions it defines — and the names it reads: every name it mentions except a
    /// plain name being assigned (`total = 0` reads nothing; `total += 1` and `w[0] = 1` read
    /// `total` and `w`). When `source` does not parse, every name it mentions counts as both.
    ///
    /// `:save` uses it to leave out what a stopped entry may have half changed: an entry
    /// interrupted partway may have changed any name it assigns, so later entries that read one
    /// of them would not replay as they ran.
    public static func nameUse(in source: String) -> (changed: Set<String>, read: Set<String>) {
        var parser = Parser(source: source)
        let statements = parser.parseProgram()
        var changed: Set<String> = []
        // Where plain names are assigned: those mentions are not reads.
        var assignedAt: Set<Int> = []
        func root(_ target: Expr, plain: Bool) {
            switch target.kind {
            case .name(let ref):
                changed.insert(ref.name)
                if plain { assignedAt.insert(target.span.start) }
            case .index(let base, _), .attribute(let base, _, _): root(base, plain: false)
            case .tuple(let items), .list(let items): items.forEach { root($0, plain: plain) }
            default: break
            }
        }
        func walk(_ statements: [Stmt]) {
            for statement in statements {
                switch statement.kind {
                case .assign(let target, _): root(target, plain: true)
                case .compoundAssign(let target, _, _): root(target, plain: false)
                case .unpack(let targets, _): targets.forEach { root($0, plain: true) }
                // A function's body assigns its own locals; defining it changes its name.
                case .function(let ref, _): changed.insert(ref.name)
                case .ifChain(let branches, let otherwise):
                    for branch in branches { walk(branch.body) }
                    if let otherwise { walk(otherwise) }
                case .forLoop(let variables, _, let body):
                    variables.forEach { root($0, plain: true) }
                    walk(body)
                case .whileLoop(_, let body): walk(body)
                case .expression, .breakLoop, .continueLoop, .returnValue: break
                }
            }
        }
        let parsed = parser.errors.isEmpty
        if parsed { walk(statements) }
        var lexer = Lexer(source)
        var read: Set<String> = []
        for token in lexer.tokenize() {
            guard case .identifier(let name) = token.kind, !assignedAt.contains(token.span.start) else { continue }
            read.insert(name)
        }
        return parsed ? (changed, read) : (read, read)
    }
}
