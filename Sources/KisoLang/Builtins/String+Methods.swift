import KisoTensor

extension ObjectType {
    /// Strings' methods, as Python's `str` has them: `word.split()`, `" ".join(xs)`,
    /// `w.replace("l o", "lo")`. Positions count characters, as `len` and indexing do.
    static let string = ObjectType(
        "string", receiver: "s", doc: "Text, with Python's string methods.",
        example: "\"l o w\".split()",
        cast: { value -> Value? in
            if case .string = value { return value }
            return nil
        }
    ) { t in
        t.method(
            "split", [param("sep", .string, .none), param("maxsplit", .int, .int(-1))],
            doc: "The pieces of s between separators; without sep, the words between runs of whitespace.",
            example: "\"l o w </w>\".split()"
        ) { _, a in
            let s = try a.string("s")
            let limit = try a.int("maxsplit")
            let maxSplits = limit < 0 ? Int.max : limit
            if try a.isNone("sep") {
                var words = s.split(maxSplits: maxSplits, omittingEmptySubsequences: true, whereSeparator: isSpace)
                    .map(String.init)
                // Python keeps the rest after the last split as it is, less its leading whitespace.
                if limit >= 0, let last = words.last {
                    let rest = strip(Substring(last), isSpace, leading: true, trailing: false)
                    if rest.isEmpty { words.removeLast() } else { words[words.count - 1] = rest }
                }
                return .list(words.map { .string($0) })
            }
            let sep = try a.string("sep")
            guard !sep.isEmpty else {
                throw KisoError(.value, "split: the separator is empty", hint: "use chars(s) for the characters of s")
            }
            return .list(
                s.split(separator: sep, maxSplits: maxSplits, omittingEmptySubsequences: false).map {
                    .string(String($0))
                })
        }
        t.method(
            "join", [param("items", .any)],
            doc: "The strings in items with s between them.",
            example: "\" \".join([\"l\", \"o\", \"w\"])"
        ) { _, a in
            let sep = try a.string("s")
            let items = try a.interpreter.iterationItems(try a["items"], span: a.span)
            var pieces: [String] = []
            pieces.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else {
                    throw KisoError(
                        .type, "join: item \(i) is \(item.kindName), not a string", hint: "convert it first with str(…)"
                    )
                }
                pieces.append(s)
            }
            return .string(pieces.joined(separator: sep))
        }
        t.method(
            "replace",
            [param("old", .string), param("new", .string), param("count", .int, .int(-1))],
            doc: "s with each occurrence of old (the first count, if given) replaced by new, left to right.",
            example: "\"l o w\".replace(\"l o\", \"lo\")"
        ) { _, a in
            let (s, old, new) = (try a.string("s"), try a.string("old"), try a.string("new"))
            let count = try a.int("count")
            let limit = count < 0 ? Int.max : count
            if old.isEmpty {
                // Python puts `new` before every character and at the end.
                var out = ""
                var done = 0
                for c in s {
                    if done < limit {
                        out += new
                        done += 1
                    }
                    out.append(c)
                }
                if done < limit { out += new }
                return .string(out)
            }
            return .string(s.replacing(old, with: new, maxReplacements: limit))
        }
        for (name, leading, trailing) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
            let side = leading && trailing ? "both ends" : leading ? "the start" : "the end"
            t.method(
                name, [param("chars", .string, .none)],
                doc: "s without whitespace (or the characters in chars) at \(side).", example: "\"  low \".\(name)()"
            ) { _, a in
                let s = try a.string("s")
                if try a.isNone("chars") {
                    return .string(strip(Substring(s), isSpace, leading: leading, trailing: trailing))
                }
                let set = Set(try a.string("chars"))
                return .string(strip(Substring(s), { set.contains($0) }, leading: leading, trailing: trailing))
            }
        }
        t.method("lower", [], doc: "s in lower case.", example: "\"Low\".lower()") { _, a in
            .string(try a.string("s").lowercased())
        }
        t.method("upper", [], doc: "s in upper case.", example: "\"low\".upper()") { _, a in
            .string(try a.string("s").uppercased())
        }
        for (name, isStart) in [("startswith", true), ("endswith", false)] {
            t.method(
                name, [param(isStart ? "prefix" : "suffix", .any)],
                doc: "Whether s \(isStart ? "starts" : "ends") with the text (or with one of a tuple of texts).",
                example: isStart ? "\"lower\".startswith(\"lo\")" : "\"newest\".endswith((\"st\", \"er\"))"
            ) { _, a in
                let s = try a.string("s")
                let affix = try a[isStart ? "prefix" : "suffix"]
                let candidates: [Value]
                switch affix {
                case .tuple(let xs), .list(let xs): candidates = xs
                default: candidates = [affix]
                }
                for candidate in candidates {
                    guard case .string(let t) = candidate else {
                        throw Convert.mismatch(
                            "a string or a tuple of strings", isStart ? "prefix" : "suffix", candidate)
                    }
                    if isStart ? s.hasPrefix(t) : s.hasSuffix(t) { return .bool(true) }
                }
                return .bool(false)
            }
        }
        t.method(
            "find", [param("sub", .string)],
            doc: "The position of the first sub in s, or -1 if there is none.", example: "\"newest\".find(\"est\")"
        ) { _, a in
            let (s, sub) = (try a.string("s"), try a.string("sub"))
            guard let range = s.firstRange(of: sub) else { return .int(sub.isEmpty ? 0 : -1) }
            return .int(s.distance(from: s.startIndex, to: range.lowerBound))
        }
        t.method(
            "count", [param("sub", .string)],
            doc: "How many times sub occurs in s, not overlapping.", example: "\"banana\".count(\"an\")"
        ) { _, a in
            let (s, sub) = (try a.string("s"), try a.string("sub"))
            if sub.isEmpty { return .int(s.count + 1) }
            return .int(s.ranges(of: sub).count)
        }
    }

    /// Dicts' methods, as Python's `dict` has them: `pairs.get(p, 0)`, `vocab.items()`.
    static let dict = ObjectType(
        "dict", receiver: "d", doc: "A dict: keys (strings, numbers, tuples) to values, in insertion order.",
        example: "d.get(\"a\", 0)",
        cast: { value -> KisoDict? in
            if case .dict(let d) = value { return d }
            return nil
        }
    ) { t in
        t.method(
            "get", [param("key", .any), param("default", .any, .none)],
            doc: "d[key] if the key is in the dict, otherwise default.", example: "d.get(\"b\", 0)"
        ) { d, a in
            let key = try a.interpreter.dictKey(try a["key"], span: a.span)
            return try d[key] ?? a["default"]
        }
        t.method("items", [], doc: "The (key, value) pairs, in insertion order.", example: "d.items()") { d, _ in
            .list(zip(d.keys, d.values).map { .tuple([$0.value, $1]) })
        }
        t.method("keys", [], doc: "The keys, in insertion order.", example: "d.keys()") { d, _ in
            .list(d.keys.map(\.value))
        }
        t.method("values", [], doc: "The values, in insertion order.", example: "d.values()") { d, _ in
            .list(d.values)
        }
        t.method(
            "update", [param("other", .any)],
            doc: "Sets each key of other (a dict, or (key, value) pairs) to its value (the variable changes).",
            example: "d.update({\"b\": 2}); d", mutates: "d"
        ) { d, a in
            var d = d
            let pairs: [(Value, Value)]
            if case .dict(let other) = try a["other"] {
                pairs = zip(other.keys, other.values).map { ($0.value, $1) }
            } else {
                pairs = try a.interpreter.iterationItems(try a["other"], span: a.span).map { pair in
                    guard case .tuple(let kv) = pair, kv.count == 2 else {
                        throw KisoError(
                            .type, "update: \(pair.kindName) is not a (key, value) pair", hint: "d.update({\"k\": 1})")
                    }
                    return (kv[0], kv[1])
                }
            }
            for (key, value) in pairs { d.set(try a.interpreter.dictKey(key, span: a.span), value) }
            try a.set("d", .dict(d))
            return .none
        }
        t.method(
            "pop", [param("key", .any), param("default", .any, .none)],
            doc: "Removes key and gives its value (default if it is absent); the variable changes.",
            example: "d.pop(\"a\")", mutates: "d"
        ) { d, a in
            let key = try a.interpreter.dictKey(try a["key"], span: a.span)
            guard let value = d[key] else {
                if try a.isNone("default") {
                    throw KisoError(
                        .index, "key \(key.value.repr) is not in the dict", hint: "give a default: d.pop(key, 0)")
                }
                return try a["default"]
            }
            try a.set("d", .dict(d.removing(key)))
            return value
        }
    }

    /// The methods of a string, dict or list receiver; nil for other values.
    static func methods(of value: Value) -> ObjectType? {
        switch value {
        case .string: return .string
        case .dict: return .dict
        case .list: return .list
        default: return nil
        }
    }
}

extension KisoDict {
    /// The dict without `key`, the others in their order.
    func removing(_ key: DictKey) -> KisoDict {
        var d = KisoDict()
        for (k, v) in zip(keys, values) where k != key { d.set(k, v) }
        return d
    }
}

/// Python's whitespace (what `str.split()` and `str.strip()` remove): a character is whitespace
/// when each of its code points is (so "\r\n" is).
func isSpace(_ c: Character) -> Bool {
    c.unicodeScalars.allSatisfy {
        switch $0.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default: return false
        }
    }
}

func strip(_ s: Substring, _ drop: (Character) -> Bool, leading: Bool, trailing: Bool) -> String {
    var s = s
    if leading { while let c = s.first, drop(c) { s.removeFirst() } }
    if trailing { while let c = s.last, drop(c) { s.removeLast() } }
    return String(s)
}
