/// Recursive-descent parser in the style of Crafting Interpreters: one method per grammar rule,
/// lowest precedence first. A statement that fails to parse is reported and skipped up to the next
/// statement boundary, so one run reports several mistakes.
struct Parser {
    /// How deeply brackets, blocks and prefix operators may nest.
    static let maxNesting = 200
    /// How tall an expression tree may grow (a long chain `1 + 1 + … + 1` grows it too).
    static let maxExpressionDepth = 2000

    private var tokens: [Token]
    private var current = 0
    private var nesting = 0
    /// Every error met, in source order.
    private(set) var errors: [KisoError] = []

    /// Thrown past every rule when nesting is too deep: the rest of the input is not parsed.
    private struct Abandon: Error {}

    /// A parser over `source`, whose first line is numbered `line`; spans count from `offset`.
    init(source: String, line: Int = 1, offset: Int = 0) {
        var lexer = Lexer(source, line: line, offset: offset)
        tokens = lexer.tokenize()
        errors = lexer.errors
    }

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// The statements of a whole program.
    mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        do {
            try parseStatements(into: &statements, until: [])
        } catch {
            // Abandoned: the error is already recorded.
        }
        errors.sort { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
        return statements
    }

    /// One expression filling the whole input (for `:shapes` and f-string fields).
    mutating func parseSingleExpression() -> Expr? {
        skipNewlines()
        do {
            let expr = try parseExpression()
            skipNewlines()
            if !check(.end) {
                try failHere("unexpected \(peek.kind.display) after the expression", hint: nil)
            }
            return expr
        } catch let error as KisoError {
            errors.append(error)
        } catch {}
        return nil
    }

    // MARK: - Token access

    private var peek: Token { tokens[Swift.min(current, tokens.count - 1)] }
    private var previous: Token { tokens[Swift.max(0, Swift.min(current - 1, tokens.count - 1))] }

    private func peekKind(_ ahead: Int) -> TokenKind {
        tokens[Swift.min(current + ahead, tokens.count - 1)].kind
    }

    private func check(_ kind: TokenKind) -> Bool { peek.kind == kind }
    private func checkSymbol(_ s: String) -> Bool { peek.kind == .symbol(s) }
    private func checkKeyword(_ k: Keyword) -> Bool { peek.kind == .keyword(k) }

    @discardableResult
    private mutating func advance() -> Token {
        let token = peek
        if current < tokens.count - 1 { current += 1 }
        return token
    }

    private mutating func match(_ symbol: String) -> Bool {
        if checkSymbol(symbol) {
            advance()
            return true
        }
        return false
    }

    private mutating func matchKeyword(_ keyword: Keyword) -> Bool {
        if checkKeyword(keyword) {
            advance()
            return true
        }
        return false
    }

    private mutating func skipNewlines() {
        while check(.newline) || checkSymbol(";") { advance() }
    }

    private func failHere(_ message: String, hint: String?) throws -> Never {
        throw KisoError(.syntax, message, span: peek.span, hint: hint)
    }

    private mutating func expect(_ symbol: String, _ context: String, hint: String? = nil) throws -> Token {
        if checkSymbol(symbol) { return advance() }
        try failHere("expected `\(symbol)` \(context), found \(peek.kind.display)", hint: hint)
    }

    private mutating func enter() throws {
        nesting += 1
        if nesting > Parser.maxNesting {
            errors.append(
                KisoError(
                    .recursion, "the input nests brackets, blocks or operators more than \(Parser.maxNesting) deep",
                    span: peek.span, hint: "split the expression into smaller steps with variables"))
            throw Abandon()
        }
    }

    private mutating func leave() { nesting -= 1 }

    private mutating func node(_ kind: ExprKind, _ span: SourceSpan, _ children: Expr...) throws -> Expr {
        let depth = 1 + (children.map(\.depth).max() ?? 0)
        if depth > Parser.maxExpressionDepth {
            errors.append(
                KisoError(
                    .recursion, "the expression is too long or deep (more than \(Parser.maxExpressionDepth) levels)",
                    span: span, hint: "split it into smaller steps with variables"))
            throw Abandon()
        }
        return Expr(kind, span, depth: depth)
    }

    // MARK: - Statements

    /// Statements up to one of `terminators` (not consumed) or the end of input.
    private mutating func parseStatements(into statements: inout [Stmt], until terminators: [Keyword]) throws {
        while true {
            skipNewlines()
            if check(.end) { return }
            if case .keyword(let k) = peek.kind, terminators.contains(k) { return }
            do {
                var group = try parseStatementGroup()
                if checkSymbol(";") {
                    for i in group.indices { group[i].silent = true }
                } else if !(check(.newline) || check(.end)) {
                    if case .keyword(let k) = peek.kind, terminators.contains(k) {
                        // `if c x end`: a block may close on the same line.
                    } else {
                        if case .identifier(let word) = previous.kind,
                            let python = PythonSyntax.error(for: word, span: previous.span)
                        {
                            throw python
                        }
                        if peek.kind == .identifier("is") {
                            throw KisoError(
                                .syntax, "Kiso has no `is`: compare values with `==`", span: peek.span,
                                hint: "`x is None` is `x == none`; `x is not None` is `x != none`")
                        }
                        try failHere(
                            "unexpected \(peek.kind.display) after a complete statement",
                            hint: "put one statement per line, or separate them with `;`")
                    }
                }
                statements += group
            } catch let error as KisoError {
                errors.append(error)
                synchronize(terminators: terminators)
            }
        }
    }

