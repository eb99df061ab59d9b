import Testing

@testable import KisoLang

@Suite struct ParserTests {
    private func parse(_ source: String) -> (statements: [Stmt], errors: [KisoError]) {
        var parser = Parser(source: source)
        let statements = parser.parseProgram()
        return (statements, parser.errors)
    }

    /// A compact rendering of an expression tree, for structural checks.
    private func shape(_ e: Expr) -> String {
        switch e.kind {
        case .number(let x): return formatNumber(x)
        case .integer(let n): return String(n)
        case .string(let s): return quoteString(s)
        case .bool(let b): return b ? "true" : "false"
        case .none: return "none"
        case .ellipsis: return "..."
        case .fstring: return "f\"\""
        case .name(let r): return r.name
        case .list(let xs): return "[" + xs.map(shape).joined(separator: " ") + "]"
        case .tuple(let xs): return "(tuple " + xs.map(shape).joined(separator: " ") + ")"
        case .dict(let es): return "{" + es.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: " ") + "}"
        case .unary(let op, let a): return "(\(op.rawValue) \(shape(a)))"
        case .binary(let op, let a, let b): return "(\(op.rawValue) \(shape(a)) \(shape(b)))"
        case .and(let a, let b): return "(and \(shape(a)) \(shape(b)))"
        case .or(let a, let b): return "(or \(shape(a)) \(shape(b)))"
        case .call(let c, let args):
            return "(call \(shape(c))" + args.map { " " + ($0.label.map { "\($0)=" } ?? "") + shape($0.value) }.joined()
                + ")"
        case .index(let b, let items):
            let parts = items.map { item -> String in
                switch item {
                case .expression(let e): return shape(e)
                case .slice(let a, let b, let c, _):
                    return [a, b, c].map { $0.map(shape) ?? "" }.joined(separator: ":")
                }
            }
            return "(index \(shape(b)) \(parts.joined(separator: ", ")))"
        case .attribute(let b, let n, _): return "(. \(shape(b)) \(n))"
        case .lambda(let d): return "(lambda \(d.parameters.map(\.name).joined(separator: " ")))"
        case .comprehension(let c):
            var text = "(comp "
            if case .dict(let key) = c.kind { text += shape(key) + ":" }
            text += shape(c.element)
            for clause in c.clauses {
                switch clause {
                case .loop(let targets, let sequence):
                    text += " for " + targets.map(shape).joined(separator: ",") + " in " + shape(sequence)
                case .filter(let condition): text += " if " + shape(condition)
                }
            }
            return text + ")"
        case .spread(let e, let keywords): return (keywords ? "**" : "*") + shape(e)
        case .conditional(let a, let c, let b): return "(if \(shape(c)) \(shape(a)) \(shape(b)))"
        }
    }

    @Test func comprehensionsAndSpreads() {
        #expect(expression("[f(w) for w in ws if w != \"\"]") == "(comp (call f w) for w in ws if (!= w ''))")
        #expect(expression("sum(x * x for x in xs)") == "(call sum (comp (* x x) for x in xs))")
        #expect(expression("{k: v for k, v in items(d)}") == "(comp k:v for k,v in (call items d))")
        #expect(expression("[i for i in a for j in b if i in j]") == "(comp i for i in a for j in b if (in i j))")
        #expect(expression("(x for x in xs)") == "(comp x for x in xs)")
        #expect(expression("f(*xs, **kw)") == "(call f *xs **kw)")
        #expect(expression("randn(*x.shape)") == "(call randn *(. x shape))")
        #expect(expression("a if c else b if d else e") == "(if c a (if d b e))")
        #expect(expression("[x if x > 0 else 0 for x in xs]") == "(comp (if (> x 0) x 0) for x in xs)")
        #expect(expression("0 < x <= 1") == "(and (< 0 x) (<= x 1))")
        #expect(expression("a == b == c != d") == "(and (and (== a b) (== b c)) (!= c d))")
    }

    private func expression(_ source: String) -> String {
        let (statements, errors) = parse(source)
        guard errors.isEmpty, statements.count == 1, case .expression(let e) = statements[0].kind else {
            return "failed: \(errors.map(\.message))"
        }
        return shape(e)
    }

    @Test func precedence() {
        #expect(expression("1 + 2 * 3") == "(+ 1 (* 2 3))")
        #expect(expression("-x^2") == "(- (** x 2))")
        #expect(expression("2^3^2") == "(** 2 (** 3 2))")
        #expect(expression("a @ b.T / c") == "(/ (@ a (. b T)) c)")
        #expect(expression("not a == b and c or d") == "(or (and (not (== a b)) c) d)")
        #expect(expression("2 ** -1") == "(** 2 -1)")
    }

    @Test func callsIndexingAndLiterals() {
        #expect(expression("f(a, k=v)") == "(call f a k=v)")
        #expect(expression("x[i, 1:3, ::-1, mask, none, ...]") == "(index x i, 1:3:, ::-1, mask, none, ...)")
        #expect(expression("x.sum(axis=0)") == "(call (. x sum) axis=0)")
        #expect(expression("{\"a\": [1, 2], \"b\": (1,)}") == "{'a':[1 2] 'b':(tuple 1)}")
        #expect(expression("()") == "(tuple )")
    }

    @Test func lambdas() {
        #expect(expression("x -> x^2") == "(lambda x)")
        #expect(expression("(a, b) -> a + b") == "(lambda a b)")
        #expect(expression("f(x -> x + 1)") == "(call f (lambda x))")
    }

    @Test func statements() {
        let (statements, errors) = parse(
            """
            f(x, y=1) = x + y
            a, b = f(1), 2
            x[0, :] = 5; y = 2
            def g(q)
                if q > 0
                    return q
                elif q < 0
                    -q
                else
                    0
                end
            end
            for i in range(3) print(i) end
            while false break end
            """)
        #expect(errors.isEmpty)
        #expect(statements.count == 7)
        guard case .function(_, let decl) = statements[0].kind else {
            Issue.record("expected a one-line definition")
            return
        }
        #expect(decl.parameters.map(\.name) == ["x", "y"])
        guard case .unpack(let targets, _) = statements[1].kind else {
            Issue.record("expected unpacking")
            return
        }
        #expect(targets.count == 2)
        #expect(statements[2].silent)
        guard case .function(_, let g) = statements[4].kind, case .ifChain(let branches, let otherwise) = g.body[0].kind
        else {
            Issue.record("expected def with if")
            return
        }
        #expect(branches.count == 2)
        #expect(otherwise?.count == 1)
    }

    @Test func recoveryReportsSeveralErrors() {
        let (statements, errors) = parse("x = 1 +\ny = 2\nz = * 3\nw = 4")
        #expect(errors.count == 2)
        #expect(errors.map { $0.span?.line } == [1, 3])
        #expect(statements.count == 2)
    }

    @Test func errorPositions() {
        let (_, errors) = parse("a = (1, 2\nb = 3")
        #expect(errors.count == 1)
        #expect(errors.first?.kind == .syntax)
        let (_, errors2) = parse("print(1) print(2)")
        #expect(errors2.first?.span?.column == 10)
    }

    @Test func unclosedBlockPointsAtItsKeyword() {
        let (_, errors) = parse("x = 1\nfor i in range(3)\n  x = x + i\n")
        #expect(errors.count == 1)
        #expect(errors.first?.span == SourceSpan(start: 6, end: 9, line: 2, column: 1))
    }

    @Test func invalidTargets() {
        #expect(parse("1 = x").errors.first?.message == "cannot assign to this expression")
        #expect(parse("f(1) = x").errors.first?.message == "a definition's parameters must be names")
        #expect(parse("if x = 1 y = 2 end").errors.first?.message == "`=` assigns; a condition compares")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let (_, errors) = parse(deep)
        #expect(errors.first?.kind == .recursion)
        let long = Array(repeating: "1", count: 20_000).joined(separator: " + ")
        #expect(parse(long).errors.first?.kind == .recursion)
        let blocks = String(repeating: "if true\n", count: 5_000)
        #expect(parse(blocks).errors.first?.kind == .recursion)
        #expect(parse(String(repeating: "-", count: 50_000) + "1").errors.first?.kind == .recursion)
    }

    @Test func lineOffset() {
        var parser = Parser(source: "x = )", line: 40)
        _ = parser.parseProgram()
        #expect(parser.errors.first?.span?.line == 40)
    }
}
