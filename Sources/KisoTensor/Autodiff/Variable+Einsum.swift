/// NumPy's `einsum`: sums of products named by index letters, `"ij,jk->ik"`. Written on
/// variables from transposes, diagonals, sums and batched matrix products, so that it is
/// differentiable and every contraction of two operands runs as one matrix product.
extension Variable {
    /// `einsum(subscripts, operands…)` with NumPy's rules: letters name axes; a letter repeated in
    /// one operand takes a diagonal; a letter missing from the output is summed over; `...` stands
    /// for broadcast axes; without `->` the output is every letter used once, alphabetically.
    public static func einsum(_ subscripts: String, _ operands: [Variable]) throws -> Variable {
        let spec = try EinsumSpec(subscripts, ranks: operands.map(\.rank))
        // Each operand brought to distinct labels, with the labels no one else needs summed out.
        var terms: [(labels: [Character], value: Variable)] = []
        for (index, operand) in operands.enumerated() {
            var labels = spec.inputs[index]
            var value = operand
            try EinsumSpec.checkSizes(labels, value.shape, spec: spec)
            while let (first, second) = EinsumSpec.repeatedPair(labels) {
                value = try value.diagonal(axis1: first, axis2: second)
                labels.remove(at: second)
                labels.remove(at: first)
                labels.append(spec.inputs[index][first])
            }
            let elsewhere = Set(spec.output + spec.inputs.enumerated().filter { $0.offset != index }.flatMap(\.element))
            let lonely = labels.indices.filter { !elsewhere.contains(labels[$0]) }
            if !lonely.isEmpty {
                value = try value.sum(axes: lonely)
                labels = labels.indices.filter { !lonely.contains($0) }.map { labels[$0] }
            }
            terms.append((labels, value))
        }
        guard var (labels, result) = terms.first else {
            throw TensorError.value("einsum: needs at least one operand", hint: "einsum(\"ii\", A)")
        }
        for (position, term) in terms.enumerated().dropFirst() {
            let later = Set(spec.output + terms[(position + 1)...].flatMap(\.labels))
            (labels, result) = try contract(labels, result, term.labels, term.value, keep: later)
        }
        let extra = labels.indices.filter { !spec.output.contains(labels[$0]) }
        if !extra.isEmpty {
            result = try result.sum(axes: extra)
            labels = labels.indices.filter { !extra.contains($0) }.map { labels[$0] }
        }
        let order = try spec.output.map { label -> Int in
            guard let at = labels.firstIndex(of: label) else {
                throw TensorError.value("einsum: output index \(label) appears in no operand")
            }
            return at
        }
        return order == Array(order.indices) ? result : try result.transposed(order)
    }

    /// Two operands multiplied and summed over the labels they share that nothing later needs,
    /// as one batched matrix product: (batch, freeA, shared) @ (batch, shared, freeB).
    private static func contract(
        _ la: [Character], _ a: Variable, _ lb: [Character], _ b: Variable, keep: Set<Character>
    ) throws -> ([Character], Variable) {
        let batch = la.filter { lb.contains($0) && keep.contains($0) }
        let summed = la.filter { lb.contains($0) && !keep.contains($0) }
        let freeA = la.filter { !lb.contains($0) }
        let freeB = lb.filter { !la.contains($0) }
        func size(_ label: Character) -> Int {
            let sa = la.firstIndex(of: label).map { a.shape[$0] } ?? 1
            let sb = lb.firstIndex(of: label).map { b.shape[$0] } ?? 1
            return Swift.max(sa, sb)
        }
        func arranged(_ labels: [Character], _ v: Variable, _ order: [Character]) throws -> Variable {
            let permutation = order.compactMap { labels.firstIndex(of: $0) }
            let moved = permutation == Array(permutation.indices) ? v : try v.transposed(permutation)
            let target = order.map { labels.contains($0) ? size($0) : 1 }
            return moved.shape == target ? moved : try moved.broadcast(to: target)
        }
        let left = try arranged(la, a, batch + freeA + summed)
        let right = try arranged(lb, b, batch + summed + freeB)
        let nb = batch.map(size).reduce(1, *)
        let na = freeA.map(size).reduce(1, *)
        let ns = summed.map(size).reduce(1, *)
        let nf = freeB.map(size).reduce(1, *)
        let product = try Variable.matmul(try left.reshaped([nb, na, ns]), try right.reshaped([nb, ns, nf]))
        let shape = (batch + freeA + freeB).map(size)
        return (batch + freeA + freeB, try product.reshaped(shape))
    }

    /// The diagonal over two axes of equal length, as the last axis (NumPy's `diagonal`).
    func diagonal(axis1: Int, axis2: Int) throws -> Variable {
        let n = shape[axis1]
        let others = (0..<rank).filter { $0 != axis1 && $0 != axis2 }
        let moved = try transposed(others + [axis1, axis2])
        let flat = try moved.reshaped(others.map { shape[$0] } + [n * n])
        let positions = Tensor((0..<n).map { Double($0 * (n + 1)) }, dtype: .int64)
        return try flat.take(positions, axis: others.count)
    }
}