    /// Skips to the next statement boundary after an error.
    private mutating func synchronize(terminators: [Keyword]) {
        while !check(.end) && !check(.newline) && !checkSymbol(";") { advance() }
    }

    /// One statement, or the several an import of more than one name stands for.
    private mutating func parseStatementGroup() throws -> [Stmt] {
        if peek.kind == .identifier("import") || peek.kind == .identifier("from"), isIdentifier(peekKind(1)) {
            return try parseImport()
        }
        return [try parseStatement()]
    }

    private mutating func parseStatement() throws -> Stmt {
        let start = peek.span
        switch peek.kind {
        case .keyword(.def): return try parseDef()
        case .keyword(.if): return try parseIf()
        case .keyword(.for): return try parseFor()
        case .keyword(.while): return try parseWhile()
        case .keyword(.break):
            advance()
            return Stmt(kind: .breakLoop, span: start)
        case .keyword(.continue):
            advance()
            return Stmt(kind: .continueLoop, span: start)
        case .keyword(.return):
            advance()
            if check(.newline) || check(.end) || checkSymbol(";") || checkKeyword(.end) {
                return Stmt(kind: .returnValue(nil), span: start)
            }
            let value = try parseExpressionList()
            return Stmt(kind: .returnValue(value), span: start.merged(with: value.span))
        case .keyword(.end), .keyword(.elif), .keyword(.else):
            let word = advance()
            throw KisoError(
                .syntax, "\(word.kind.display) without an open block", span: word.span,
                hint: "blocks start with def, if, for or while")
        default:
            return try parseSimpleStatement()
        }
    }

    private func isIdentifier(_ kind: TokenKind) -> Bool {
        if case .identifier = kind { return true }
        return false
    }

    /// `import numpy as np`, `import torch.nn.functional as F`, `from jax import grad, numpy as
    /// jnp`: course code pasted as it is. Each becomes an assignment from `import_module`, so
    /// `import numpy as np` runs as `np = import_module("numpy")` and the namespace's members are
    /// Kiso's builtins under their library names.
    private mutating func parseImport() throws -> [Stmt] {
        let keyword = advance()
        let isFrom = keyword.kind == .identifier("from")
        let (module, moduleSpan) = try parseDottedName(after: keyword)
        let load = Expr(
            .call(
                Expr(.name(NameRef("import_module")), keyword.span),
                [Argument(label: nil, value: Expr(.string(module), moduleSpan), span: moduleSpan)]),
            keyword.span.merged(with: moduleSpan))
        var statements: [Stmt] = []
        if isFrom {
            guard peek.kind == .identifier("import") else {
                try failHere("expected `import` after `from \(module)`", hint: "from \(module) import name")
            }
            advance()
            repeat {
                guard case .identifier(let name) = peek.kind else {
                    try failHere(
                        "expected a name to import, found \(peek.kind.display)", hint: "from \(module) import name")
                }
                let nameToken = advance()
                let alias = try parseAlias() ?? (name, nameToken.span)
                let member = Expr(.attribute(load, name, nameToken.span), load.span.merged(with: nameToken.span))
                let target = Expr(.name(NameRef(alias.0)), alias.1)
                statements.append(Stmt(kind: .assign(target, member), span: keyword.span.merged(with: alias.1)))
            } while match(",")
        } else {
            let firstPart = String(module.prefix { $0 != "." })
            let alias = try parseAlias()
            // `import numpy` binds `numpy`; `import numpy.linalg` binds `numpy`, as Python does.
            let bound = alias?.0 ?? firstPart
            let value =
                alias == nil && firstPart != module
                ? Expr(
                    .call(
                        Expr(.name(NameRef("import_module")), keyword.span),
                        [Argument(label: nil, value: Expr(.string(firstPart), moduleSpan), span: moduleSpan)]),
                    keyword.span.merged(with: moduleSpan))
                : load
            let target = Expr(.name(NameRef(bound)), alias?.1 ?? moduleSpan)
            statements.append(Stmt(kind: .assign(target, value), span: keyword.span.merged(with: target.span)))
        }
        return statements
    }

    /// `a.b.c` after `import` or `from`.
    private mutating func parseDottedName(after keyword: Token) throws -> (String, SourceSpan) {
        guard case .identifier(let first) = peek.kind else {
            try failHere("expected a module name after `\(keyword.kind.display)`", hint: "import numpy as np")
        }
        var span = advance().span
        var name = first
        while checkSymbol("."), case .identifier(let part) = peekKind(1) {
            advance()
            span = span.merged(with: advance().span)
            name += "." + part
        }
        return (name, span)
    }

