import KisoTensor

extension ObjectType {
    /// Lists' methods, as Python's `list` has them. The ones that change the list (`append`,
    /// `extend`, `insert`, `pop`, `remove`, `sort`, `reverse`) store the changed list back into
    /// the variable they are called on (see `Builtin.mutates`): `losses = []`, then
    /// `losses.append(l)` in a loop, then `plot(losses)`. Numbers written in brackets are a
    /// tensor, so the growing and shrinking methods also take a tensor as the list it was
    /// written as, and give back what the changed list would be written as:
    /// `probs = [0.25, 0.5]; probs.append(0.25)` is the tensor `[0.25 0.5 0.25]`.
    static let list = ObjectType(
        "list", receiver: "xs", doc: "A Python list: items of any kind, in order.",
        example: "xs = []; xs.append(\"a\"); xs",
        cast: { value -> [Value]? in
            switch value {
            case .list(let items): return items
            case .tensor(let t) where t.rank >= 1: return try? writtenItems(t)
            default: return nil
            }
        }
    ) { t in
        t.method(
            "append", [param("item", .any)], doc: "Adds item at the end of the list (the variable changes).",
            example: "xs = []; xs.append(0.5); xs", mutates: "xs"
        ) { items, a in
            try a.set("xs", try rewritten(items + [try a["item"]], like: try a["xs"]))
            return .none
        }
        t.method(
            "extend", [param("items", .collection)],
            doc: "Adds each of items at the end of the list (the variable changes).",
            example: "xs = [\"a\"]; xs.extend([\"b\", \"c\"]); xs", mutates: "xs"
        ) { items, a in
            let added = try a.interpreter.iterationItems(try a["items"], span: a.span)
            try a.set("xs", try rewritten(items + added, like: try a["xs"]))
            return .none
        }
        t.method(
            "insert", [param("index", .int), param("item", .any)],
            doc: "Puts item before position index (the variable changes); past either end, at that end.",
            example: "xs = [\"a\", \"c\"]; xs.insert(1, \"b\"); xs", mutates: "xs"
        ) { items, a in
            var items = items
            let i = try a.int("index")
            // Python clamps: insert(-100, v) puts v first, insert(100, v) last.
            let position = i < 0 ? Swift.max(0, items.count + i) : Swift.min(i, items.count)
            items.insert(try a["item"], at: position)
            try a.set("xs", try rewritten(items, like: try a["xs"]))
            return .none
        }
        t.method(
            "pop", [param("index", .int, .int(-1))],
            doc: "Removes the item at index (the last by default) and gives it (the variable changes).",
            example: "xs = [\"a\", \"b\"]; xs.pop()", mutates: "xs"
        ) { items, a in
            var items = items
            guard !items.isEmpty else {
                throw KisoError(.index, "pop from an empty list", hint: "check len(xs) > 0 first")
            }
            let i = try a.int("index")
            let position = i < 0 ? i + items.count : i
            guard position >= 0 && position < items.count else {
                throw KisoError(
                    .index, "pop index \(i) is out of range for \(items.count) item\(items.count == 1 ? "" : "s")",
                    hint: "valid indices are -\(items.count)…\(items.count - 1)")
            }
            let item = items.remove(at: position)
            try a.set("xs", try rewritten(items, like: try a["xs"]))
            return item
        }
        t.method(
            "remove", [param("item", .any)],
            doc: "Removes the first item equal to item (the variable changes).",
            example: "xs = [\"a\", \"b\", \"a\"]; xs.remove(\"a\"); xs", mutates: "xs"
        ) { items, a in
            var items = items
            guard let position = try items.firstIndex(where: { try a.interpreter.valuesEqual($0, try a["item"]) })
            else {
                throw KisoError(
                    .value, "list.remove: \(try a["item"].repr) is not in the list", hint: "test with `in` first")
            }
            items.remove(at: position)
            try a.set("xs", try rewritten(items, like: try a["xs"]))
            return .none
        }
        t.method(
            "sort", [param("key", .function, .none), param("reverse", .bool, .bool(false))],
            doc: "Sorts the list (by key(item) if key is given; descending with reverse=true); the variable changes.",
            example: "xs = [\"b\", \"c\", \"a\"]; xs.sort(); xs", mutates: "xs"
        ) { items, a in
            let keys =
                try a.isNone("key") ? items : try items.map { try a.interpreter.call(try a["key"], [$0], span: a.span) }
            let order = try a.interpreter.stableOrder(keys, reverse: try a.bool("reverse"), span: a.span)
            try a.set("xs", try rewritten(order.map { items[$0] }, like: try a["xs"]))
            return .none
        }
        t.method(
            "reverse", [], doc: "Reverses the order of the items (the variable changes).",
            example: "xs = [\"a\", \"b\"]; xs.reverse(); xs", mutates: "xs"
        ) { items, a in
            try a.set("xs", try rewritten(items.reversed(), like: try a["xs"]))
            return .none
        }
        t.method(
            "index", [param("item", .any)], doc: "The position of the first item equal to item.",
            example: "[\"a\", \"b\"].index(\"b\")"
        ) { items, a in
            guard let position = try items.firstIndex(where: { try a.interpreter.valuesEqual($0, try a["item"]) })
            else {
                throw KisoError(
                    .value, "list.index: \(try a["item"].repr) is not in the list", hint: "test with `in` first")
            }
            return .int(position)
        }
        t.method(
            "count", [param("item", .any)], doc: "How many items equal item.",
            example: "[\"a\", \"b\", \"a\"].count(\"a\")"
        ) { items, a in
            .int(try items.filter { try a.interpreter.valuesEqual($0, try a["item"]) }.count)
        }
        t.method(
            "copy", [], doc: "The same items (lists are values: assignment copies too).", example: "[\"a\"].copy()"
        ) {
            items, _ in .list(items)
        }
    }
}

/// The items a tensor was written as: its elements as numbers (a 1-d tensor) or its rows.
private func writtenItems(_ t: Tensor) throws -> [Value] {
    try (0..<t.shape[0]).map { i in
        let row = try t.subscripted([.int(i)])
        return t.rank == 1 ? Convert.scalarValue(row) : .tensor(row)
    }
}

/// A changed list, as the receiver was: a list stays a list, and a tensor becomes what the
/// changed items would be written in brackets as (a tensor, or a list if they no longer fit one).
private func rewritten(_ items: [Value], like receiver: Value) throws -> Value {
    guard case .tensor = receiver else { return .list(items) }
    return try Literal.collect(items, spans: nil, strict: false)
}