/// The parsed subscripts of an `einsum` call: one label list per operand and the output's,
/// with `...` expanded into labels of its own.
struct EinsumSpec {
    var inputs: [[Character]]
    var output: [Character]

    init(_ subscripts: String, ranks: [Int]) throws {
        let text = subscripts.filter { $0 != " " }
        let parts = EinsumSpec.split(text)
        let inputText = parts.inputs
        guard inputText.count == ranks.count else {
            throw TensorError.value(
                "einsum: the subscripts name \(inputText.count) operand\(inputText.count == 1 ? "" : "s"), but \(ranks.count) were given",
                hint: "one comma-separated group of letters per operand, e.g. \"ij,jk->ik\"")
        }
        // Broadcast axes get labels that cannot be letters: private-use characters.
        let ellipsisRank =
            try zip(inputText, ranks).map { spec, rank -> Int in
                let letters = spec.replacingEllipsis().count
                let hasEllipsis = spec.contains("...")
                guard hasEllipsis ? letters <= rank : letters == rank else {
                    throw TensorError.shape(
                        "einsum: \"\(spec)\" names \(letters) axes for an operand with \(rank)",
                        hint: "use one letter per axis, or ... for the leading ones")
                }
                return hasEllipsis ? rank - letters : 0
            }.max() ?? 0
        let broadcastLabels = (0..<ellipsisRank).map { Character(Unicode.Scalar(0xE000 + $0) ?? "~") }
        inputs = try zip(inputText, ranks).map { spec, rank in
            try EinsumSpec.labels(spec, rank: rank, broadcast: broadcastLabels)
        }
        if let explicit = parts.output {
            output = try EinsumSpec.labels(explicit, rank: nil, broadcast: broadcastLabels)
            let used = Set(inputs.flatMap { $0 })
            for label in output where !used.contains(label) {
                throw TensorError.value(
                    "einsum: output index \(label) appears in no operand", hint: "use only letters from the inputs")
            }
            if Set(output).count != output.count {
                throw TensorError.value("einsum: an output index is repeated in \"\(explicit)\"")
            }
        } else {
            var counts: [Character: Int] = [:]
            for label in inputs.flatMap({ $0 }) { counts[label, default: 0] += 1 }
            let once = counts.filter { $0.value == 1 && !broadcastLabels.contains($0.key) }.map(\.key).sorted()
            output = broadcastLabels + once
        }
    }

    /// Labels of one operand, `...` replaced by its share of the broadcast labels.
    private static func labels(_ spec: String, rank: Int?, broadcast: [Character]) throws -> [Character] {
        var result: [Character] = []
        var rest = Substring(spec)
        while let first = rest.first {
            if rest.hasPrefix("...") {
                let letters = spec.replacingEllipsis().count
                let take = rank.map { Swift.max(0, $0 - letters) } ?? broadcast.count
                result += broadcast.suffix(take)
                rest = rest.dropFirst(3)
                continue
            }
            guard first.isLetter, first.isASCII else {
                throw TensorError.value(
                    "einsum: \"\(first)\" is not an index letter in \"\(spec)\"",
                    hint: "indices are letters a–z or A–Z; separate operands with commas")
            }
            result.append(first)
            rest = rest.dropFirst()
        }
        return result
    }

    /// Checks that a label names axes of one length throughout an operand.
    static func checkSizes(_ labels: [Character], _ shape: [Int], spec: EinsumSpec) throws {
        var seen: [Character: Int] = [:]
        for (label, size) in zip(labels, shape) {
            if let earlier = seen[label], earlier != size {
                throw TensorError.shape(
                    "einsum: index \(label) has length \(earlier) and \(size) in the same operand",
                    hint: "a repeated index takes a diagonal, which needs equal lengths")
            }
            seen[label] = size
        }
    }

    /// The first two positions that hold the same label, if any.
    static func repeatedPair(_ labels: [Character]) -> (Int, Int)? {
        for i in labels.indices {
            for j in (i + 1)..<labels.count where labels[i] == labels[j] { return (i, j) }
        }
        return nil
    }
}

extension EinsumSpec {
    /// The comma-separated input groups, and the output after `->` when there is one.
    static func split(_ text: String) -> (inputs: [String], output: String?) {
        let characters = Array(text)
        var arrow: Int? = nil
        var i = 0
        while i + 1 < characters.count {
            if characters[i] == "-" && characters[i + 1] == ">" {
                arrow = i
                break
            }
            i += 1
        }
        let inputsPart = arrow.map { String(characters[..<$0]) } ?? text
        let output = arrow.map { String(characters[($0 + 2)...]) }
        return (inputsPart.split(separator: ",", omittingEmptySubsequences: false).map(String.init), output)
    }
}

extension String {
    /// The text with every `...` removed (the letters of an einsum group).
    fileprivate func replacingEllipsis() -> String {
        var result = ""
        var rest = Substring(self)
        while !rest.isEmpty {
            if rest.hasPrefix("...") {
                rest = rest.dropFirst(3)
            } else {
                result.append(rest.removeFirst())
            }
        }
        return result
    }
}