    /// `as name`, if present.
    private mutating func parseAlias() throws -> (String, SourceSpan)? {
        guard peek.kind == .identifier("as") else { return nil }
        advance()
        guard case .identifier(let alias) = peek.kind else {
            try failHere("expected a name after `as`, found \(peek.kind.display)", hint: "import numpy as np")
        }
        return (alias, advance().span)
    }

    private mutating func parseSimpleStatement() throws -> Stmt {
        let first = try parseExpression()
        if checkSymbol(",") {
            var items = [first]
            while match(",") {
                if check(.newline) || check(.end) || checkSymbol("=") { break }
                items.append(try parseExpression())
            }
            let span = items[0].span.merged(with: items[items.count - 1].span)
            if checkSymbol("=") {
                let equals = advance()
                for item in items { try validateTarget(item) }
                let value = try parseExpressionList()
                return Stmt(kind: .unpack(items, value), span: equals.span.merged(with: span))
            }
            return Stmt(kind: .expression(try node(.tuple(items), span)), span: span)
        }
        if checkSymbol("=") {
            let equals = advance()
            if case .call(let callee, let arguments) = first.kind, case .name(let ref) = callee.kind {
                return try parseOneLineDefinition(ref, arguments, first.span)
            }
            try validateTarget(first)
            let value = try parseExpressionList()
            return Stmt(kind: .assign(first, value), span: first.span.merged(with: equals.span))
        }
        for op in ["+=", "-=", "*=", "/="] where checkSymbol(op) {
            advance()
            try validateTarget(first)
            let value = try parseExpression()
            let binary = BinaryOperator(rawValue: String(op.dropLast())) ?? .add
            return Stmt(kind: .compoundAssign(first, binary, value), span: first.span.merged(with: value.span))
        }
        return Stmt(kind: .expression(first), span: first.span)
    }

    /// `f(x, y=1) = expr`.
    private mutating func parseOneLineDefinition(
        _ ref: NameRef, _ arguments: [Argument], _ span: SourceSpan
    ) throws
        -> Stmt
    {
        var parameters: [Parameter] = []
        for argument in arguments {
            if let label = argument.label {
                parameters.append(Parameter(name: label, defaultValue: argument.value, span: argument.span))
            } else if case .name(let p) = argument.value.kind {
                parameters.append(Parameter(name: p.name, defaultValue: nil, span: argument.span))
            } else if case .spread(let inner, let keywords) = argument.value.kind, case .name(let p) = inner.kind {
                parameters.append(
                    Parameter(
                        name: p.name, defaultValue: nil, span: argument.span,
                        collects: keywords ? .keywords : .positional))
            } else {
                throw KisoError(
                    .syntax, "a definition's parameters must be names", span: argument.span,
                    hint: "write `f(x, y=1) = …`; to compare values use `==`")
            }
        }
        try checkParameters(parameters)
        let body = try parseExpressionList()
        let decl = FunctionDecl(
            name: ref.name, parameters: parameters, body: [Stmt(kind: .expression(body), span: body.span)],
            span: span)
        decl.endOffset = body.span.end
        return Stmt(kind: .function(ref, decl), span: span)
    }

    private func checkParameters(_ parameters: [Parameter]) throws {
        var seen = Set<String>()
        var sawDefault = false
        for (k, p) in parameters.enumerated() {
            // Kiso takes `*args` then `**kwargs`, last: no keyword-only parameters.
            let rest = parameters[(k + 1)...]
            if p.collects == .positional, rest.contains(where: { $0.collects != .keywords }) {
                throw KisoError(
                    .syntax, "only `**kwargs` may follow `*\(p.name)`", span: p.span,
                    hint: "put `*\(p.name)` after the other parameters: def f(x, y=1, *\(p.name), **kwargs)")
            }
            if p.collects == .keywords, !rest.isEmpty {
                throw KisoError(
                    .syntax, "`**\(p.name)` must be the last parameter", span: p.span,
                    hint: "def f(x, *args, **\(p.name))")
            }
            guard seen.insert(p.name).inserted else {
                throw KisoError(
                    .syntax, "parameter `\(p.name)` is named twice", span: p.span, hint: "rename one of them")
            }
            if p.defaultValue != nil {
                sawDefault = true
            } else if sawDefault {
                throw KisoError(
                    .syntax, "parameter `\(p.name)` without a default follows one with a default", span: p.span,
                    hint: "put parameters with defaults last")
            }
        }
    }

