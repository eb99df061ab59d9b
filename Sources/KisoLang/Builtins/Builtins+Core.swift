import KisoTensor

extension Registry {
    func registerCore() {
        section("Language")
        add(
            "print", [rest("values"), param("sep", .string, .string(" ")), param("end", .string, .string("\n"))],
            doc: "Writes the values, separated by sep (a space), then end (a newline), as Python's print.",
            example: "print(\"loss\", 0.25)", grad: .detaching
        ) { a in
            guard case .list(let items) = try a["values"] else { return .none }
            let text = items.map(a.interpreter.printedText).joined(separator: try a.string("sep"))
            a.interpreter.output(text + (try a.string("end")))
            return .none
        }
        add(
            "append", [param("items", .any), param("x", .any)],
            doc: "A new list with x at the end; for a tensor, NumPy's append (both flattened, then joined).",
            example: "append([1, 2], 3)"
        ) { a in
            switch try a["items"] {
            case .list(let xs), .tuple(let xs): return .list(xs + [try a["x"]])
            case .tensor(let t):
                // NumPy's append: both flattened, then joined.
                let tail = try a.tensor("x").flattened()
                return .tensor(try Tensor.concatenate([t.flattened(), tail]))
            default:
                throw KisoError(
                    .type, "`append` needs a list, got \(try a["items"].kindName)", span: a.span,
                    hint: "start from an empty list: xs = []; xs = append(xs, x)")
            }
        }
        add(
            "len", [param("x", .any)],
            doc: "The number of items: elements of a list, rows of a tensor, keys of a dict.",
            example: "len([1, 2, 3])", grad: .structural
        ) { a in
            switch try a["x"] {
            case .list(let xs), .tuple(let xs): return .int(xs.count)
            case .string(let s): return .int(s.count)
            case .dict(let d): return .int(d.count)
            case .range(let r): return .int(r.count)
            case .object(let tokenizer as TokenizerObject): return .int(tokenizer.tokenizer.count)
            default:
                guard let t = try a["x"].readableTensor else {
                    throw KisoError(.type, "\(try a["x"].kindName) has no length")
                }
                guard let first = t.shape.first else {
                    throw KisoError(.type, "len() of a 0-d tensor", hint: "a 0-d tensor holds one value; use x.size")
                }
                return .int(first)
            }
        }
        add(
            "range", [param("start", .int), param("stop", .int, .none), param("step", .int, .int(1))],
            doc:
                "The integers from start up to (not including) stop; with one argument, from 0. Lazy: nothing is stored.",
            example: "for i in range(3) print(i) end"
        ) { a in
            var start = try a.int("start")
            var stop = 0
            if let s = try a.optionalInt("stop") { stop = s } else { (start, stop) = (0, start) }
            let step = try a.int("step")
            guard step != 0 else { throw KisoError(.value, "range() step cannot be zero", hint: "use 1 or -1") }
            return .range(KisoRange(start: start, stop: stop, step: step))
        }
        add(
            "str", [param("x", .any)], doc: "The value as text, as print shows it.", example: "str(3) + \" apples\"",
            grad: .detaching
        ) {
            a in
            .string(a.interpreter.printedText(try a["x"]))
        }
        add(
            "repr", [param("x", .any)], doc: "The value as text, as a container shows it (strings quoted).",
            example: "repr(\"a\")", grad: .detaching
        ) { a in
            .string(try a["x"].repr)
        }
        add(
            "float", [param("x", .any)], doc: "A number from a number, a one-element tensor, a bool or text.",
            example: "float(\"2.5\")"
        ) { a in
            if case .string(let s) = try a["x"] {
                guard let x = Double(s.trimmingSpaces) else {
                    throw KisoError(
                        .value, "cannot read \(quoteString(s)) as a number", hint: "write digits, like \"2.5\"")
                }
                return .number(x)
            }
            return .number(try a.number("x"))
        }
        add(
            "int", [param("x", .any)], doc: "An int, truncating toward zero.", example: "int(3.7)",
            grad: .detaching
        ) { a in
            if case .int = try a["x"] { return try a["x"] }
            if case .string(let s) = try a["x"] {
                let text = String(s.trimmingSpaces.filter { $0 != "_" })
                guard let n = Int(text) else {
                    throw KisoError(
                        .value, "cannot read \(quoteString(s)) as an int", hint: "write digits, like \"3\"")
                }
                return .int(n)
            }
            let x = try a.number("x")
            guard let n = Int(exactly: x.rounded(.towardZero)) else {
                throw KisoError(
                    .value, "cannot make an int of \(formatNumber(x))",
                    hint: x.isFinite ? "Kiso's ints are 64-bit; keep it a float" : "only finite numbers are ints")
            }
            return .int(n)
        }
        add("bool", [param("x", .any)], doc: "Whether the value counts as true.", example: "bool(0)", grad: .detaching)
        { a in
            .bool(try a.interpreter.truth(try a["x"], span: a.span))
        }
        add(
            "list", [param("x", .any)], doc: "The items as a list: a tensor's rows, a range's numbers, a dict's keys.",
            example: "list(range(3))", grad: .structural
        ) { a in
            switch try a["x"] {
            case .list: return try a["x"]
            case .tuple(let xs): return .list(xs)
            case .range(let r):
                guard r.count <= 10_000_000 else { throw Convert.rangeTooLarge(r) }
                return .list((0..<r.count).map { .int(r.element($0)) })
            case .dict(let d): return .list(d.keys.map(\.value))
            case .string(let s): return .list(s.map { .string(String($0)) })
            default:
                if let rows = try a.interpreter.tensorRows(try a["x"], span: a.span) { return .list(rows) }
                if (try a["x"]).readableTensor != nil { return .list([try a["x"]]) }
                throw KisoError(.type, "cannot make a list from \(try a["x"].kindName)")
            }
        }
        add("tuple", [param("x", .any)], doc: "The items as a tuple.", example: "tuple([1, 2])", grad: .structural) {
            a in
            if case .tuple = try a["x"] { return try a["x"] }
            if let rows = try a.interpreter.tensorRows(try a["x"], span: a.span) { return .tuple(rows) }
            var items: [Value] = []
            if case .list(let xs) = try a["x"] {
                items = xs
            } else if case .range(let r) = try a["x"], r.count <= 10_000_000 {
                items = (0..<r.count).map { .int(r.element($0)) }
            } else {
                throw KisoError(.type, "cannot make a tuple from \(try a["x"].kindName)")
            }
            return .tuple(items)
        }
        add(
            "keys", [param("d", .any)], doc: "A dict's keys, in insertion order.", example: "keys({\"a\": 1})",
            grad: .structural
        ) { a in
            guard case .dict(let d) = try a["d"] else { throw Convert.mismatch("a dict", "d", try a["d"]) }
            return .list(d.keys.map(\.value))
        }
        add(
            "values", [param("d", .any)], doc: "A dict's values, in insertion order.", example: "values({\"a\": 1})",
            grad: .structural
        ) {
            a in
            guard case .dict(let d) = try a["d"] else { throw Convert.mismatch("a dict", "d", try a["d"]) }
            return .list(d.values)
        }
        add(
            "items", [param("d", .any)], doc: "A dict's (key, value) pairs, in insertion order.",
            example: "for k, v in items(d) print(k, v) end", grad: .structural
        ) { a in
            guard case .dict(let d) = try a["d"] else { throw Convert.mismatch("a dict", "d", try a["d"]) }
            return .list(zip(d.keys, d.values).map { .tuple([$0.value, $1]) })
        }
        add("type", [param("x", .any)], doc: "The kind of a value, as text.", example: "type(1)", grad: .detaching) {
            a in
            .string(try a["x"].shortKind)
        }
        add(
            "enumerate", [param("x", .any), param("start", .int, .int(0))],
            doc: "(index, item) pairs, the index counting from start.",
            example: "for i, w in enumerate([\"a\", \"b\"]) print(i, w) end", grad: .structural
        ) { a in
            let items = try a.interpreter.iterationItems(try a["x"], span: a.span)
            let start = try a.int("start")
            return .list(
                try items.enumerated().map { k, item in
                    let (index, overflow) = start.addingReportingOverflow(k)
                    if overflow {
                        throw KisoError(.value, "enumerate: start \(start) is too large", hint: "start from 0")
                    }
                    return .tuple([.int(index), item])
                })
        }
        add(
            "zip", [rest("sequences")], doc: "Tuples of the items at the same position in each sequence.",
            example: "zip([1, 2], [\"a\", \"b\"])", grad: .structural
        ) { a in
            guard case .list(let seqs) = try a["sequences"] else { return .list([]) }
            let lists = try seqs.map { try a.interpreter.iterationItems($0, span: a.span) }
            let n = lists.map(\.count).min() ?? 0
            return .list((0..<n).map { i in .tuple(lists.map { $0[i] }) })
        }
        add(
            "shape", [param("x", .tensor)], doc: "The shape of a tensor, as a tuple.", example: "shape([[1, 2, 3]])",
            grad: .detaching
        ) {
            a in
            .tuple(try a.tensor("x").shape.map { .int($0) })
        }
        add(
            "ndim", [param("x", .tensor)], doc: "The number of dimensions.", example: "ndim([[1, 2]])", grad: .detaching
        ) { a in
            .int(try a.tensor("x").rank)
        }
        add(
            "size", [param("x", .tensor)], doc: "The number of elements.", example: "size(zeros([2, 3]))",
            grad: .detaching
        ) { a in
            .int(try a.tensor("x").count)
        }
    }
}

extension Interpreter {
    /// The items a `for` loop would visit, gathered (bounded for ranges).
    func iterationItems(_ value: Value, span: SourceSpan) throws -> [Value] {
        switch value {
        case .list(let xs), .tuple(let xs): return xs
        case .dict(let d): return d.keys.map(\.value)
        case .string(let s): return s.map { .string(String($0)) }
        case .range(let r):
            guard r.count <= 10_000_000 else { throw Convert.rangeTooLarge(r) }
            return (0..<r.count).map { .int(r.element($0)) }
        default:
            guard let rows = try tensorRows(value, span: span) else {
                throw KisoError(.type, "cannot iterate over \(value.kindName)", span: span)
            }
            return rows
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
