import KisoBase
import KisoTensor
import KisoText

/// Text builtins beside strings' own methods (String+Methods.swift): what a learner needs to write
/// the course's BPE exercise line for line, following Python.
extension Registry {
    /// `max` or `min`: NumPy's reduction for tensors (and lists of numbers); Python's builtin for
    /// other items and whenever `key` is given — the first item whose key is largest (smallest).
    func extremum(
        _ name: String, largest: Bool, doc: String, example: String, grad: GradBehaviour,
        _ reduce: @escaping (Tensor, [Int]?, Bool) throws -> Tensor
    ) {
        add(
            name,
            [
                param("x", .collection), param("axis", .axes, .none), param("keepdims", .bool, .bool(false)),
                param("key", .function, .none),
            ], doc: doc, example: example, grad: grad
        ) { a in
            let x = try a.take("x")
            let key = try a["key"]
            let byKey = !isNoneValue(key)
            // Python's max(a, b) of two numbers: `axis` is read as `b` only when x is a number.
            if !byKey, x.isScalarNumber, let chosen = pythonExtreme(x, try a["axis"], largest: largest) {
                return chosen
            }
            if !byKey && x.isNumeric {
                return .tensor(
                    try reduce(try Convert.tensor(x, "x"), try a.axes("axis"), try a.bool("keepdims")))
            }
            guard try a.isNone("axis"), !(try a.bool("keepdims")) else {
                throw KisoError(
                    .argument, "\(name): axis and keepdims apply to tensors, not to \(x.kindName)",
                    hint: "leave them out, or pass a tensor")
            }
            let items = try a.interpreter.iterationItems(x, span: a.span)
            guard !items.isEmpty else {
                throw KisoError(.value, "\(name)() of an empty \(x.shortKind)", hint: "give at least one item")
            }
            var best = 0
            var bestKey = byKey ? try a.interpreter.call(key, [items[0]], span: a.span) : items[0]
            for i in 1..<items.count {
                let key = byKey ? try a.interpreter.call(key, [items[i]], span: a.span) : items[i]
                let c = try a.interpreter.compare(key, bestKey, span: a.span)
                if largest ? c > 0 : c < 0 {
                    best = i
                    bestKey = key
                }
            }
            return items[best]
        }
    }

    func registerStrings() {
        section("Text")
        add(
            "chars", [param("s", .string)], doc: "The characters of s, as a list of one-character strings.",
            example: "chars(\"low\")"
        ) { a in
            .list(try a.string("s").map { .string(String($0)) })
        }
        add(
            "ord", [param("c", .string)], doc: "The Unicode code point of a one-character string.",
            example: "ord(\"a\")"
        ) {
            a in
            let c = try a.string("c")
            let scalars = c.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first else {
                throw KisoError(
                    .type, "ord: expected one character, got a string of \(scalars.count) code points",
                    hint: "pass a single character, like ord(\"a\")")
            }
            return .int(Int(scalar.value))
        }
        add("chr", [param("n", .int)], doc: "The one-character string of a Unicode code point.", example: "chr(97)") {
            a in
            let n = try a.int("n")
            guard n >= 0, n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else {
                throw KisoError(
                    .value, "chr: \(n) is not a Unicode code point",
                    hint: "code points run from 0 to 1114111 (0x10FFFF), without the surrogates 55296–57343")
            }
            return .string(String(Character(scalar)))
        }
        add(
            "counter", [param("items", .any)],
            doc: "A dict from each distinct item to how often it occurs, in order of first appearance.",
            example: "counter(\"low low lower\".split())"
        ) { a in
            var counts = KisoDict()
            for item in try a.interpreter.iterationItems(try a["items"], span: a.span) {
                let key = try a.interpreter.dictKey(item, span: a.span)
                let n = counts[key].flatMap { if case .int(let x) = $0 { return x } else { return nil } } ?? 0
                counts.set(key, .int(n + 1))
            }
            return .dict(counts)
        }
        add(
            "sorted", [param("items", .any), param("key", .function, .none), param("reverse", .bool, .bool(false))],
            doc:
                "The items in ascending order (by key(item) if key is given; descending with reverse=true); equal items keep their order.",
            example: "sorted(items(d), key=p -> p[1], reverse=true)"
        ) { a in
            // A 1-d tensor sorts to a tensor of its dtype, as NumPy's np.sort would give.
            if case .tensor(let t) = try a["items"], t.rank == 1 {
                let scalars = t.contiguous().scalars
                let items = scalars.map { Value.number($0) }
                let keys =
                    try a.isNone("key")
                    ? items : try items.map { try a.interpreter.call(try a["key"], [$0], span: a.span) }
                let order = try a.interpreter.stableOrder(keys, reverse: try a.bool("reverse"), span: a.span)
                return .tensor(Tensor(order.map { scalars[$0] }, dtype: t.dtype))
            }
            let items = try a.interpreter.iterationItems(try a["items"], span: a.span)
            let keys =
                try a.isNone("key") ? items : try items.map { try a.interpreter.call(try a["key"], [$0], span: a.span) }
            let order = try a.interpreter.stableOrder(keys, reverse: try a.bool("reverse"), span: a.span)
            return .list(order.map { items[$0] })
        }
        add(
            "read_text", [param("path", .string)],
            doc:
                "The text of a UTF-8 file; a relative path starts at the notebook's or script's folder, else the working folder.",
            example: "len(read_text(\"/etc/hosts\"))"
        ) { a in
            let path = a.interpreter.resolvePath(try a.string("path"))
            return .string(try textCall("read_text") { () throws(TextError) in try TextFile.text(atPath: path) })
        }
    }
}