    private func validateTarget(_ expr: Expr) throws {
        switch expr.kind {
        case .name: return
        case .index(let base, _):
            switch base.kind {
            case .name, .index: try validateTarget(base)
            default:
                throw KisoError(
                    .syntax, "cannot assign through this expression", span: expr.span,
                    hint: "assign to a variable, or to an index of one: `x[0] = 1`")
            }
        default:
            throw KisoError(
                .syntax, "cannot assign to this expression", span: expr.span,
                hint:
                    "the left of `=` must be a name, an index like `x[0, :]`, or names separated by commas; to compare use `==`"
            )
        }
    }

    private mutating func parseBlock(until terminators: [Keyword], opener: Token) throws -> [Stmt] {
        try enter()
        defer { leave() }
        // Python's `:` after a block's header is accepted; the block still ends with `end`.
        let pythonStyle = match(":")
        var body: [Stmt] = []
        try parseStatements(into: &body, until: terminators)
        if check(.end) {
            throw KisoError(
                .syntax, "\(opener.kind.display) block is never closed with `end`", span: opener.span,
                hint: Parser.unclosedHint(pythonStyle: pythonStyle))
        }
        return body
    }

    /// What to do about a block without `end`; a learner who wrote Python's `:` is told that
    /// indentation does not close a block in Kiso.
    static func unclosedHint(pythonStyle: Bool) -> String {
        pythonStyle
            ? "in Kiso a block ends with `end`, not with a change of indentation: add `end` after the block's last line"
            : "add `end` after the block's last line"
    }

    private mutating func parseDef() throws -> Stmt {
        let keyword = advance()
        guard case .identifier(let name) = peek.kind else {
            try failHere("expected a function name after `def`, found \(peek.kind.display)", hint: "def name(x, y=1)")
        }
        let nameToken = advance()
        _ = try expect("(", "after the function name", hint: "def \(name)(x, y=1)")
        let parameters = try parseParameters()
        let body = try parseBlock(until: [.end], opener: keyword)
        let endKeyword = advance()
        let decl = FunctionDecl(
            name: name, parameters: parameters, body: body, span: keyword.span.merged(with: nameToken.span))
        decl.endOffset = endKeyword.span.end
        return Stmt(kind: .function(NameRef(name), decl), span: keyword.span.merged(with: nameToken.span))
    }

    /// Parameters after `(` up to and including `)`.
    private mutating func parseParameters() throws -> [Parameter] {
        var parameters: [Parameter] = []
        while !checkSymbol(")") {
            // `*args` and `**kwargs` collect the extra arguments.
            var collects: Parameter.Collected? = nil
            if match("*") {
                collects = .positional
            } else if match("**") {
                collects = .keywords
            }
            guard case .identifier(let name) = peek.kind else {
                try failHere(
                    "expected a parameter name, found \(peek.kind.display)",
                    hint: "parameters are names, optionally `name=default`, then `*args` and `**kwargs`")
            }
            let token = advance()
            var defaultValue: Expr? = nil
            if collects == nil, match("=") { defaultValue = try parseExpression() }
            parameters.append(Parameter(name: name, defaultValue: defaultValue, span: token.span, collects: collects))
            if !match(",") { break }
        }
        _ = try expect(")", "to close the parameter list")
        try checkParameters(parameters)
        return parameters
    }

    private mutating func parseIf() throws -> Stmt {
        let keyword = advance()
        var branches: [(condition: Expr, body: [Stmt])] = []
        var otherwise: [Stmt]? = nil
        let condition = try parseCondition()
        let pythonStyle = checkSymbol(":")
        branches.append((condition, try parseBlock(until: [.elif, .else, .end], opener: keyword)))
        while true {
            if matchKeyword(.elif) {
                let c = try parseCondition()
                branches.append((c, try parseBlock(until: [.elif, .else, .end], opener: keyword)))
            } else if matchKeyword(.else) {
                otherwise = try parseBlock(until: [.end], opener: keyword)
            } else {
                break
            }
        }
        if !matchKeyword(.end) {
            throw KisoError(
                .syntax, "`if` block is never closed with `end`", span: keyword.span,
                hint: Parser.unclosedHint(pythonStyle: pythonStyle))
        }
        return Stmt(kind: .ifChain(branches, otherwise: otherwise), span: keyword.span.merged(with: condition.span))
    }

    /// A condition; `if x = 1` is reported (as a likely `==`) and parsing goes on.
    private mutating func parseCondition() throws -> Expr {
        let condition = try parseExpression()
        if checkSymbol("=") {
            let equals = advance()
            let right = try parseExpression()
            errors.append(
                KisoError(
                    .syntax, "`=` assigns; a condition compares", span: equals.span,
                    hint: "use `==` to test equality"))
            return try node(
                .binary(.equal, condition, right), condition.span.merged(with: right.span), condition, right)
        }
        return condition
    }

    private mutating func parseFor() throws -> Stmt {
        let keyword = advance()
        let targets = try parseLoopTargets()
        let sequence = try parseExpression()
        let body = try parseBlock(until: [.end], opener: keyword)
        advance()
        return Stmt(kind: .forLoop(targets, sequence, body), span: keyword.span.merged(with: sequence.span))
    }

