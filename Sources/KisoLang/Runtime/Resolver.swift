/// Decides where every name lives before a program runs: in a function frame slot (found by
/// position, with no hashing at run time) or among the session's globals (by symbol number).
/// As in Python, a name assigned anywhere in a function is local to it; other names are read
/// from the enclosing functions' frames, then the globals.
struct Resolver {
    private var scopes: [[String: Int]] = []
    private let intern: (String) -> Int

    init(intern: @escaping (String) -> Int) {
        self.intern = intern
    }

    mutating func resolve(expression: Expr) {
        resolve(expression)
    }

    private mutating func bind(_ ref: NameRef) {
        resolveName(ref)
    }

    private mutating func resolveName(_ ref: NameRef) {
        for (depth, scope) in scopes.reversed().enumerated() {
            if let slot = scope[ref.name] {
                ref.scope = .local(depth: depth, slot: slot)
                return
            }
        }
        ref.scope = .global(intern(ref.name))
    }

    private mutating func resolve(_ statement: Stmt) {
        switch statement.kind {
        case .expression(let e): resolve(e)
        case .assign(let target, let value):
            resolve(value)
            resolve(target)
        case .compoundAssign(let target, _, let value):
            resolve(value)
            resolve(target)
        case .unpack(let targets, let value):
            resolve(value)
            for t in targets { resolve(t) }
        case .function(let ref, let decl):
            resolveName(ref)
            resolveFunction(decl)
        case .ifChain(let branches, let otherwise):
            for branch in branches {
                resolve(branch.condition)
                resolve(branch.body)
            }
            if let otherwise { resolve(otherwise) }
        case .forLoop(let targets, let sequence, let body):
            resolve(sequence)
            for t in targets { resolve(t) }
            resolve(body)
        case .whileLoop(let condition, let body):
            resolve(condition)
            resolve(body)
        case .returnValue(let value):
            if let value { resolve(value) }
        case .breakLoop, .continueLoop: break
        }
    }

    private mutating func resolveFunction(_ decl: FunctionDecl) {
        for p in decl.parameters {
            if let d = p.defaultValue { resolve(d) }
        }
        var slots: [String: Int] = [:]
        var names: [String] = []
        func add(_ name: String) {
            if slots[name] == nil {
                slots[name] = names.count
                names.append(name)
            }
        }
        for p in decl.parameters { add(p.name) }
        collectAssigned(decl.body, add)
        decl.slotCount = names.count
        decl.slotNames = names
        scopes.append(slots)
        resolve(decl.body)
        scopes.removeLast()
    }

    private func collectAssigned(_ statements: [Stmt], _ add: (String) -> Void) {
        for statement in statements {
            switch statement.kind {
            case .assign(let target, _), .compoundAssign(let target, _, _):
                if case .name(let ref) = target.kind { add(ref.name) }
            case .unpack(let targets, _):
                for case .name(let ref) in targets.map(\.kind) { add(ref.name) }
            case .function(let ref, _): add(ref.name)
            case .forLoop(let targets, _, let body):
                for name in targets.flatMap({ Resolver.names(in: $0) }) { add(name) }
                collectAssigned(body, add)
            case .ifChain(let branches, let otherwise):
                for branch in branches { collectAssigned(branch.body, add) }
                if let otherwise { collectAssigned(otherwise, add) }
            case .whileLoop(_, let body): collectAssigned(body, add)
            default: break
            }
        }
    }

    mutating func resolve(_ statements: [Stmt]) {
        for s in statements { resolve(s) }
    }

    private mutating func resolve(_ expr: Expr) {
        switch expr.kind {
        case .number, .integer, .string, .bool, .none, .ellipsis: break
        case .fstring(let parts):
            for case .expression(let e, _) in parts { resolve(e) }
        case .name(let ref): resolveName(ref)
        case .list(let items), .tuple(let items): for i in items { resolve(i) }
        case .dict(let entries):
            for entry in entries {
                resolve(entry.key)
                resolve(entry.value)
            }
        case .unary(_, let e): resolve(e)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b):
            resolve(a)
            resolve(b)
        case .call(let callee, let arguments):
            resolve(callee)
            for a in arguments { resolve(a.value) }
        case .index(let base, let items):
            resolve(base)
            for item in items {
                switch item {
                case .expression(let e): resolve(e)
                case .slice(let a, let b, let c, _):
                    for e in [a, b, c].compactMap({ $0 }) { resolve(e) }
                }
            }
        case .attribute(let base, _, _): resolve(base)
        case .lambda(let decl): resolveFunction(decl)
        case .comprehension(let c): resolveComprehension(c)
        case .spread(let e, _): resolve(e)
        case .conditional(let value, let condition, let otherwise):
            resolve(condition)
            resolve(value)
            resolve(otherwise)
        }
    }

    /// A comprehension's loop names live in its own frame. Its first sequence is read in the
    /// enclosing scope, as Python reads it (`[x for x in x]` walks the outer `x`); the compiled
    /// comprehension evaluates it in the parent frame accordingly.
    private mutating func resolveComprehension(_ c: Comprehension) {
        var slots: [String: Int] = [:]
        for case .loop(let targets, _) in c.clauses {
            for name in targets.flatMap({ Resolver.names(in: $0) }) where slots[name] == nil {
                slots[name] = slots.count
            }
        }
        // Two more slots: the result being built and the first sequence (see `Compiler.comprehension`).
        c.slotCount = slots.count + 2
        for (k, clause) in c.clauses.enumerated() {
            switch clause {
            case .loop(let targets, let sequence):
                if k == 0 { resolve(sequence) }
                scopes.append(slots)
                if k != 0 { resolve(sequence) }
                for t in targets { resolve(t) }
                scopes.removeLast()
            case .filter(let condition):
                scopes.append(slots)
                resolve(condition)
                scopes.removeLast()
            }
        }
        scopes.append(slots)
        if case .dict(let key) = c.kind { resolve(key) }
        resolve(c.element)
        scopes.removeLast()
    }

    /// The names a loop target binds: `x`, or each name of `(i, (x, y))`.
    static func names(in target: Expr) -> [String] {
        switch target.kind {
        case .name(let ref): return [ref.name]
        case .tuple(let items): return items.flatMap { names(in: $0) }
        default: return []
        }
    }
}