extension Value {
    /// Whether the value is a number, a bool, a tensor, or a list or tuple of those — what the
    /// tensor reductions take.
    var isNumeric: Bool {
        switch self {
        case .number, .int, .bool, .tensor, .variable: return true
        case .list(let items), .tuple(let items): return !items.isEmpty && items.allSatisfy(\.isNumeric)
        default: return false
        }
    }

    /// Whether the value holds items to look through (beyond what a tensor parameter takes).
    var isCollection: Bool {
        switch self {
        case .dict, .string, .range, .list, .tuple: return true
        default: return false
        }
    }
}

/// Runs a KisoText call, its errors becoming value errors that name the builtin.
func textCall<T>(_ name: String, _ body: () throws(TextError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw KisoError(.value, "\(name): \(error.message)", hint: error.hint)
    }
}

extension Interpreter {
    /// Where the program reads `path`: a relative path starts at its folder (the notebook's or
    /// script's, where the files it comes with are) or, when nothing of that name is there, at
    /// the folder it writes in (``writePath(_:)``), where the files it saved are.
    func resolvePath(_ path: String) -> String {
        let beside = path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
        let written = writePath(path)
        return written != beside && !FileSystem.exists(beside) && FileSystem.exists(written) ? written : beside
    }

    /// Where the program writes `path`: a relative path starts at the working folder for a
    /// script, notebook or lesson run by kiso (confined: it may write only there, wherever its
    /// own folder is), else at its folder.
    func writePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if let confinement = FileSystem.confinement { return FileSystem.join(confinement.writable, path) }
        return directory.isEmpty ? path : directory + "/" + path
    }

    /// The folder relative writes start from and stay inside (``writePath(_:)``).
    var writeFolder: String { FileSystem.confinement?.writable ?? (directory.isEmpty ? "." : directory) }

    /// The positions of `keys` in sorted order, equal keys in their original order.
    func stableOrder(_ keys: [Value], reverse: Bool, span: SourceSpan) throws -> [Int] {
        var failure: KisoError?
        let order = keys.indices.sorted { i, j in
            if failure != nil { return i < j }
            do {
                let c = try compare(keys[i], keys[j], span: span)
                if c == 0 { return i < j }
                return reverse ? c > 0 : c < 0
            } catch let error as KisoError {
                failure = error
                return i < j
            } catch {
                return i < j
            }
        }
        if let failure { throw failure }
        return order
    }

    /// -1, 0 or 1 as Python orders two values: numbers by value, strings by code points, tuples
    /// and lists item by item.
    func compare(_ a: Value, _ b: Value, span: SourceSpan) throws -> Int {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if x == y { return 0 }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
        case (.tuple(let xs), .tuple(let ys)), (.list(let xs), .list(let ys)):
            for (x, y) in zip(xs, ys) {
                let c = try compare(x, y, span: span)
                if c != 0 { return c }
            }
            return xs.count == ys.count ? 0 : xs.count < ys.count ? -1 : 1
        case (.int(let x), .int(let y)):
            return x == y ? 0 : x < y ? -1 : 1
        default:
            if let x = orderedNumber(a), let y = orderedNumber(b) { return x == y ? 0 : x < y ? -1 : 1 }
            throw KisoError(
                .type, "cannot order \(a.kindName) and \(b.kindName)", span: span,
                hint: "sort values of one kind, or give key= a function that returns numbers or strings")
        }
    }

    private func orderedNumber(_ v: Value) -> Double? {
        switch v {
        case .number(let x): return x
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.count == 1: return t.scalar
        default: return nil
        }
    }

    /// Whether `item` is in `container`: a substring of a string, an item of a list or tuple, a key
    /// of a dict, a number in a range, an element of a tensor.
    func contains(_ container: Value, _ item: Value, span: SourceSpan) throws -> Bool {
        switch container {
        case .string(let s):
            guard case .string(let sub) = item else {
                throw KisoError(
                    .type, "`in` on a string needs a string on the left, got \(item.kindName)", span: span,
                    hint: "convert it with str(…)")
            }
            return sub.isEmpty || s.contains(sub)
        case .list(let xs), .tuple(let xs): return try xs.contains { try valuesEqual($0, item) }
        case .dict(let d):
            return (try? dictKey(item, span: span)).map { d[$0] != nil } ?? false
        case .range(let r):
            guard let x = orderedNumber(item), x == x.rounded(), abs(x) < 9e18 else { return false }
            let n = Int(x)
            if r.step > 0 ? (n < r.start || n >= r.stop) : (n > r.start || n <= r.stop) { return false }
            let (offset, overflow) = n.subtractingReportingOverflow(r.start)
            return !overflow && offset % r.step == 0
        case .tensor(let t):
            guard let x = orderedNumber(item) else { return false }
            return t.contiguous().scalars.contains(x)
        default:
            throw KisoError(
                .type, "`in` does not apply to \(container.kindName)", span: span,
                hint: "look for items in a string, list, tuple, dict, range or tensor")
        }
    }
}
