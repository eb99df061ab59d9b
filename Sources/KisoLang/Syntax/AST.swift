/// The syntax tree the parser builds and the interpreter walks.

/// Where a name's value lives, filled in by the resolver: in a function frame (`depth` frames
/// out from the current one, at `slot`) or among the session's globals (by symbol number).
enum NameScope: Equatable {
    case unresolved
    case local(depth: Int, slot: Int)
    case global(Int)
}

/// A use of a name, shared by reference so the resolver can record where it lives.
final class NameRef {
    let name: String
    var scope: NameScope = .unresolved

    init(_ name: String) { self.name = name }
}

/// A binary operator.
enum BinaryOperator: String {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case matmul = "@"
    case power = "**"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    /// Membership: a substring, a list or tuple item, a dict key, a tensor element.
    case contains = "in"
    case notContains = "not in"
}

/// A unary operator.
enum UnaryOperator: String {
    case negate = "-"
    case plus = "+"
    case not = "not"
}

/// One argument of a call: positional, or `label=value`.
struct Argument {
    var label: String?
    var value: Expr
    var span: SourceSpan

    /// Whether it is `*xs` or `**d`, which stand for as many arguments as the value holds.
    var isSpread: Bool {
        if case .spread = value.kind { return true }
        return false
    }
}

/// One entry of an index list.
enum IndexItem {
    case expression(Expr)
    case slice(start: Expr?, stop: Expr?, step: Expr?, span: SourceSpan)
}

/// One part of an f-string.
enum FStringPart {
    case text(String)
    case expression(Expr, spec: String)
}

/// A parameter of a function.
struct Parameter {
    var name: String
    var defaultValue: Expr?
    var span: SourceSpan
    /// For `*args` and `**kwargs`: which extra arguments the parameter collects.
    var collects: Collected? = nil

    /// The extra arguments a `*args` or `**kwargs` parameter collects.
    enum Collected {
        /// `*args`: the positional arguments past the others, as a tuple.
        case positional
        /// `**kwargs`: the keyword arguments no other parameter takes, as a dict.
        case keywords
    }
}

/// A function written in Kiso: `def`, a one-line definition, or a lambda.
final class FunctionDecl {
    let name: String
    let parameters: [Parameter]
    let body: [Stmt]
    let span: SourceSpan
    /// How many slots a call's frame needs (parameters first, then other locals).
    var slotCount = 0
    /// The names of the slots, for messages.
    var slotNames: [String] = []
    /// The body compiled to closures, made at the first call (see `Compiler`).
    var compiled: CompiledStatement?

    /// The offset just past the definition's last scalar (its `end`, or the expression of
    /// `f(x) = …`), so `??f` can show the whole definition.
    var endOffset = 0

    /// Whether a parameter is `*args` or `**kwargs`.
    var collectsArguments: Bool { parameters.contains { $0.collects != nil } }

    init(name: String, parameters: [Parameter], body: [Stmt], span: SourceSpan) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.span = span
    }
}

/// An expression node and its span. `depth` is the height of the subtree, bounded by the
/// parser so walking it can never exhaust the stack.
struct Expr {
    var kind: ExprKind
    var span: SourceSpan
    var depth: Int

    init(_ kind: ExprKind, _ span: SourceSpan, depth: Int = 1) {
        self.kind = kind
        self.span = span
        self.depth = depth
    }
}

indirect enum ExprKind {
    /// A float literal.
    case number(Double)
    /// An int literal.
    case integer(Int)
    case string(String)
    case bool(Bool)
    case none
    case ellipsis
    case fstring([FStringPart])
    case name(NameRef)
    case list([Expr])
    case tuple([Expr])
    case dict([(key: Expr, value: Expr)])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case call(Expr, [Argument])
    case index(Expr, [IndexItem])
    case attribute(Expr, String, SourceSpan)
    case lambda(FunctionDecl)
    /// `[f(x) for x in xs if c]`, `{k: v for k in ks}`, or a generator in a call's parentheses.
    case comprehension(Comprehension)
    /// `f(*xs)` or `f(**d)`: a collection spread into a call's arguments (only as an argument).
    case spread(Expr, keywords: Bool)
    /// Python's `a if condition else b`.
    case conditional(Expr, condition: Expr, otherwise: Expr)
}

/// One `for … in …` or `if …` of a comprehension, in source order.
enum ComprehensionClause {
    case loop(targets: [Expr], sequence: Expr)
    case filter(Expr)
}

/// A comprehension. It runs in a frame of its own (so its loop names stay inside it, as in
/// Python 3): `slotCount` slots for its names, plus two the compiled form uses.
final class Comprehension {
    enum Kind {
        /// `[… for …]`, and a generator expression, which Kiso builds eagerly.
        case list
        /// `{key: value for …}`.
        case dict(key: Expr)
    }

    let kind: Kind
    let element: Expr
    let clauses: [ComprehensionClause]
    /// How many slots its frame needs, filled in by the resolver (the last holds the result).
    var slotCount = 2
    /// The comprehension compiled to closures, made at its first evaluation.
    var compiled: CompiledExpression?

    init(kind: Kind, element: Expr, clauses: [ComprehensionClause]) {
        self.kind = kind
        self.element = element
        self.clauses = clauses
    }
}

/// A statement node and its span; `silent` records a trailing `;`.
struct Stmt {
    var kind: StmtKind
    var span: SourceSpan
    var silent = false
}

indirect enum StmtKind {
    case expression(Expr)
    case assign(Expr, Expr)
    case compoundAssign(Expr, BinaryOperator, Expr)
    case unpack([Expr], Expr)
    case function(NameRef, FunctionDecl)
    case ifChain([(condition: Expr, body: [Stmt])], otherwise: [Stmt]?)
    case forLoop([Expr], Expr, [Stmt])
    case whileLoop(Expr, [Stmt])
    case breakLoop
    case continueLoop
    case returnValue(Expr?)
}

extension Expr {
    /// Whether the expression is numbers written out (`3`, `-1.5`, `true`, `[1, [2, 3]]`), which a
    /// tensor literal requires to be rectangular.
    var isWrittenNumbers: Bool {
        switch kind {
        case .number, .integer, .bool: return true
        case .unary(_, let e): return e.isWrittenNumbers
        case .list(let items): return items.allSatisfy(\.isWrittenNumbers)
        default: return false
        }
    }
}