    /// The names after `for`, up to and including `in`: `i`, `i, x`, `i, (x, y)`.
    private mutating func parseLoopTargets() throws -> [Expr] {
        var targets: [Expr] = []
        repeat {
            targets.append(try parseLoopTarget())
        } while match(",")
        guard matchKeyword(.in) else {
            try failHere(
                "expected `in` after the loop variable, found \(peek.kind.display)", hint: "for i in range(10)")
        }
        // `for (i, x) in …` is `for i, x in …`.
        if targets.count == 1, case .tuple(let inner) = targets[0].kind { return inner }
        return targets
    }

    /// One loop variable, or a parenthesised group of them to unpack.
    private mutating func parseLoopTarget() throws -> Expr {
        if checkSymbol("(") {
            let open = advance()
            try enter()
            defer { leave() }
            var items: [Expr] = []
            repeat {
                if checkSymbol(")") { break }
                items.append(try parseLoopTarget())
            } while match(",")
            let close = try expect(")", "to close the loop variables", hint: "for i, (x, y) in enumerate(pairs)")
            return try node(.tuple(items), open.span.merged(with: close.span), items)
        }
        guard case .identifier(let name) = peek.kind else {
            try failHere("expected a loop variable after `for`, found \(peek.kind.display)", hint: "for i in range(10)")
        }
        let token = advance()
        return Expr(.name(NameRef(name)), token.span)
    }

