extension Generator {
    /// Shuffles `x` in place along axis 0 (`rng.shuffle(x)`): rows move, each row's contents
    /// stay together.
    ///
    /// Throws when `x` is 0-d.
    public func shuffle(_ x: inout Tensor) throws {
        try RandomSupport.shuffleRows(&x, &bits, op: "shuffle")
    }

    /// A random ordering of 0..<n as an int64 tensor (`rng.permutation(n)`).
    ///
    /// Throws when `n` is negative.
    public func permutation(_ n: Int) throws -> Tensor {
        var x = try Tensor.arangeIndices(n, op: "permutation")
        try shuffle(&x)
        return x
    }

    /// A shuffled copy of `x` along axis 0 (`rng.permutation(x)`).
    ///
    /// Throws when `x` is 0-d.
    public func permutation(_ x: Tensor) throws -> Tensor {
        var copy = x
        try RandomSupport.shuffleRows(&copy, &bits, op: "permutation")
        return copy
    }
}

extension Tensor {
    /// 0, 1, …, n−1 as an int64 tensor.
    static func arangeIndices(_ n: Int, op: String) throws -> Tensor {
        let count = try checkedCount(of: [n], op: op)
        return Tensor(uncheckedShape: [n], storage: (0..<count).map { Double($0) }, dtype: .int64)
    }
}
