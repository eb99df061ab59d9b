/// A nested structure of leaves — lists, tuples and dictionaries with ordered string keys — as
/// JAX's pytrees: a gradient with respect to a tree of parameters is a tree of the same shape,
/// and optimizers step over the leaves in order.
public indirect enum Tree<Leaf> {
    /// One value.
    case leaf(Leaf)
    /// A list of subtrees.
    case list([Tree<Leaf>])
    /// A tuple of subtrees (kept apart from `list` so a round trip keeps the kind).
    case tuple([Tree<Leaf>])
    /// Subtrees under string keys, in insertion order.
    case dict([(key: String, value: Tree<Leaf>)])

    /// Every leaf, depth first, in order (dictionary entries in insertion order).
    ///
    /// Inlinable, like `leafCount` and `map`, so that the language's gradients walk their trees
    /// with code specialised to the leaf type rather than through generic value witnesses.
    @inlinable
    public var leaves: [Leaf] {
        var result: [Leaf] = []
        collectLeaves(into: &result)
        return result
    }

    @inlinable
    func collectLeaves(into result: inout [Leaf]) {
        switch self {
        case .leaf(let value): result.append(value)
        case .list(let items), .tuple(let items): for item in items { item.collectLeaves(into: &result) }
        case .dict(let entries): for entry in entries { entry.value.collectLeaves(into: &result) }
        }
    }

    /// The number of leaves.
    @inlinable
    public var leafCount: Int {
        switch self {
        case .leaf: return 1
        case .list(let items), .tuple(let items): return items.reduce(0) { $0 + $1.leafCount }
        case .dict(let entries): return entries.reduce(0) { $0 + $1.value.leafCount }
        }
    }

    /// The same structure with `transform` applied to every leaf.
    @inlinable
    public func map<T>(_ transform: (Leaf) throws -> T) rethrows -> Tree<T> {
        switch self {
        case .leaf(let value): return .leaf(try transform(value))
        case .list(let items): return .list(try items.map { try $0.map(transform) })
        case .tuple(let items): return .tuple(try items.map { try $0.map(transform) })
        case .dict(let entries): return .dict(try entries.map { (key: $0.key, value: try $0.value.map(transform)) })
        }
    }

    /// The same structure holding `newLeaves` in order (the inverse of `leaves`). Throws when the
    /// count differs from the number of leaves.
    public func replacingLeaves<T>(with newLeaves: [T]) throws -> Tree<T> {
        guard newLeaves.count == leafCount else {
            throw TensorError.value(
                "tree: \(newLeaves.count) leaves cannot fill a structure of \(leafCount)",
                hint: "give exactly one value per leaf, in the order `leaves` lists them")
        }
        var next = 0
        return map { _ in
            defer { next += 1 }
            return newLeaves[next]
        }
    }

    /// Whether `other` has the same nesting, kinds, lengths and keys (leaves not compared).
    public func hasSameStructure<T>(as other: Tree<T>) -> Bool {
        switch (self, other) {
        case (.leaf, .leaf): return true
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.hasSameStructure(as: $1) }
        case (.dict(let a), .dict(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { $0.key == $1.key && $0.value.hasSameStructure(as: $1.value) }
        default: return false
        }
    }

    /// The subtree under `key` of a dictionary, or nil.
    public subscript(key: String) -> Tree<Leaf>? {
        guard case .dict(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The `position`-th subtree of a list or tuple, or nil.
    public subscript(position: Int) -> Tree<Leaf>? {
        switch self {
        case .list(let items), .tuple(let items): return items.indices.contains(position) ? items[position] : nil
        default: return nil
        }
    }

    /// The value of a leaf, or nil for a container.
    public var leafValue: Leaf? {
        if case .leaf(let value) = self { return value }
        return nil
    }
}

extension Tree: Sendable where Leaf: Sendable {}