    /// The clauses after a comprehension's element, from its first `for` up to the closing
    /// bracket (not consumed).
    private mutating func parseComprehensionClauses() throws -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while true {
            if matchKeyword(.for) {
                let targets = try parseLoopTargets()
                // `or`-level, so a following `if` starts a filter.
                clauses.append(.loop(targets: targets, sequence: try parseOr()))
            } else if matchKeyword(.if) {
                clauses.append(.filter(try parseOr()))
            } else {
                return clauses
            }
        }
    }

    /// Everything inside a comprehension's clauses, for depth accounting.
    private func clauseChildren(_ clauses: [ComprehensionClause]) -> [Expr] {
        clauses.flatMap { clause -> [Expr] in
            switch clause {
            case .loop(let targets, let sequence): return targets + [sequence]
            case .filter(let condition): return [condition]
            }
        }
    }

    /// `element for … in … if …` once `element` is parsed and `for` is next.
    private mutating func parseComprehension(_ kind: Comprehension.Kind, element: Expr) throws -> Comprehension {
        Comprehension(kind: kind, element: element, clauses: try parseComprehensionClauses())
    }

    private mutating func parseWhile() throws -> Stmt {
        let keyword = advance()
        let condition = try parseCondition()
        let body = try parseBlock(until: [.end], opener: keyword)
        advance()
        return Stmt(kind: .whileLoop(condition, body), span: keyword.span.merged(with: condition.span))
    }

    // MARK: - Expressions

    /// `a, b, c` as a tuple, or one expression.
    private mutating func parseExpressionList() throws -> Expr {
        let first = try parseExpression()
        guard checkSymbol(",") else { return first }
        var items = [first]
        while match(",") {
            if check(.newline) || check(.end) || checkSymbol(";") { break }
            items.append(try parseExpression())
        }
        return try node(
            .tuple(items), first.span.merged(with: previous.span), items.max { $0.depth < $1.depth } ?? first)
    }

    mutating func parseExpression() throws -> Expr {
        try enter()
        defer { leave() }
        return try parseLambda()
    }

    private mutating func parseLambda() throws -> Expr {
        if case .identifier(let name) = peek.kind, peekKind(1) == .symbol("->") {
            let token = advance()
            advance()
            return try lambdaBody([Parameter(name: name, defaultValue: nil, span: token.span)], start: token.span)
        }
        if checkSymbol("("), closingParenFollowedByArrow() {
            let open = advance()
            let parameters = try parseParameters()
            _ = try expect("->", "after a lambda's parameters")
            return try lambdaBody(parameters, start: open.span)
        }
        return try parseConditional()
    }

    /// `a if condition else b`, Python's conditional expression. An `if` after an expression is
    /// one only when an `else` follows on the line; otherwise it is left to start a block.
    private mutating func parseConditional() throws -> Expr {
        let value = try parseOr()
        guard checkKeyword(.if), elseFollowsOnLine() else { return value }
        advance()
        let condition = try parseOr()
        guard matchKeyword(.else) else {
            try failHere("expected `else` in `a if condition else b`", hint: "x if x > 0 else 0")
        }
        try enter()
        defer { leave() }
        let otherwise = try parseConditional()
        return try node(
            .conditional(value, condition: condition, otherwise: otherwise), value.span.merged(with: otherwise.span),
            [value, condition, otherwise])
    }

    /// Whether an `else` comes later on this line outside brackets, with no `end` before it.
    private func elseFollowsOnLine() -> Bool {
        Parser.elseFollows(tokens, from: current + 1)
    }

    /// Whether `tokens` has an `else` from `start` on, on the same line and outside brackets,
    /// before any `end`, `elif` or `;` (shared with `Session.isComplete`).
    static func elseFollows(_ tokens: [Token], from start: Int) -> Bool {
        var depth = 0
        var i = start
        while i < tokens.count {
            switch tokens[i].kind {
            case .symbol("("), .symbol("["), .symbol("{"): depth += 1
            case .symbol(")"), .symbol("]"), .symbol("}"):
                depth -= 1
                if depth < 0 { return false }
            case .newline, .end, .symbol(";"), .keyword(.end), .keyword(.elif): if depth == 0 { return false }
            case .keyword(.else): if depth == 0 { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    private func closingParenFollowedByArrow() -> Bool {
        var depth = 0
        var i = current
        while i < tokens.count {
            switch tokens[i].kind {
            case .symbol("("), .symbol("["), .symbol("{"): depth += 1
            case .symbol(")"), .symbol("]"), .symbol("}"):
                depth -= 1
                if depth == 0 { return i + 1 < tokens.count && tokens[i + 1].kind == .symbol("->") }
            case .newline, .end: return false
            default: break
            }
            i += 1
        }
        return false
    }

    private mutating func lambdaBody(_ parameters: [Parameter], start: SourceSpan) throws -> Expr {
        let body = try parseExpression()
        let span = start.merged(with: body.span)
        let decl = FunctionDecl(
            name: "<lambda>", parameters: parameters, body: [Stmt(kind: .expression(body), span: body.span)],
            span: span)
        return try node(.lambda(decl), span, body)
    }

    private mutating func parseOr() throws -> Expr {
        var left = try parseAnd()
        while matchKeyword(.or) {
            let right = try parseAnd()
            left = try node(.or(left, right), left.span.merged(with: right.span), left, right)
        }
        return left
    }

    private mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        while matchKeyword(.and) {
            let right = try parseNot()
            left = try node(.and(left, right), left.span.merged(with: right.span), left, right)
        }
        return left
    }

    private mutating func parseNot() throws -> Expr {
        if checkKeyword(.not) {
            let token = advance()
            try enter()
            defer { leave() }
            let operand = try parseNot()
            return try node(.unary(.not, operand), token.span.merged(with: operand.span), operand)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws -> Expr {
        var left = try parseAdditive()
        var middle: Expr? = nil
        while true {
            let op: BinaryOperator
            if case .symbol(let s) = peek.kind, ["==", "!=", "<", "<=", ">", ">="].contains(s),
                let symbolOp = BinaryOperator(rawValue: s)
            {
                op = symbolOp
            } else if checkKeyword(.in) {
                op = .contains
            } else if checkKeyword(.not), peekKind(1) == .keyword(.in) {
                advance()
                op = .notContains
            } else {
                break
            }
            advance()
            let right = try parseAdditive()
            let comparison = try node(
                .binary(op, middle ?? left, right), (middle ?? left).span.merged(with: right.span), middle ?? left,
                right)
            // Python chains comparisons: `0 < x < 1` is `0 < x and x < 1`.
            left =
                middle == nil
                ? comparison : try node(.and(left, comparison), left.span.merged(with: right.span), left, comparison)
            middle = right
        }
        return left
    }

    private mutating func parseAdditive() throws -> Expr {
        var left = try parseMultiplicative()
        while case .symbol(let s) = peek.kind, s == "+" || s == "-", let op = BinaryOperator(rawValue: s) {
            advance()
            let right = try parseMultiplicative()
            left = try node(.binary(op, left, right), left.span.merged(with: right.span), left, right)
        }
        return left
    }

    private mutating func parseMultiplicative() throws -> Expr {
        var left = try parseUnary()
        while case .symbol(let s) = peek.kind, ["*", "/", "//", "%", "@"].contains(s),
            let op = BinaryOperator(rawValue: s)
        {
            advance()
            let right = try parseUnary()
            left = try node(.binary(op, left, right), left.span.merged(with: right.span), left, right)
        }
        return left
    }

    private mutating func parseUnary() throws -> Expr {
        if case .symbol(let s) = peek.kind, s == "-" || s == "+" {
            let token = advance()
            try enter()
            defer { leave() }
            let operand = try parseUnary()
            if s == "-", case .number(let v) = operand.kind {
                return Expr(.number(-v), token.span.merged(with: operand.span))
            }
            if s == "-", case .integer(let v) = operand.kind, v != Int.min {
                return Expr(.integer(-v), token.span.merged(with: operand.span))
            }
            return try node(.unary(s == "-" ? .negate : .plus, operand), token.span.merged(with: operand.span), operand)
        }
        return try parsePower()
    }

    private mutating func parsePower() throws -> Expr {
        let base = try parsePostfix()
        guard checkSymbol("**") else { return base }
        advance()
        try enter()
        defer { leave() }
        // Right-associative, and binds tighter than a unary minus on its left: -x**2 is -(x**2).
        let exponent = try parseUnary()
        return try node(.binary(.power, base, exponent), base.span.merged(with: exponent.span), base, exponent)
    }

    private mutating func parsePostfix() throws -> Expr {
        var expr = try parsePrimary()
        while true {
            if checkSymbol("(") {
                advance()
                let arguments = try parseArguments()
                let close = try expect(")", "to close the call", hint: "arguments are separated by commas")
                expr = try node(
                    .call(expr, arguments), expr.span.merged(with: close.span), [expr] + arguments.map(\.value))
            } else if checkSymbol("[") {
                advance()
                let items = try parseIndexItems()
                let close = try expect("]", "to close the index")
                var children = [expr]
                for item in items {
                    switch item {
                    case .expression(let e): children.append(e)
                    case .slice(let a, let b, let c, _): children += [a, b, c].compactMap { $0 }
                    }
                }
                expr = try node(.index(expr, items), expr.span.merged(with: close.span), children)
            } else if checkSymbol(".") {
                advance()
                guard case .identifier(let name) = peek.kind else {
                    try failHere(
                        "expected an attribute name after `.`, found \(peek.kind.display)",
                        hint: "for example x.shape or x.sum(axis=0)")
                }
                let token = advance()
                expr = try node(.attribute(expr, name, token.span), expr.span.merged(with: token.span), expr)
            } else {
                return expr
            }
        }
    }

    private mutating func node(_ kind: ExprKind, _ span: SourceSpan, _ children: [Expr]) throws -> Expr {
        let depth = 1 + (children.map(\.depth).max() ?? 0)
        if depth > Parser.maxExpressionDepth {
            errors.append(
                KisoError(
                    .recursion, "the expression is too long or deep (more than \(Parser.maxExpressionDepth) levels)",
                    span: span, hint: "split it into smaller steps with variables"))
            throw Abandon()
        }
        return Expr(kind, span, depth: depth)
    }

    private mutating func parseArguments() throws -> [Argument] {
        var arguments: [Argument] = []
        var seen = Set<String>()
        while !checkSymbol(")") {
            if let label = argumentLabel, peekKind(1) == .symbol("=") {
                let token = advance()
                advance()
                let value = try parseExpression()
                guard seen.insert(label).inserted else {
                    throw KisoError(
                        .argument, "keyword argument `\(label)` is given twice",
                        span: token.span.merged(with: value.span),
                        hint: "give each argument once")
                }
                arguments.append(Argument(label: label, value: value, span: token.span.merged(with: value.span)))
            } else if checkSymbol("*") || checkSymbol("**") {
                // `f(*xs)` spreads positional arguments, `f(**d)` keyword arguments.
                let star = advance()
                let value = try parseExpression()
                let spread = try node(
                    .spread(value, keywords: star.kind == .symbol("**")), star.span.merged(with: value.span), [value])
                arguments.append(Argument(label: nil, value: spread, span: spread.span))
            } else {
                var value = try parseExpression()
                if checkKeyword(.for) {
                    // `sum(x * x for x in xs)`: a generator expression as an argument.
                    let generator = try parseComprehension(.list, element: value)
                    value = try node(
                        .comprehension(generator), value.span.merged(with: previous.span),
                        [value] + clauseChildren(generator.clauses))
                }
                if let last = arguments.last, last.label != nil {
                    throw KisoError(
                        .syntax, "a positional argument follows a keyword argument", span: value.span,
                        hint: "put positional arguments first")
                }
                arguments.append(Argument(label: nil, value: value, span: value.span))
            }
            if !match(",") { break }
        }
        return arguments
    }

    /// The name a keyword argument starts with; the keyword `end` names one too, for Python's
    /// `print(x, end="")`.
    private var argumentLabel: String? {
        switch peek.kind {
        case .identifier(let name): return name
        case .keyword(.end): return "end"
        default: return nil
        }
    }

    private mutating func parseIndexItems() throws -> [IndexItem] {
        var items: [IndexItem] = []
        while !checkSymbol("]") {
            let start = peek.span
            var first: Expr? = nil
            if !checkSymbol(":") { first = try parseExpression() }
            if match(":") {
                var stop: Expr? = nil
                var step: Expr? = nil
                if !checkSymbol(":") && !checkSymbol(",") && !checkSymbol("]") { stop = try parseExpression() }
                if match(":") {
                    if !checkSymbol(",") && !checkSymbol("]") { step = try parseExpression() }
                }
                items.append(.slice(start: first, stop: stop, step: step, span: start.merged(with: previous.span)))
            } else if let first {
                items.append(.expression(first))
            }
            if !match(",") { break }
        }
        if items.isEmpty {
            try failHere("an index needs at least one entry", hint: "for example x[0] or x[:, 1]")
        }
        return items
    }

    private mutating func parsePrimary() throws -> Expr {
        let token = peek
        switch token.kind {
        case .number(let v):
            advance()
            return Expr(.number(v), token.span)
        case .integer(let v):
            advance()
            return Expr(.integer(v), token.span)
        case .string(let s):
            advance()
            return Expr(.string(s), token.span)
        case .fstring(let pieces):
            advance()
            return Expr(.fstring(try parseFString(pieces)), token.span)
        case .keyword(.true):
            advance()
            return Expr(.bool(true), token.span)
        case .keyword(.false):
            advance()
            return Expr(.bool(false), token.span)
        case .keyword(.none):
            advance()
            return Expr(.none, token.span)
        case .symbol("..."):
            advance()
            return Expr(.ellipsis, token.span)
        case .identifier(let name):
            if name == "lambda", isIdentifier(peekKind(1)) || peekKind(1) == .symbol(":"),
                let python = PythonSyntax.error(for: name, span: token.span)
            {
                throw python
            }
            advance()
            return Expr(.name(NameRef(name)), token.span)
        case .symbol("("):
            advance()
            try enter()
            defer { leave() }
            if checkSymbol(")") {
                let close = advance()
                return Expr(.tuple([]), token.span.merged(with: close.span))
            }
            let first = try parseExpression()
            if checkKeyword(.for) {
                let generator = try parseComprehension(.list, element: first)
                let close = try expect(")", "to close the generator expression")
                return try node(
                    .comprehension(generator), token.span.merged(with: close.span),
                    [first] + clauseChildren(generator.clauses))
            }
            if checkSymbol(",") {
                var items = [first]
                while match(",") {
                    if checkSymbol(")") { break }
                    items.append(try parseExpression())
                }
                let close = try expect(")", "to close the tuple")
                return try node(.tuple(items), token.span.merged(with: close.span), items)
            }
            _ = try expect(")", "to close the parenthesis", hint: "every `(` needs a matching `)`")
            return first
        case .symbol("["):
            advance()
            try enter()
            defer { leave() }
            var items: [Expr] = []
            while !checkSymbol("]") {
                items.append(try parseExpression())
                if items.count == 1, checkKeyword(.for) {
                    let comprehension = try parseComprehension(.list, element: items[0])
                    let close = try expect("]", "to close the list comprehension")
                    return try node(
                        .comprehension(comprehension), token.span.merged(with: close.span),
                        items + clauseChildren(comprehension.clauses))
                }
                if !match(",") { break }
            }
            let close = try expect("]", "to close the list", hint: "separate elements with commas")
            return try node(.list(items), token.span.merged(with: close.span), items)
        case .symbol("{"):
            advance()
            try enter()
            defer { leave() }
            var entries: [(key: Expr, value: Expr)] = []
            while !checkSymbol("}") {
                let key = try parseExpression()
                if entries.isEmpty, checkKeyword(.for) {
                    throw KisoError(
                        .syntax, "Kiso has no sets, so `{x for …}` is not a comprehension it can build",
                        span: peek.span,
                        hint: "build a list `[x for …]` and use unique(…), or a dict `{x: true for …}`")
                }
                _ = try expect(":", "between a key and its value", hint: "write {\"key\": value}")
                let value = try parseExpression()
                if entries.isEmpty, checkKeyword(.for) {
                    let comprehension = try parseComprehension(.dict(key: key), element: value)
                    let close = try expect("}", "to close the dict comprehension")
                    return try node(
                        .comprehension(comprehension), token.span.merged(with: close.span),
                        [key, value] + clauseChildren(comprehension.clauses))
                }
                entries.append((key, value))
                if !match(",") { break }
            }
            let close = try expect("}", "to close the dict")
            return try node(
                .dict(entries), token.span.merged(with: close.span), entries.flatMap { [$0.key, $0.value] })
        case .end, .newline:
            throw KisoError(.syntax, "expected an expression, found \(token.kind.display)", span: token.span, hint: nil)
        default:
            throw KisoError(
                .syntax, "expected an expression, found \(token.kind.display)", span: token.span,
                hint: token.kind == .symbol("=") ? "a name or value must come before `=`" : nil)
        }
    }

    private mutating func parseFString(_ pieces: [FStringPiece]) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        for piece in pieces {
            switch piece {
            case .text(let text):
                parts.append(.text(text))
            case .expression(let source, let offset, let line, let column, let spec):
                var lexer = Lexer(source, line: line, column: column, offset: offset)
                let tokens = lexer.tokenize()
                var sub = Parser(tokens: tokens)
                sub.nesting = nesting
                errors += lexer.errors
                if source.allSatisfy({ $0 == " " }) {
                    throw KisoError(
                        .syntax, "empty `{}` in an f-string",
                        span: SourceSpan(
                            start: offset - 1, end: offset + 1, line: line, column: Swift.max(1, column - 1)),
                        hint: "put an expression inside, or write `{{}}` for literal braces")
                }
                let expr = sub.parseSingleExpression()
                errors += sub.errors
                if let expr { parts.append(.expression(expr, spec: spec)) }
            }
        }
        return parts
    }
}
